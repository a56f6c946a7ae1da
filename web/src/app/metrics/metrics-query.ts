import { Params } from '@angular/router';
import { LeadTrigger, MetricsGrouping, TrendBucket, WaterfallMode } from '../api/l2r-api';

/**
 * What the metrics page shows: period, mode, filters, grouping, trend bucket and the reasons' trigger. It lives in the
 * URL's query string, so a view can be shared by its link.
 */
export interface MetricsQuery {
  mode: WaterfallMode;
  /** A date (yyyy-mm-dd, the start of that UTC day) or an instant (ISO 8601); '' = the API's default (90 days back). */
  from: string;
  /** A date (that whole UTC day is included) or an exclusive instant; '' = now. */
  to: string;
  source: string;
  campaign: string;
  /** '' = anyone, 'me', 'none' (unowned) or a user id. */
  ownerId: string;
  agreementVersion: number | null;
  groupBy: MetricsGrouping | '';
  bucket: TrendBucket;
  /** The reasons report's move: '' = every reason-bearing move. */
  trigger: LeadTrigger | '';
}

export const DEFAULT_QUERY: MetricsQuery = {
  mode: 'Cohort',
  from: '',
  to: '',
  source: '',
  campaign: '',
  ownerId: '',
  agreementVersion: null,
  groupBy: '',
  bucket: 'Week',
  trigger: '',
};

export const GROUPINGS: MetricsGrouping[] = ['Source', 'Campaign', 'Owner', 'AgreementVersion'];
export const REASON_TRIGGERS: LeadTrigger[] = ['Reject', 'Recycle', 'Lose', 'Disqualify'];

const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Reads the query string; anything unknown falls back to the default rather than failing the page. */
export function fromParams(params: Params): MetricsQuery {
  const version = Number(params['agreementVersion']);
  return {
    mode: pick(params['mode'], ['Cohort', 'Period'], 'Cohort'),
    from: text(params['from']),
    to: text(params['to']),
    source: text(params['source']),
    campaign: text(params['campaign']),
    ownerId: text(params['ownerId']),
    agreementVersion: Number.isInteger(version) && version > 0 ? version : null,
    groupBy: pick(params['groupBy'], ['', ...GROUPINGS], ''),
    bucket: pick(params['bucket'], ['Week', 'Month'], 'Week'),
    trigger: pick(params['trigger'], ['', ...REASON_TRIGGERS], ''),
  };
}

/** The query string for a view: defaults are left out, so links stay short and "last 90 days" stays relative. */
export function toParams(query: MetricsQuery): Params {
  const params: Params = {};
  for (const [key, value] of Object.entries(query) as [keyof MetricsQuery, unknown][]) {
    if (value !== DEFAULT_QUERY[key] && value !== '' && value !== null) params[key] = String(value);
  }
  return params;
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/** The period as the API takes it: UTC instants, `to` exclusive (a date in the URL includes that whole day). */
export function apiPeriod(query: MetricsQuery): { from?: string; to?: string } {
  return {
    from: !query.from ? undefined : isDate(query.from) ? `${query.from}T00:00:00Z` : query.from,
    to: !query.to ? undefined : isDate(query.to) ? nextDay(query.to) : query.to,
  };
}

/** The period and filters every metrics endpoint takes, in the generated client's argument order. */
export function filterArgs(query: MetricsQuery) {
  const { from, to } = apiPeriod(query);
  return [
    from,
    to,
    query.mode,
    query.source.trim() || undefined,
    query.campaign.trim() || undefined,
    query.ownerId || undefined,
    query.agreementVersion ?? undefined,
  ] as const;
}

/** The same filters as query parameters, for the CSV downloads that bypass the generated client. */
export function filterParams(query: MetricsQuery): Record<string, string> {
  const [from, to, mode, source, campaign, ownerId, agreementVersion] = filterArgs(query);
  const params: Record<string, string> = { mode };
  if (from) params['from'] = from;
  if (to) params['to'] = to;
  if (source) params['source'] = source;
  if (campaign) params['campaign'] = campaign;
  if (ownerId) params['ownerId'] = ownerId;
  if (agreementVersion) params['agreementVersion'] = String(agreementVersion);
  return params;
}
