import { Problem } from '../core/problem';

/**
 * The API's validation keys follow its C# names in places (`workingHours[0].End`); the forms ask by the JSON path
 * (`workingHours[0].end`). Comparing lower-cased paths lets each message land beside its field either way.
 */
export function problemsByPath(problem: Problem): Record<string, string> {
  const byPath: Record<string, string> = {};
  for (const [key, messages] of Object.entries(problem.errors)) {
    const path = key.replace(/^\$\.?/, '').toLowerCase();
    byPath[path] = [byPath[path], ...messages].filter(Boolean).join(' ');
  }
  return byPath;
}

/** A message at `path` (any case); null when there is none. */
export const problemAt = (byPath: Record<string, string>, path: string): string | null =>
  byPath[path.toLowerCase()] ?? null;
