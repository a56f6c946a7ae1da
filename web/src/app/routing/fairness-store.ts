import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { FairnessDto, RoutingClient } from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';

/** The fairness ledger for a period; a response to an older request is dropped when a newer one was made. */
@Injectable()
export class FairnessStore {
  private readonly client = inject(RoutingClient);
  private request = 0;

  readonly ledger = signal<FairnessDto | null>(null);
  readonly loading = signal(false);
  readonly error = signal<Problem | null>(null);

  async load(from?: string, to?: string): Promise<void> {
    const mine = ++this.request;
    this.loading.set(true);
    this.error.set(null);
    try {
      const ledger = await firstValueFrom(this.client.getFairness(from, to));
      if (mine === this.request) {
        this.ledger.set(ledger);
      }
    } catch (e) {
      if (mine === this.request) {
        this.error.set(toProblem(e));
      }
    } finally {
      if (mine === this.request) {
        this.loading.set(false);
      }
    }
  }
}
