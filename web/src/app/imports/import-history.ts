import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { DatePipe, DecimalPipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { ImportsStore } from './imports-store';
import { UndoReport } from './undo-report';

/** The tenant's runs, newest first: open one to follow or review it, undo a real one while it may be. */
@Component({
  selector: 'app-import-history',
  imports: [DatePipe, DecimalPipe, MatButtonModule, UndoReport],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" aria-labelledby="history-title">
      <h2 id="history-title">Earlier runs</h2>
      <table class="plain" data-testid="history">
        <thead>
          <tr>
            <th>When</th>
            <th>File</th>
            <th>Kind</th>
            <th>Status</th>
            <th>Created</th>
            <th>Updated</th>
            <th>Skipped</th>
            <th>Errors</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          @for (run of store.history(); track run.id) {
            <tr
              data-testid="history-row"
              [attr.data-run-id]="run.id"
              [attr.data-status]="run.status"
            >
              <td>{{ run.createdAt | date: 'short' }}</td>
              <td>{{ run.fileName }}</td>
              <td>{{ run.dryRun ? 'Dry run' : 'Import' }}</td>
              <td>{{ run.status }}</td>
              <td>{{ run.counts.created | number }}</td>
              <td>{{ run.counts.updated | number }}</td>
              <td>{{ run.counts.skipped | number }}</td>
              <td>{{ run.counts.failed | number }}</td>
              <td class="actions">
                <button mat-button type="button" (click)="store.show(run)">Open</button>
                @if (run.undoableUntil && !run.undoneAt) {
                  <button
                    mat-button
                    type="button"
                    [disabled]="store.busy()"
                    (click)="store.undo(run.id)"
                    data-testid="history-undo"
                  >
                    Undo
                  </button>
                }
              </td>
            </tr>
            @if (run.undoReport; as report) {
              <tr>
                <td colspan="9"><app-undo-report [report]="report" /></td>
              </tr>
            }
          } @empty {
            <tr>
              <td colspan="9" class="empty">No import yet.</td>
            </tr>
          }
        </tbody>
      </table>
    </section>
  `,
  styles: `
    .actions {
      white-space: nowrap;
    }
  `,
})
export class ImportHistory {
  protected readonly store = inject(ImportsStore);
}
