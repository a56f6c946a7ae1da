import { LeadAgreement, ReasonListKind } from '../api/l2r-api';

/** One thing a decision may change, as the form offers it: a value to send and words to show. */
export interface Choice {
  value: string;
  label: string;
  /** The number it has now, to start the new value from. */
  current?: number;
}

const NUMERIC_KINDS: Record<string, string> = {
  scoreAtLeast: 'value',
  numberAtLeast: 'value',
  numberAtMost: 'value',
  activityCount: 'atLeast',
  timeInStage: 'days',
};

export const REASON_LISTS: ReasonListKind[] = ['Reject', 'Recycle', 'Loss', 'Disqualify', 'Reopen'];

/** The guards' criteria that test a number, as "Trigger|id": only these can take a new value from a decision. */
export function criterionChoices(agreement: LeadAgreement | undefined): Choice[] {
  return (agreement?.transitions ?? []).flatMap((t) =>
    (t.criteria ?? [])
      .filter((c) => c.kind in NUMERIC_KINDS)
      .map((c) => ({
        value: `${t.trigger}|${c.id}`,
        label: `${t.trigger}: ${c.description}`,
        current: (c as unknown as Record<string, number>)[NUMERIC_KINDS[c.kind]],
      })),
  );
}

/** Fit rules by id and engagement rules by activity type, as "Fit|id" or "Engagement|type". */
export function ruleChoices(agreement: LeadAgreement | undefined): Choice[] {
  const scoring = agreement?.scoring;
  return [
    ...(scoring?.fitRules ?? []).map((r) => ({
      value: `Fit|${r.id}`,
      label: `Fit: ${r.condition.description}`,
      current: r.points,
    })),
    ...(scoring?.engagementRules ?? []).map((r) => ({
      value: `Engagement|${r.activityType}`,
      label: `Engagement: ${r.activityType}`,
      current: r.points,
    })),
  ];
}

export function reasonChoices(
  agreement: LeadAgreement | undefined,
  list: ReasonListKind,
): Choice[] {
  const lists = agreement?.reasons;
  const reasons =
    {
      Reject: lists?.reject,
      Recycle: lists?.recycle,
      Loss: lists?.loss,
      Disqualify: lists?.disqualify,
      Reopen: lists?.reopen,
    }[list as Exclude<ReasonListKind, 'None'>] ?? [];
  return reasons.map((r) => ({ value: r.code, label: r.label }));
}

/** The SLA terms in force: the written terms, or the two numbers an older agreement states, as the API reads them. */
export function slaChoices(agreement: LeadAgreement | undefined): Choice[] {
  const slas = agreement?.slas;
  if (slas?.terms?.length)
    return slas.terms.map((t) => ({ value: t.id, label: t.name || t.id, current: t.targetHours }));
  const terms: Choice[] = [];
  if (slas?.mqlResponseHours)
    terms.push({ value: 'mql-response', label: 'MQL response', current: slas.mqlResponseHours });
  if (slas?.salesAcceptedToSqlDays)
    terms.push({
      value: 'sal-to-sql',
      label: 'SalesAccepted to SQL',
      current: slas.salesAcceptedToSqlDays * 24,
    });
  return terms;
}
