import { agreement } from '../../testing/agreement-fakes';
import {
  EditableCriterion,
  changeKind,
  describe as describeCriterion,
  editorPaths,
  fieldsFor,
  freshId,
  missingNumbers,
  withChange,
} from './criteria';

describe('criteria helpers', () => {
  const engagement: EditableCriterion = {
    kind: 'scoreAtLeast',
    id: 'mql-engagement',
    score: 'Engagement',
    value: 25,
    description: 'Engagement score at least 25',
  };

  it('describes each kind in the words of the default agreement', () => {
    expect(describeCriterion(engagement)).toBe('Engagement score at least 25');
    expect(
      describeCriterion({
        kind: 'activityCount',
        id: 'a',
        description: '',
        atLeast: 1,
        withinDays: 30,
      }),
    ).toBe('At least one activity in the last 30 days');
    expect(
      describeCriterion({
        kind: 'activityCount',
        id: 'a',
        description: '',
        activityType: 'Webinar',
        atLeast: 2,
        withinDays: 14,
      }),
    ).toBe('At least 2 webinars in the last 14 days');
    expect(
      describeCriterion({ kind: 'fieldPresent', id: 'c', description: '', field: 'company' }),
    ).toBe('Company is known');
    expect(
      describeCriterion({
        kind: 'fieldContains',
        id: 't',
        description: '',
        field: 'title',
        value: 'VP',
      }),
    ).toBe('Title contains "VP"');
    expect(
      describeCriterion({ kind: 'checklistConfirmed', id: 'b', description: '', item: 'Budget' }),
    ).toBe('Budget confirmed');
  });

  it('keeps a generated description in step with the values, but never rewrites a hand-written one', () => {
    expect(withChange(engagement, { ...engagement, value: 10 }).description).toBe(
      'Engagement score at least 10',
    );
    const worded = { ...engagement, description: 'Engaged enough' };
    expect(withChange(worded, { ...worded, value: 10 }).description).toBe('Engaged enough');
    const typed = withChange(engagement, { ...engagement, description: 'Mine' });
    expect(typed.description).toBe('Mine');
  });

  it('re-shapes a criterion for another kind, keeping id and description and dropping stale values', () => {
    const numeric = changeKind(engagement, 'numberAtLeast');
    expect(numeric).toEqual({
      kind: 'numberAtLeast',
      id: 'mql-engagement',
      description: 'Engagement score at least 25',
      field: 'companySize',
      value: 25,
    });
    expect(changeKind(engagement, 'ownerAssigned')).toEqual({
      kind: 'ownerAssigned',
      id: 'mql-engagement',
      description: 'Engagement score at least 25',
    });
    expect(changeKind(numeric, 'activityCount')).toMatchObject({ atLeast: 1, withinDays: 30 });
  });

  it('offers numeric fields to numeric comparisons and no scores or time to fit rules', () => {
    expect(fieldsFor('numberAtLeast', false).every((f) => f.kind === 'Number')).toBe(true);
    expect(fieldsFor('numberAtLeast', false).map((f) => f.name)).toContain('fitScore');
    expect(fieldsFor('numberAtLeast', true).map((f) => f.name)).not.toContain('fitScore');
    expect(fieldsFor('fieldEquals', true).map((f) => f.name)).toContain('title');
  });

  it('flags numbers left empty under the paths the API uses', () => {
    const a = agreement();
    (a.transitions[0].criteria![1] as EditableCriterion).value = null;
    a.scoring.engagementRules![0].halfLifeDays = null as never;
    a.slas.mqlResponseHours = null as never;
    expect(missingNumbers(a)).toEqual({
      'transitions[0].criteria[1].value': ['Enter a number.'],
      'scoring.engagementRules[0].halfLifeDays': ['Enter a number.'],
      'slas.mqlResponseHours': ['Enter a number.'],
    });
    expect(missingNumbers(agreement())).toEqual({});
  });

  it("maps the API's error keys onto the editor's paths", () => {
    expect(
      editorPaths({
        'agreement.transitions[1].criteria[0].field': ['"nope" is not a lead field.'],
        'agreement.reasons.reject': ['Reject needs a reason.'],
      }),
    ).toEqual({
      'transitions[1].criteria[0].field': ['"nope" is not a lead field.'],
      'reasons.reject': ['Reject needs a reason.'],
    });
  });

  it('makes ids that are not taken yet', () => {
    expect(freshId('qualify', ['mql-fit', 'qualify-3'])).toBe('qualify-4');
    expect(freshId('qualify', ['qualify-1', 'qualify-2'])).toBe('qualify-3');
  });
});
