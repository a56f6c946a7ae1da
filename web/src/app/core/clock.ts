import { DestroyRef, Injectable, inject, signal } from '@angular/core';

/** How often `now` moves: countdowns show whole minutes, so a half-minute tick keeps them at most 30 s behind. */
export const TICK_MS = 30_000;

/** How long `now` moves every second after something said "2 s ago" (a live change on the board). */
export const SECONDS_MS = 60_000;

/**
 * The app's one ticking "now". Every countdown (cards, queue, lead page) reads this signal, so a board of hundreds
 * of cards runs one timer, and a test moves all of them at once with fake timers.
 */
@Injectable({ providedIn: 'root' })
export class Clock {
  readonly now = signal(Date.now());
  private secondsUntil = 0;
  private secondsTimer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    const id = setInterval(() => this.now.set(Date.now()), TICK_MS);
    inject(DestroyRef).onDestroy(() => {
      clearInterval(id);
      clearInterval(this.secondsTimer);
    });
  }

  /** Moves `now` to this instant and then every second for a minute, while a fresh change counts its seconds. */
  hurry(): void {
    this.now.set(Date.now());
    this.secondsUntil = Date.now() + SECONDS_MS;
    this.secondsTimer ??= setInterval(() => {
      this.now.set(Date.now());
      if (Date.now() < this.secondsUntil) return;
      clearInterval(this.secondsTimer);
      this.secondsTimer = undefined;
    }, 1000);
  }
}
