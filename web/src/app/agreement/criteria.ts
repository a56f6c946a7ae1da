import {
  ActivityType,
  ChecklistItem,
  Criterion,
  LeadAgreement,
  Reason,
  ReasonLists,
  Role,
  ScoreKind,
} from '../api/l2r-api';
import { activityLabel } from '../core/labels';

export type FieldKind = 'Text' | 'Number' | 'YesNo' | 'Date';

export interface LeadFieldInfo {
  name: string;
  label: string;
  kind: FieldKind;
}

/** The lead fields criteria may name (the API's LeadFields); tenant custom fields are `custom.<name>`. */
export const LEAD_FIELDS: LeadFieldInfo[] = [
  { name: 'firstName', label: 'First name', kind: 'Text' },
  { name: 'lastName', label: 'Last name', kind: 'Text' },
  { name: 'email', label: 'Email', kind: 'Text' },
  { name: 'phone', label: 'Phone', kind: 'Text' },
  { name: 'title', label: 'Title', kind: 'Text' },
  { name: 'company', label: 'Company', kind: 'Text' },
  { name: 'website', label: 'Website', kind: 'Text' },
  { name: 'industry', label: 'Industry', kind: 'Text' },
  { name: 'country', label: 'Country', kind: 'Text' },
  { name: 'companySize', label: 'Company size', kind: 'Number' },
  { name: 'annualRevenue', label: 'Annual revenue', kind: 'Number' },
  { name: 'source', label: 'Source', kind: 'Text' },
  { name: 'campaign', label: 'Campaign', kind: 'Text' },
  { name: 'ownerId', label: 'Owner', kind: 'Text' },
  { name: 'budget', label: 'Budget confirmed', kind: 'YesNo' },
  { name: 'authority', label: 'Authority confirmed', kind: 'YesNo' },
  { name: 'need', label: 'Need confirmed', kind: 'YesNo' },
  { name: 'timeline', label: 'Timeline confirmed', kind: 'YesNo' },
  { name: 'amount', label: 'Amount', kind: 'Number' },
  { name: 'expectedCloseDate', label: 'Expected close date', kind: 'Date' },
  { name: 'fitScore', label: 'Fit score', kind: 'Number' },
  { name: 'engagementScore', label: 'Engagement score', kind: 'Number' },
  { name: 'totalScore', label: 'Total score', kind: 'Number' },
  { name: 'daysInStage', label: 'Days in stage', kind: 'Number' },
];

export const CUSTOM_PREFIX = 'custom.';

/** Fit rules describe who the lead is: no scores (they would depend on themselves) and nothing that changes with time. */
const NOT_FOR_FIT = new Set(['fitScore', 'engagementScore', 'totalScore', 'daysInStage']);

export function fieldLabel(name: string | undefined): string {
  if (!name) return '';
  if (name.startsWith(CUSTOM_PREFIX)) return name.slice(CUSTOM_PREFIX.length) || 'Custom field';
  return LEAD_FIELDS.find((f) => f.name === name)?.label ?? name;
}

export function fieldsFor(kind: string, forFit: boolean): LeadFieldInfo[] {
  const numeric = kind === 'numberAtLeast' || kind === 'numberAtMost';
  return LEAD_FIELDS.filter(
    (f) => (!numeric || f.kind === 'Number') && !(forFit && NOT_FOR_FIT.has(f.name)),
  );
}

export interface KindInfo {
  kind: string;
  label: string;
  /** Allowed as a fit rule's condition (no time, no scores). */
  fit: boolean;
}

export const CRITERION_KINDS: KindInfo[] = [
  { kind: 'fieldPresent', label: 'Field is filled in', fit: true },
  { kind: 'fieldEquals', label: 'Field equals', fit: true },
  { kind: 'fieldIn', label: 'Field is one of', fit: true },
  { kind: 'fieldContains', label: 'Field contains', fit: true },
  { kind: 'numberAtLeast', label: 'Number at least', fit: true },
  { kind: 'numberAtMost', label: 'Number at most', fit: true },
  { kind: 'validEmail', label: 'Valid email', fit: true },
  { kind: 'scoreAtLeast', label: 'Score at least', fit: false },
  { kind: 'activityCount', label: 'Activities within days', fit: false },
  { kind: 'timeInStage', label: 'Time in stage', fit: false },
  { kind: 'ownerAssigned', label: 'Owner assigned', fit: true },
  { kind: 'checklistConfirmed', label: 'Checklist item confirmed', fit: true },
];

