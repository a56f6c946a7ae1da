import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { AgreementClient, AgreementVersionDto } from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';

/** The tenant's active lead agreement and its state-machine diagram (Mermaid text). */
@Injectable()
export class AgreementStore {
  private readonly client = inject(AgreementClient);

  readonly active = signal<AgreementVersionDto | null>(null);
  readonly diagram = signal<string>('');
  readonly loading = signal(false);
  readonly error = signal<Problem | null>(null);

  async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const [active, diagram] = await Promise.all([
        firstValueFrom(this.client.getActiveAgreement()),
        firstValueFrom(this.client.getAgreementDiagram()).catch(() => null),
      ]);
      this.active.set(active);
      this.diagram.set(diagram?.mermaid ?? '');
    } catch (e) {
      this.error.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }
}
