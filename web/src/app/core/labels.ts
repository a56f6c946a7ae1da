import { ActivityType, ClauseDto, LeadState, LeadTrigger } from '../api/l2r-api';

/** Board order: the funnel left to right, then the side and closed states. */
export const STATE_ORDER: LeadState[] = [
  'Raw',
  'Scored',
  'MQL',
  'SalesAccepted',
  'SQL',
  'Opportunity',
  'Won',
  'Nurture',
  'Lost',
  'Disqualified',
];

const STATE_LABELS: Record<string, string> = {
  Raw: 'Raw',
  Scored: 'Scored',
  MQL: 'MQL',
  SalesAccepted: 'Sales accepted',
  SQL: 'SQL',
  Opportunity: 'Opportunity',
  Nurture: 'Nurture',
  Won: 'Won',
  Lost: 'Lost',
  Disqualified: 'Disqualified',
};

const TRIGGER_LABELS: Record<string, string> = {
  Score: 'Score',
  Qualify: 'Qualify as MQL',
  Accept: 'Accept',
  Reject: 'Reject',
  QualifyForSales: 'Qualify for sales',
  Recycle: 'Recycle',
  Convert: 'Convert to opportunity',
  Win: 'Win',
  Lose: 'Lose',
  Reengage: 'Re-engage',
  Disqualify: 'Disqualify',
  Reopen: 'Reopen',
};

const ACTIVITY_LABELS: Record<string, string> = {
  PageView: 'Page view',
  ContentDownload: 'Content download',
  Webinar: 'Webinar',
  EmailOpen: 'Email open',
  EmailClick: 'Email click',
  FormSubmission: 'Form submission',
  Meeting: 'Meeting',
  Call: 'Call',
  EmailSent: 'Email sent',
};

export const ACTIVITY_TYPES: ActivityType[] = [
  'PageView',
  'ContentDownload',
  'Webinar',
  'EmailOpen',
  'EmailClick',
  'FormSubmission',
  'Meeting',
  'Call',
  'EmailSent',
];

/** What a rep records when they reach the lead: the touches an SLA term can be met by. */
export const TOUCH_TYPES: ActivityType[] = ['Call', 'Meeting', 'EmailSent'];

export const stateLabel = (s: LeadState | string | undefined) => (s ? (STATE_LABELS[s] ?? s) : '');
export const triggerLabel = (t: LeadTrigger | string | undefined) =>
  t ? (TRIGGER_LABELS[t] ?? t) : '';
export const activityLabel = (a: ActivityType | string | undefined) =>
  a ? (ACTIVITY_LABELS[a] ?? a) : '';

const CLAUSE_KINDS: Record<string, string> = {
  Criterion: 'Criterion',
  FitRule: 'Fit rule',
  DataQuality: 'Data quality',
};

/** The agreement clause a reason disputes, "Criterion: Budget confirmed", or that it names none. */
export const clauseLabel = (clause: ClauseDto | null | undefined) =>
  clause ? `${CLAUSE_KINDS[clause.kind] ?? clause.kind}: ${clause.description}` : 'names no clause';

/** "3d 4h" style age, for time in stage. */
export function age(since: string | undefined, now = Date.now()): string {
  if (!since) return '';
  const ms = Math.max(0, now - new Date(since).getTime());
  const minutes = Math.floor(ms / 60000);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}

/** Where each trigger may fire from and where it leads (the state machine's shape; the agreement guards it). */
export const TRIGGER_PATHS: Record<string, { from: LeadState[]; to: LeadState }> = {
  Score: { from: ['Raw'], to: 'Scored' },
  Qualify: { from: ['Scored'], to: 'MQL' },
  Accept: { from: ['MQL'], to: 'SalesAccepted' },
  Reject: { from: ['MQL'], to: 'Nurture' },
  QualifyForSales: { from: ['SalesAccepted'], to: 'SQL' },
  Recycle: { from: ['SalesAccepted', 'SQL'], to: 'Nurture' },
  Convert: { from: ['SQL'], to: 'Opportunity' },
  Win: { from: ['Opportunity'], to: 'Won' },
  Lose: { from: ['Opportunity'], to: 'Lost' },
  Reengage: { from: ['Nurture'], to: 'Scored' },
  Disqualify: {
    from: ['Raw', 'Scored', 'MQL', 'SalesAccepted', 'SQL', 'Opportunity', 'Nurture'],
    to: 'Disqualified',
  },
  Reopen: { from: ['Disqualified', 'Lost'], to: 'Nurture' },
};