export const FIELD_KINDS = new Set([
  'fieldPresent',
  'fieldEquals',
  'fieldIn',
  'fieldContains',
  'numberAtLeast',
  'numberAtMost',
]);

export const SCORE_KINDS: ScoreKind[] = ['Fit', 'Engagement', 'Total'];
export const CHECKLIST_ITEMS: ChecklistItem[] = ['Budget', 'Authority', 'Need', 'Timeline'];
export const ROLES: Role[] = ['Admin', 'Marketing', 'Sales'];
export const APPROVER_ROLES: Role[] = ['Marketing', 'Sales'];

/** A criterion of any kind, as the editor holds it; numbers are null while their input is empty. */
export interface EditableCriterion extends Criterion {
  field?: string;
  value?: string | number | null;
  values?: string[];
  score?: ScoreKind;
  activityType?: ActivityType | null;
  atLeast?: number | null;
  withinDays?: number | null;
  days?: number | null;
  item?: ChecklistItem;
}

/** The criterion re-shaped for another kind: id and description stay, kind-specific values get sensible defaults. */
export function changeKind(c: EditableCriterion, kind: string): EditableCriterion {
  const base = { kind, id: c.id, description: c.description };
  const field = c.field;
  switch (kind) {
    case 'fieldPresent':
      return { ...base, field: field ?? 'company' };
    case 'fieldEquals':
    case 'fieldContains':
      return {
        ...base,
        field: field ?? 'title',
        value: typeof c.value === 'string' ? c.value : '',
      };
    case 'fieldIn':
      return { ...base, field: field ?? 'industry', values: c.values ?? [] };
    case 'numberAtLeast':
    case 'numberAtMost': {
      const numeric = field && (isNumericField(field) || field.startsWith(CUSTOM_PREFIX));
      return {
        ...base,
        field: numeric ? field : 'companySize',
        value: typeof c.value === 'number' ? c.value : 0,
      };
    }
    case 'scoreAtLeast':
      return { ...base, score: c.score ?? 'Fit', value: typeof c.value === 'number' ? c.value : 0 };
    case 'activityCount':
      return { ...base, activityType: c.activityType ?? null, atLeast: 1, withinDays: 30 };
    case 'timeInStage':
      return { ...base, days: 7 };
    case 'checklistConfirmed':
      return { ...base, item: c.item ?? 'Budget' };
    default:
      return base;
  }
}

export const isNumericField = (name: string) =>
  LEAD_FIELDS.some((f) => f.name === name && f.kind === 'Number');

/** Plain language for a criterion, as both teams would write it. */
export function describe(c: EditableCriterion): string {
  const label = fieldLabel(c.field);
  switch (c.kind) {
    case 'fieldPresent':
      return `${label} is known`;
    case 'fieldEquals':
      return `${label} is "${c.value ?? ''}"`;
    case 'fieldIn':
      return `${label} is one of ${(c.values ?? []).join(', ')}`;
    case 'fieldContains':
      return `${label} contains "${c.value ?? ''}"`;
    case 'numberAtLeast':
      return `${label} at least ${c.value ?? ''}`;
    case 'numberAtMost':
      return `${label} at most ${c.value ?? ''}`;
    case 'validEmail':
      return 'Email address is valid';
    case 'scoreAtLeast':
      return `${c.score ?? 'Fit'} score at least ${c.value ?? ''}`;
    case 'activityCount': {
      const n = c.atLeast ?? 0;
      const noun = c.activityType ? activityLabel(c.activityType).toLowerCase() : 'activity';
      const plural = n === 1 ? noun : noun === 'activity' ? 'activities' : `${noun}s`;
      return `At least ${n === 1 ? 'one' : n} ${plural} in the last ${c.withinDays ?? ''} days`;
    }
    case 'timeInStage':
      return `At least ${c.days ?? ''} days in stage`;
    case 'ownerAssigned':
      return 'An owner is assigned';
    case 'checklistConfirmed':
      return `${c.item ?? ''} confirmed`;
    default:
      return '';
  }
}

/**
 * Applies a change and keeps the description in step when it was the generated one (or empty), so lowering a
 * threshold from 25 to 10 also rewrites "Engagement score at least 25"; a hand-written description is left alone.
 */
export function withChange(c: EditableCriterion, next: EditableCriterion): EditableCriterion {
  const generated = !c.description?.trim() || c.description === describe(c);
  return generated && next.description === c.description
    ? { ...next, description: describe(next) }
    : next;
}

