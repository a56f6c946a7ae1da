import { agreement } from '../../testing/agreement-fakes';
import { describePath } from './draft-problems';

describe('describePath', () => {
  it('names the place an API path points at', () => {
    const a = agreement();
    expect(describePath('transitions[0].roles', a)).toBe('Qualify as MQL › roles');
    expect(describePath('scoring.fitRules[0].condition.field', a)).toBe(
      'Fit rule 1 › condition field',
    );
    expect(describePath('scoring.engagementRules[0].halfLifeDays', a)).toBe(
      'Engagement rule 1 › halfLifeDays',
    );
    expect(describePath('reasons.reject[1].code', a)).toBe('Reject reasons › reason 2 › code');
    expect(describePath('slas.mqlResponseHours', a)).toBe('Service levels');
    expect(describePath('scorecard.goals[1].target', a)).toBe('Shared scorecard › goal 2 › target');
    expect(describePath('scorecard.goals', a)).toBe('Shared scorecard');
  });
});
