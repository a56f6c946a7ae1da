import { DestroyRef, Injectable, inject, signal } from '@angular/core';

/** How often `now` moves: countdowns show whole minutes, so a half-minute tick keeps them at most 30 s behind. */
export const TICK_MS = 30_000;

/**
 * The app's one ticking "now". Every countdown (cards, queue, lead page) reads this signal, so a board of hundreds
 * of cards runs one timer, and a test moves all of them at once with fake timers.
 */
@Injectable({ providedIn: 'root' })
export class Clock {
  readonly now = signal(Date.now());

  constructor() {
    const id = setInterval(() => this.now.set(Date.now()), TICK_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(id));
  }
}
