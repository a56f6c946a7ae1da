import { WritableSignal } from '@angular/core';
import { Observable, firstValueFrom } from 'rxjs';
import { Problem, toProblem } from './problem';

/** One report of a page: its data, or why it could not be loaded. */
export interface Section<T> {
  value: T | null;
  problem: Problem | null;
  loading: boolean;
}

export const idleSection = <T>(): Section<T> => ({ value: null, problem: null, loading: false });

/**
 * Loads one report into its section on its own, so one failing does not hide the others; an answer that arrives
 * after a newer query (`isCurrent()` false by then) is dropped.
 */
export async function loadSection<T>(
  section: WritableSignal<Section<T>>,
  request: Observable<T>,
  isCurrent: () => boolean,
): Promise<void> {
  section.update((s) => ({ ...s, loading: true, problem: null }));
  try {
    const value = await firstValueFrom(request);
    if (isCurrent()) section.set({ value, problem: null, loading: false });
  } catch (e) {
    if (isCurrent()) section.set({ value: null, problem: toProblem(e), loading: false });
  }
}
