import { leadDto } from '../../testing/fakes';
import { PROFILE_FIELDS, SALES_FIELDS, changedFields } from './lead-fields';

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
