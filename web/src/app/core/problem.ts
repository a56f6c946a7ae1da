/** A readable form of whatever an API call threw: ProblemDetails (RFC 9457) with the L2R extensions, or a network error. */
export interface CriterionResult {
  id?: string;
  description?: string;
  passed?: boolean;
  actual?: string;
}

export interface Problem {
  status: number;
  title: string;
  detail?: string;
  /** Validation errors (400), field → messages. */
  errors: Record<string, string[]>;
  /** Unmet agreement criteria (422). */
  criteria: CriterionResult[];
  /** Other members of the ProblemDetails, e.g. the open draft's `draftId` on a 409. */
  extensions?: Record<string, unknown>;
}

const STANDARD_MEMBERS = new Set([
  'type',
  'title',
  'status',
  'detail',
  'instance',
  'errors',
  'criteria',
  'traceId',
]);

const STATUS_TITLES: Record<number, string> = {
  0: 'The server could not be reached. Check your connection and try again.',
  400: 'The request is not valid.',
  401: 'Your session has expired. Please sign in again.',
  403: 'Your role does not allow this.',
  404: 'Not found.',
  409: 'This conflicts with the current state of the data.',
  412: 'Someone else changed this since you loaded it.',
  413: 'The request is too large.',
  422: 'The agreement does not allow this yet.',
  500: 'Something went wrong on the server.',
};

function parseJson(text: unknown): Record<string, unknown> | null {
  if (typeof text !== 'string' || !text.trim()) return null;
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Accepts an NSwag ApiException, a thrown ProblemDetails object, an HttpErrorResponse or any Error. */
export function toProblem(error: unknown): Problem {
  const e = (error ?? {}) as Record<string, any>;
  let body: Record<string, any> | null = null;
  let status = 0;
  if (typeof e['status'] === 'number') status = e['status'];
  if (e['isApiException'] === true || typeof e['response'] === 'string') {
    body =
      (e['result'] && typeof e['result'] === 'object' ? e['result'] : null) ??
      parseJson(e['response']);
  } else if ('title' in e || 'criteria' in e || 'errors' in e) {
    body = e; // NSwag throws typed ProblemDetails results as-is
  } else if (e['error'] && typeof e['error'] === 'object') {
    body = e['error'];
  } else if (typeof e['error'] === 'string') {
    body = parseJson(e['error']);
  }
  if (body && typeof body['status'] === 'number') status = body['status'];
  const errors: Record<string, string[]> = {};
  const rawErrors = body?.['errors'];
  if (rawErrors && typeof rawErrors === 'object') {
    for (const [field, messages] of Object.entries(rawErrors as Record<string, unknown>)) {
      errors[field] = Array.isArray(messages) ? messages.map(String) : [String(messages)];
    }
  }
  const criteria = Array.isArray(body?.['criteria'])
    ? (body!['criteria'] as CriterionResult[])
    : [];
  const fromStatus =
    typeof e['status'] === 'number'
      ? STATUS_TITLES[status] || (status >= 500 ? STATUS_TITLES[500] : '')
      : '';
  const title =
    (typeof body?.['title'] === 'string' && body['title']) ||
    fromStatus ||
    (typeof e['message'] === 'string' && e['message']) ||
    'Something went wrong.';
  const detail = typeof body?.['detail'] === 'string' ? body['detail'] : undefined;
  const extensions = Object.fromEntries(
    Object.entries(body ?? {}).filter(([key]) => !STANDARD_MEMBERS.has(key)),
  );
  return { status, title, detail, errors, criteria, extensions };
}

/** One line per fact: title, detail, each validation message and each unmet criterion. */
export function problemLines(problem: Problem): string[] {
  const lines = [problem.title];
  if (problem.detail && problem.detail !== problem.title) lines.push(problem.detail);
  for (const [field, messages] of Object.entries(problem.errors)) {
    for (const message of messages) lines.push(field ? `${field}: ${message}` : message);
  }
  for (const c of problem.criteria.filter((c) => c.passed !== true)) {
    lines.push(`Not met: ${c.description}${c.actual ? ` (${c.actual})` : ''}`);
  }
  return lines;
}

/** The lines as one text, for a box that keeps line breaks (`.error-box`). */
export function problemText(problem: Problem): string {
  return problemLines(problem).join('\n');
}

export function problemMessage(error: unknown): string {
  return problemText(toProblem(error));
}