/** A fresh id not yet used among `taken`: `<prefix>-<n>`. */
export function freshId(prefix: string, taken: (string | undefined)[]): string {
  const used = new Set(taken);
  let n = taken.length + 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

export type ReasonListName = keyof ReasonLists;

/** The agreement's reason lists, in the editor's order and words. */
export const REASON_GROUPS: { list: ReasonListName; name: string }[] = [
  { list: 'reject', name: 'Reject (MQL sent back by sales)' },
  { list: 'recycle', name: 'Recycle' },
  { list: 'loss', name: 'Loss' },
  { list: 'disqualify', name: 'Disqualify' },
  { list: 'reopen', name: 'Reopen' },
];

/** The reason list each reason-bearing trigger asks for. */
export const REASON_LIST_OF: Partial<Record<string, ReasonListName>> = {
  Reject: 'reject',
  Recycle: 'recycle',
  Lose: 'loss',
  Disqualify: 'disqualify',
  Reopen: 'reopen',
};

/** A reason row the admin added in this editing session: its code stays editable until saved. */
export interface EditableReason extends Reason {
  isNew?: boolean;
}

/** The working copy as the API takes it: without the editor's own marks. */
export function forApi(a: LeadAgreement): LeadAgreement {
  const copy = structuredClone(a);
  for (const list of Object.values(copy.reasons) as EditableReason[][] | undefined[])
    for (const reason of list ?? []) delete reason.isNew;
  return copy;
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'number' && isNaN(v));

/**
 * Numbers the editor cannot send (an input left empty), keyed by the same paths the API uses for its
 * validation errors, so both kinds of problem show beside their field.
 */
export function missingNumbers(a: LeadAgreement): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const need = (path: string, v: unknown) => {
    if (blank(v)) errors[path] = ['Enter a number.'];
  };
  const criterion = (c: EditableCriterion, path: string) => {
    if (['numberAtLeast', 'numberAtMost', 'scoreAtLeast'].includes(c.kind))
      need(`${path}.value`, c.value);
    if (c.kind === 'activityCount') {
      need(`${path}.atLeast`, c.atLeast);
      need(`${path}.withinDays`, c.withinDays);
    }
    if (c.kind === 'timeInStage') need(`${path}.days`, c.days);
  };
  (a.scoring.fitRules ?? []).forEach((r, i) => {
    need(`scoring.fitRules[${i}].points`, r.points);
    if (r.condition)
      criterion(r.condition as EditableCriterion, `scoring.fitRules[${i}].condition`);
  });
  (a.scoring.engagementRules ?? []).forEach((r, i) => {
    need(`scoring.engagementRules[${i}].points`, r.points);
    need(`scoring.engagementRules[${i}].halfLifeDays`, r.halfLifeDays);
  });
  a.transitions.forEach((t, i) =>
    (t.criteria ?? []).forEach((c, j) =>
      criterion(c as EditableCriterion, `transitions[${i}].criteria[${j}]`),
    ),
  );
  need('slas.mqlResponseHours', a.slas.mqlResponseHours);
  need('slas.salesAcceptedToSqlDays', a.slas.salesAcceptedToSqlDays);
  (a.slas.terms ?? []).forEach((t, i) => {
    need(`slas.terms[${i}].targetHours`, t.targetHours);
    need(`slas.terms[${i}].warningPercent`, t.warningPercent);
  });
  return errors;
}

/** The API's `agreement.transitions[1].criteria[0].field` becomes the editor's `transitions[1].criteria[0].field`. */
export function editorPaths(errors: Record<string, string[]>): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(errors)) {
    const path = key.replace(/^\$?\.?agreement\.?/i, '');
    result[path] = [...(result[path] ?? []), ...messages];
  }
  return result;
}

/**
 * Reads a number input: null when empty (the editor flags it before saving), undefined while the text is not a
 * number yet (a lone "-"), so the model keeps its value and re-rendering does not wipe what is being typed.
 */
export function numberFrom(event: Event): number | null | undefined {
  const input = event.target as HTMLInputElement;
  if (input.validity?.badInput) return undefined;
  const raw = input.value.trim();
  if (raw === '') return null;
  const n = Number(raw);
  return isNaN(n) ? undefined : n;
}

export const textFrom = (event: Event) => (event.target as HTMLInputElement).value;
