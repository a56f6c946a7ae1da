import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { Router, RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Role } from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import { ActivationStore } from './activation-store';
import { DraftStore } from './draft-store';
import { awaitingRoles } from './pending-approval-store';

/**
 * Who signed the draft and who still must; the buttons each user may press (approve for a role they hold,
 * withdraw their own approval, activate and discard for admins); then the activation's progress.
 */
@Component({
  selector: 'app-sign-off',
  imports: [DatePipe, RouterLink, MatButtonModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.draft(); as d) {
      <section class="card-box" data-testid="sign-off">
        <div class="cols">
          <div>
            <h2>Sign-off</h2>
            <ul class="approvals" data-testid="approvals">
              @for (a of d.approvals ?? []; track $index) {
                <li [class.old]="isDraft() && a.revision !== d.revision">
                  <span class="pass" aria-hidden="true">✓</span> Approved for
                  <strong>{{ a.role }}</strong> by {{ a.userName }} · revision {{ a.revision }} ·
                  {{ a.approvedAt | date: 'medium' }}
                </li>
              } @empty {
                <li class="muted">No approvals yet.</li>
              }
            </ul>
            @if (isDraft()) {
              @if (d.missingApprovals?.length) {
                <p data-testid="missing-approvals">
                  Still needs: <strong>{{ d.missingApprovals!.join(' and ') }}</strong>
                  <span class="muted">
                    — a Marketing approver and a Sales approver, two different people, must approve
                    this exact revision.</span
                  >
                </p>
              } @else if (!d.issues?.length) {
                <p class="pass" data-testid="signed-off">
                  Marketing and sales signed revision {{ d.revision }}.
                </p>
              }
              @if (d.issues?.length) {
                <p class="fail">The draft has problems to fix before anyone can approve it.</p>
              }
            }
          </div>

          <div class="buttons">
            @if (isDraft()) {
              @for (role of awaiting(); track role) {
                <button
                  mat-flat-button
                  type="button"
                  (click)="approve(role)"
                  [disabled]="store.busy() || store.dirty() || !!d.issues?.length"
                  [attr.data-testid]="'approve-' + role"
                >
                  Approve as {{ role }}
                </button>
              }
              @if (mine()) {
                <button
                  mat-stroked-button
                  type="button"
                  (click)="withdraw()"
                  [disabled]="store.busy()"
                  data-testid="withdraw"
                >
                  Withdraw my approval
                </button>
              }
              @if (auth.isAdmin()) {
                <button
                  mat-flat-button
                  type="button"
                  class="activate"
                  (click)="activate()"
                  [disabled]="!d.canActivate || store.dirty() || activation.starting()"
                  data-testid="activate"
                >
                  Activate version {{ d.version }}
                </button>
                @if (!confirmingDiscard()) {
                  <button
                    mat-button
                    type="button"
                    (click)="confirmingDiscard.set(true)"
                    data-testid="discard"
                  >
                    Discard draft
                  </button>
                } @else {
                  <span class="confirm" role="group" aria-label="Confirm discarding the draft">
                    Discard version {{ d.version }} for good?
                    <button
                      mat-button
                      type="button"
                      (click)="discard()"
                      data-testid="confirm-discard"
                    >
                      Discard
                    </button>
                    <button mat-button type="button" (click)="confirmingDiscard.set(false)">
                      Keep
                    </button>
                  </span>
                }
              }
            }
          </div>
        </div>
        @if (isDraft() && store.dirty()) {
          <p class="muted">
            Save or undo your changes first: approvals and activation apply to saved revisions.
          </p>
        } @else if (isDraft() && auth.isAdmin() && !d.canActivate) {
          <p class="muted">Activation opens once both teams have approved the current revision.</p>
        }

        @if (activation.activation(); as run) {
          <div class="activation" data-testid="activation" [attr.data-status]="run.status">
            @switch (run.status) {
              @case ('Running') {
                <p>
                  Version {{ run.version }} is active. Re-scoring open leads under it:
                  {{ run.processed }} of {{ run.total }}, {{ run.moved }} moved so far.
                </p>
                <mat-progress-bar
                  mode="determinate"
                  [value]="activation.percent()"
                  aria-label="Re-scoring progress"
                />
              }
              @case ('Completed') {
                <p class="pass">
                  Completed: version {{ run.version }} is active; {{ run.processed }} open leads
                  re-scored, {{ run.moved }} moved by the new rules.
                  <a routerLink="/board">See the board</a>.
                </p>
              }
              @case ('Failed') {
                <p class="fail">
                  Re-scoring stopped: {{ run.error || 'unknown error' }}. It resumes when the API
                  restarts.
                </p>
              }
            }
          </div>
        }
        @if (activation.error(); as p) {
          <div class="error-box" role="alert">
            {{ p.title }}{{ p.detail ? ' ' + p.detail : '' }}
          </div>
        }
      </section>
    }
  `,
  styles: `
    .cols {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
      justify-content: space-between;
      align-items: flex-start;
    }
    .approvals {
      list-style: none;
      padding: 0;
      margin: 0 0 6px;
    }
    p {
      margin: 4px 0;
    }
    .approvals li.old {
      opacity: 0.6;
    }
    .buttons {
      margin-top: 4px;
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .confirm {
      display: inline-flex;
      gap: 4px;
      align-items: center;
    }
    .activation {
      margin-top: 12px;
    }
  `,
})
export class SignOff {
  protected readonly store = inject(DraftStore);
  protected readonly activation = inject(ActivationStore);
  protected readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  protected readonly confirmingDiscard = signal(false);
  protected readonly isDraft = this.store.isDraft;
  protected readonly awaiting = computed(() =>
    awaitingRoles(this.store.draft(), this.auth.roles()),
  );
  protected readonly mine = computed(() => {
    const me = this.auth.user()?.id;
    return !!me && (this.store.draft()?.approvals ?? []).some((a) => a.userId === me);
  });

  protected approve(role: Role): void {
    void this.store.approve(role);
  }

  protected withdraw(): void {
    void this.store.withdraw();
  }

  protected async activate(): Promise<void> {
    const id = this.store.draft()?.id;
    if (id && (await this.activation.activate(id))) await this.store.reload();
  }

  protected async discard(): Promise<void> {
    this.confirmingDiscard.set(false);
    if (await this.store.discard()) await this.router.navigate(['/agreement']);
  }
}
