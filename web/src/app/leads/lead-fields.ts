import { LeadDto, UpdateLeadRequest } from '../api/l2r-api';

export const PROFILE_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'title',
  'company',
  'website',
  'industry',
  'country',
  'companySize',
  'annualRevenue',
  'source',
  'campaign',
] as const;
export const SALES_FIELDS = [
  'budget',
  'authority',
  'need',
  'timeline',
  'amount',
  'expectedCloseDate',
] as const;
type Field = (typeof PROFILE_FIELDS)[number] | (typeof SALES_FIELDS)[number];

const FIELD_LABELS: Record<string, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  title: 'Title',
  company: 'Company',
  website: 'Website',
  industry: 'Industry',
  country: 'Country',
  companySize: 'Company size (employees)',
  annualRevenue: 'Annual revenue',
  source: 'Source',
  campaign: 'Campaign',
  budget: 'Budget confirmed',
  authority: 'Authority confirmed',
  need: 'Need confirmed',
  timeline: 'Timeline confirmed',
  amount: 'Amount',
  expectedCloseDate: 'Expected close date',
  ownerId: 'Owner',
};

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

/** Only the fields the user changed, with blanks as null so a field can be cleared. */
export function changedFields(
  fields: readonly Field[],
  values: Record<string, unknown>,
  lead: LeadDto | null,
): UpdateLeadRequest {
  const before = (lead ?? {}) as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const f of fields) {
    let value = values[f];
    if (typeof value === 'string') value = value.trim() === '' ? null : value.trim();
    const old =
      f === 'expectedCloseDate' ? dateOnly(before[f] as string) || null : (before[f] ?? null);
    if ((value ?? null) !== old && !(value === false && old === null)) changes[f] = value;
  }
  return changes as UpdateLeadRequest;
}

export function dateOnly(value: string | undefined | null): string {
  return value ? value.slice(0, 10) : '';
}

/** The values a form showed for a lead, to tell whether a newer version of the lead changed any of them. */
export interface ShownValues {
  id: string;
  values: Record<string, unknown>;
}

/**
 * Whether a form must show the lead afresh: another lead, or values that differ from what it shows. A newer version
 * that changed none of its fields (someone's move or SLA change, pushed live) leaves what the user is typing alone.
 */
export function needsReset(shown: ShownValues | null, next: ShownValues): boolean {
  return (
    shown?.id !== next.id ||
    Object.keys(next.values).some((k) => next.values[k] !== shown.values[k])
  );
}
