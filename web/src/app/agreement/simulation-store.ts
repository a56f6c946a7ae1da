import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { AgreementClient, SimulationDto } from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';

/** The draft evaluated against today's open leads: what activation would move, and what would stop passing. */
@Injectable()
export class SimulationStore {
  private readonly client = inject(AgreementClient);

  readonly result = signal<SimulationDto | null>(null);
  /** The draft revision the result describes; an edit after it makes the numbers out of date. */
  readonly revision = signal<number | null>(null);
  readonly running = signal(false);
  readonly error = signal<Problem | null>(null);

  async run(draftId: string, revision?: number): Promise<void> {
    this.running.set(true);
    this.error.set(null);
    try {
      this.result.set(await firstValueFrom(this.client.simulateDraft(draftId)));
      this.revision.set(revision ?? null);
    } catch (e) {
      this.error.set(toProblem(e));
    } finally {
      this.running.set(false);
    }
  }
}
