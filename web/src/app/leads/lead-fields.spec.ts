import { leadDto } from '../../testing/fakes';
import { PROFILE_FIELDS, SALES_FIELDS, changedFields, needsReset } from './lead-fields';

describe('changedFields', () => {
  const lead = leadDto({
    id: 'l1',
    phone: '+1 555',
    title: 'CTO',
    expectedCloseDate: '2026-12-01T00:00:00Z',
  });

  it('keeps only what changed, trimmed, with a blanked field as null', () => {
    const values = { ...lead, phone: ' +44 20 ', title: '', company: '' };
    expect(changedFields(PROFILE_FIELDS, values, lead)).toEqual({ phone: '+44 20', title: null });
  });

  it('compares the close date by day, and an unticked box with an unknown one as unchanged', () => {
    const values = { budget: false, need: true, expectedCloseDate: '2026-12-01' };
    expect(changedFields(SALES_FIELDS, values, lead)).toEqual({ need: true });
  });
});

describe('needsReset', () => {
  const shown = { id: 'l1', values: { phone: '+1 555', title: 'CTO' } };

  it('leaves the form alone for a newer version that changed none of its fields (a live move)', () => {
    expect(needsReset(shown, { id: 'l1', values: { phone: '+1 555', title: 'CTO' } })).toBe(false);
  });

  it('shows a changed field, another lead, or a first lead afresh', () => {
    expect(needsReset(shown, { id: 'l1', values: { phone: '+1 555', title: 'CEO' } })).toBe(true);
    expect(needsReset(shown, { id: 'l2', values: shown.values })).toBe(true);
    expect(needsReset(null, shown)).toBe(true);
  });
});
