import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { FollowUpClient, QueueItemDto } from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';
import { dueOrder } from '../followup/sla';

/** The signed-in rep's open leads, the first to fall due on top. */
@Injectable()
export class QueueStore {
  private readonly client = inject(FollowUpClient);

  private readonly items = signal<QueueItemDto[]>([]);
  readonly loading = signal(false);
  readonly error = signal<Problem | null>(null);

  /**
   * The API sends them in due order already; sorting again keeps that order true for paused clocks (no due time)
   * and leads without a clock, whichever order they came in. The sort is stable, so ties keep the server's order.
   */
  readonly queue = computed(() =>
    [...this.items()].sort((a, b) => dueOrder(a.sla) - dueOrder(b.sla)),
  );

  async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.items.set(await firstValueFrom(this.client.getQueue()));
    } catch (e) {
      this.error.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }
}
