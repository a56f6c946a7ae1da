import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { AgreementClient, AgreementDiffDto } from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';

/** What changed between two agreement versions, in the API's plain language. */
@Injectable()
export class DiffStore {
  private readonly client = inject(AgreementClient);

  readonly diff = signal<AgreementDiffDto | null>(null);
  readonly loading = signal(false);
  readonly error = signal<Problem | null>(null);
  private token = 0;

  async compare(from: number, to: number): Promise<void> {
    const token = ++this.token;
    this.loading.set(true);
    this.error.set(null);
    try {
      const diff = await firstValueFrom(this.client.diffAgreementVersions(from, to));
      if (token === this.token) this.diff.set(diff);
    } catch (e) {
      if (token === this.token) {
        this.diff.set(null);
        this.error.set(toProblem(e));
      }
    } finally {
      if (token === this.token) this.loading.set(false);
    }
  }
}
