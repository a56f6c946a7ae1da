import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { AgreementAuditDto, AgreementClient } from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';

/** Who drafted, edited, approved, withdrew and activated which version, newest first. */
@Injectable()
export class AuditStore {
  private readonly client = inject(AgreementClient);

  readonly entries = signal<AgreementAuditDto[]>([]);
  readonly loading = signal(false);
  readonly error = signal<Problem | null>(null);

  async load(take = 100): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.entries.set(await firstValueFrom(this.client.listAgreementAudit(take)));
    } catch (e) {
      this.error.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }
}
