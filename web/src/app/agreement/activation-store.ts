import { Injectable, OnDestroy, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { AgreementActivationDto, AgreementClient } from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';

/** How often the re-scoring job's progress is read while it runs. */
export const POLL_MS = 1000;

/** Activates a signed-off draft and follows the re-scoring job that moves the leads, until it ends. */
@Injectable()
export class ActivationStore implements OnDestroy {
  private readonly client = inject(AgreementClient);

  readonly activation = signal<AgreementActivationDto | null>(null);
  readonly starting = signal(false);
  readonly error = signal<Problem | null>(null);
  readonly percent = computed(() => {
    const a = this.activation();
    if (!a?.total) return a?.status === 'Running' ? 0 : 100;
    return Math.min(100, Math.round((100 * (a.processed ?? 0)) / a.total));
  });

  private timer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;

  /** Starts the activation; resolves once it is accepted (progress keeps arriving in `activation`). */
  async activate(draftId: string): Promise<boolean> {
    this.starting.set(true);
    this.error.set(null);
    try {
      const activation = await firstValueFrom(this.client.activateDraft(draftId));
      this.follow(activation);
      return true;
    } catch (e) {
      this.error.set(toProblem(e));
      return false;
    } finally {
      this.starting.set(false);
    }
  }

  ngOnDestroy(): void {
    this.destroyed = true;
    clearTimeout(this.timer);
  }

  private follow(activation: AgreementActivationDto): void {
    this.activation.set(activation);
    clearTimeout(this.timer);
    if (activation.status !== 'Running' || this.destroyed || !activation.id) return;
    this.timer = setTimeout(() => void this.poll(activation.id!), POLL_MS);
  }

  private async poll(id: string): Promise<void> {
    try {
      this.follow(await firstValueFrom(this.client.getActivation(id)));
    } catch (e) {
      const problem = toProblem(e);
      this.error.set(problem);
      // A network or server blip should not end the wait: the job runs on regardless.
      if (!this.destroyed && (problem.status === 0 || problem.status >= 500))
        this.timer = setTimeout(() => void this.poll(id), POLL_MS * 3);
    }
  }
}
