import { HttpErrorResponse } from '@angular/common/http';
import { apiError } from '../../testing/fakes';
import { problemLines, problemMessage, toProblem } from './problem';

describe('toProblem', () => {
  it('reads title and detail from an ApiException', () => {
    const p = toProblem(
      apiError(409, { title: 'Not valid from this state', detail: 'Lead is Won.' }),
    );
    expect(p.status).toBe(409);
    expect(problemLines(p)).toEqual(['Not valid from this state', 'Lead is Won.']);
  });

  it('lists the unmet criteria of a 422', () => {
    const p = toProblem(
      apiError(422, {
        title: 'Guard not met',
        criteria: [
          {
            id: 'fit',
            description: 'Fit score at least 30',
            passed: false,
            actual: 'Fit score 12, needs ≥ 30',
          },
          { id: 'email', description: 'Valid email', passed: true, actual: 'ok' },
        ],
      }),
    );
    expect(p.criteria).toHaveLength(2);
    expect(problemMessage(apiErrorFrom(p))).toContain(
      'Not met: Fit score at least 30 (Fit score 12, needs ≥ 30)',
    );
    expect(problemMessage(apiErrorFrom(p))).not.toContain('Valid email');
  });

  it('flattens validation errors', () => {
    const p = toProblem(
      apiError(400, {
        title: 'Validation failed',
        errors: { reasonCode: ['A reason is required.'] },
      }),
    );
    expect(problemLines(p)).toContain('reasonCode: A reason is required.');
  });

  it('falls back to a sentence per status when the body is not ProblemDetails', () => {
    expect(toProblem(apiError(403, {})).title).toBe('Your role does not allow this.');
    expect(toProblem(new HttpErrorResponse({ status: 0 })).title).toContain('could not be reached');
    expect(toProblem(new Error('boom')).title).toBe('boom');
  });
});

function apiErrorFrom(p: ReturnType<typeof toProblem>) {
  return apiError(p.status, { title: p.title, criteria: p.criteria });
}
