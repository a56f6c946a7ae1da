import { ChangeDetectionStrategy, Component, inject, output } from '@angular/core';
import { DatePipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { ApprovalDto, VersionTransitionsDto } from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import { triggerLabel } from '../core/labels';
import { VersionRow, VersionsStore } from './versions-store';

/** Every version: its status, who approved it, how many moves it judged, and (for admins) "start a draft from here". */
@Component({
  selector: 'app-versions-list',
  imports: [DatePipe, RouterLink, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" data-testid="versions">
      <table class="plain">
        <thead>
          <tr>
            <th>Version</th>
            <th>Status</th>
            <th>Dates</th>
            <th>Approved by</th>
            <th>Moves judged under it</th>
            <th><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (row of store.versions(); track row.summary.id) {
            <tr data-testid="version-row" [attr.data-version]="row.summary.version">
              <td>
                <strong>v{{ row.summary.version }}</strong>
              </td>
              <td>
                <span class="status-chip" [class]="'status-chip ' + row.summary.status">{{
                  row.summary.status
                }}</span>
              </td>
              <td class="dates">
                created {{ row.summary.createdAt | date: 'mediumDate' }}
                @if (row.summary.activatedAt) {
                  <br />activated {{ row.summary.activatedAt | date: 'mediumDate' }}
                }
              </td>
              <td>
                @for (a of approvals(row); track $index) {
                  <div>{{ a.role }}: {{ a.userName }}</div>
                } @empty {
                  <span class="muted">{{ row.detail ? 'none' : '—' }}</span>
                }
              </td>
              <td>
                @if (row.transitions; as t) {
                  <strong>{{ t.total }}</strong>
                  <div class="muted small">{{ byTrigger(t) }}</div>
                } @else {
                  <span class="muted">—</span>
                }
              </td>
              <td class="actions">
                @if (row.summary.status === 'Draft') {
                  <a mat-stroked-button [routerLink]="['/agreement/drafts', row.summary.id]"
                    >Open</a
                  >
                } @else if (auth.isAdmin() && !store.openDraft()) {
                  <button
                    mat-stroked-button
                    type="button"
                    (click)="start.emit(row.summary.version!)"
                    data-testid="start-from-version"
                  >
                    {{
                      row.summary.status === 'Active'
                        ? 'Start a draft from it'
                        : 'Roll back: draft from it'
                    }}
                  </button>
                }
              </td>
            </tr>
          } @empty {
            @if (!store.loading()) {
              <tr>
                <td colspan="6" class="empty">No versions.</td>
              </tr>
            }
          }
        </tbody>
      </table>
      <p class="muted">
        A rollback is a new version: the draft copies the older content, and both teams approve it
        again.
      </p>
    </section>
  `,
  styles: `
    .dates {
      font-size: 13px;
    }
    .small {
      font-size: 12px;
      max-width: 320px;
    }
    .actions {
      text-align: right;
    }
  `,
})
export class VersionsList {
  protected readonly store = inject(VersionsStore);
  protected readonly auth = inject(AuthStore);
  readonly start = output<number>();

  /** A draft counts only approvals of its current revision; an activated version keeps those that signed it. */
  protected approvals(row: VersionRow): ApprovalDto[] {
    const d = row.detail;
    if (!d) return [];
    return (d.approvals ?? []).filter((a) => d.status !== 'Draft' || a.revision === d.revision);
  }

  protected byTrigger(t: VersionTransitionsDto): string {
    return (t.byTrigger ?? []).map((b) => `${triggerLabel(b.trigger)} ${b.count}`).join(' · ');
  }
}
