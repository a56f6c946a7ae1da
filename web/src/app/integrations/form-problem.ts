import { Problem, problemLines } from '../core/problem';

/** The first message the API gave for a field (ProblemDetails `errors` keys are camelCase), shown beside it. */
export function fieldError(problem: Problem | null, field: string): string | null {
  return problem?.errors[field]?.[0] ?? null;
}

/** The lines for the page's alert: everything except the messages already shown beside their fields. */
export function alertLines(problem: Problem, placedFields: string[] = []): string[] {
  const errors = Object.fromEntries(
    Object.entries(problem.errors).filter(([field]) => !placedFields.includes(field)),
  );
  return problemLines({ ...problem, errors });
}

/** A 404 on an action means someone else removed the row: say so, rather than "Not found." */
export function goneOr(problem: Problem | null, what: string): Problem | null {
  return problem?.status === 404
    ? {
        ...problem,
        title: `This ${what} no longer exists; the list has been refreshed.`,
        detail: undefined,
      }
    : problem;
}
