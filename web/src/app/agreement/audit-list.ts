import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { AgreementAuditAction } from '../api/l2r-api';
import { AuditStore } from './audit-store';

const ACTIONS: Record<AgreementAuditAction, string> = {
  Drafted: 'started the draft',
  Edited: 'edited',
  Approved: 'approved',
  Withdrew: 'withdrew their approval',
  ApprovalsCleared: 'cleared the approvals (by editing)',
  Activated: 'activated',
  Discarded: 'discarded the draft',
};

/** The agreement's audit trail: who drafted, changed, approved, withdrew and activated, when. */
@Component({
  selector: 'app-audit-list',
  imports: [DatePipe, MatProgressBarModule],
  providers: [AuditStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" data-testid="audit">
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the audit trail" />
      }
      @if (store.error(); as p) {
        <div class="error-box" role="alert">{{ p.title }}</div>
      }
      <table class="plain">
        <thead>
          <tr>
            <th>When</th>
            <th>Version</th>
            <th>Who did what</th>
            <th>Details</th>
          </tr>
        </thead>
        <tbody>
          @for (e of store.entries(); track e.id) {
            <tr data-testid="audit-entry" [attr.data-action]="e.action">
              <td class="when">{{ e.at | date: 'medium' }}</td>
              <td>v{{ e.version }}</td>
              <td>
                <strong>{{ e.userName }}</strong> {{ action(e.action) }}
              </td>
              <td class="detail">{{ e.detail }}</td>
            </tr>
          } @empty {
            @if (!store.loading()) {
              <tr>
                <td colspan="4" class="empty">Nothing recorded yet.</td>
              </tr>
            }
          }
        </tbody>
      </table>
    </section>
  `,
  styles: `
    .when {
      white-space: nowrap;
    }
    .detail {
      white-space: pre-line;
      font-size: 13px;
    }
  `,
})
export class AuditList implements OnInit {
  protected readonly store = inject(AuditStore);

  ngOnInit(): void {
    void this.store.load();
  }

  protected action(a: AgreementAuditAction | undefined): string {
    return a ? (ACTIONS[a] ?? a) : '';
  }
}
