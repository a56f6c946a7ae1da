import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { DecimalPipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ImportCounts } from '../api/l2r-api';
import { STATE_ORDER, stateLabel } from '../core/labels';
import { ImportsStore, isActive } from './imports-store';
import { UndoReport } from './undo-report';

/** "1 min 20 s" for an ETA. */
export function duration(seconds: number | undefined): string {
  if (seconds === undefined || seconds === null) return '';
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/**
 * The run on screen: while it moves, a progress bar with rows/s and time left; once checked, the forecast — every
 * row's outcome and where the agreement would put the leads — with the first errors; then import it for real, follow
 * it, download its errors, cancel or undo it.
 */
@Component({
  selector: 'app-import-run',
  imports: [DecimalPipe, RouterLink, MatButtonModule, MatProgressBarModule, UndoReport],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.run(); as run) {
      <section
        class="card-box"
        aria-labelledby="run-title"
        data-testid="run"
        [attr.data-status]="run.status"
      >
        <h2 id="run-title">
          {{ run.dryRun ? 'Dry run' : 'Import' }} of {{ run.fileName }}:
          <span data-testid="run-status">{{ statusLabel() }}</span>
        </h2>
        @if (active()) {
          <mat-progress-bar
            [mode]="run.progress.totalRows ? 'determinate' : 'indeterminate'"
            [value]="run.progress.percent"
            aria-label="Progress"
          />
          <p data-testid="progress">
            {{ run.progress.rowsDone | number }}
            @if (run.progress.totalRows) {
              of {{ run.progress.totalRows | number }}
            }
            rows · {{ run.progress.rowsPerSecond | number: '1.0-1' }} rows/s
            @if (run.progress.etaSeconds !== undefined && run.progress.etaSeconds !== null) {
              · about {{ duration(run.progress.etaSeconds) }} left
            }
            @if (run.cancelRequested) {
              · stopping after the current batch
            }
          </p>
        }
        @if (run.error) {
          <div class="error-box" role="alert">{{ run.error }}</div>
        }

        @if (store.forecast(); as f) {
          <h3>{{ run.dryRun ? 'What the import would do' : 'Forecast beside the import' }}</h3>
          <table class="plain counts" data-testid="forecast">
            <thead>
              <tr>
                <th></th>
                <th>Rows</th>
                <th>Create</th>
                <th>Update</th>
                <th>Skip (duplicate)</th>
                <th>Errors</th>
              </tr>
            </thead>
            <tbody>
              <tr data-testid="forecast-counts">
                <th>Dry run</th>
                <td>{{ f.rows | number }}</td>
                <td data-testid="forecast-created">{{ f.created | number }}</td>
                <td>{{ f.updated | number }}</td>
                <td>{{ f.skipped | number }}</td>
                <td data-testid="forecast-failed">{{ f.failed | number }}</td>
              </tr>
              @if (!run.dryRun) {
                <tr data-testid="run-counts">
                  <th>This import</th>
                  <td>{{ run.counts.rows | number }}</td>
                  <td data-testid="run-created">{{ run.counts.created | number }}</td>
                  <td>{{ run.counts.updated | number }}</td>
                  <td>{{ run.counts.skipped | number }}</td>
                  <td>{{ run.counts.failed | number }}</td>
                </tr>
              }
            </tbody>
          </table>
          <h3>Where the agreement would put the leads</h3>
          <ul class="stages" data-testid="stage-forecast">
            @for (s of stages(f); track s.state) {
              <li [attr.data-state]="s.state">
                <strong>{{ s.count | number }}</strong> {{ stateLabel(s.state) }}
              </li>
            } @empty {
              <li class="muted">No lead would be created or updated.</li>
            }
          </ul>
        }

        @if (run.firstErrors.length) {
          <h3>First rows that cannot be taken</h3>
          <table class="plain" data-testid="first-errors">
            <thead>
              <tr>
                <th>Line</th>
                <th>Column</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              @for (e of run.firstErrors; track $index) {
                <tr>
                  <td>{{ e.line }}</td>
                  <td>{{ e.column ?? '' }}</td>
                  <td>{{ e.message }}</td>
                </tr>
              }
            </tbody>
          </table>
        }

        @if (store.mappingChanged() && run.dryRun && !active()) {
          <p class="muted" data-testid="recheck-first">
            The mapping or duplicate policy changed: check the file again before importing it.
          </p>
        }
        <div class="form-actions">
          @if (store.canStart()) {
            <button
              mat-flat-button
              type="button"
              [disabled]="store.busy()"
              (click)="store.start()"
              data-testid="start-import"
            >
              Import for real
            </button>
          }
          @if (active()) {
            <button
              mat-stroked-button
              type="button"
              [disabled]="store.busy() || run.cancelRequested"
              (click)="store.cancel()"
              data-testid="cancel-import"
            >
              Cancel
            </button>
          }
          @if (!active() && (run.counts.failed || run.dryRunCounts?.failed)) {
            <button
              mat-stroked-button
              type="button"
              (click)="store.downloadErrors(run.id)"
              data-testid="download-errors"
            >
              Download the error report (CSV)
            </button>
          }
          @if (run.undoableUntil && !run.undoneAt) {
            <button
              mat-stroked-button
              type="button"
              [disabled]="store.busy()"
              (click)="store.undo(run.id)"
              data-testid="undo-import"
            >
              Undo this import
            </button>
          }
          @if (run.status === 'Completed' && !run.dryRun) {
            <a mat-button routerLink="/leads" data-testid="see-leads">See the leads</a>
            <a mat-button routerLink="/board">See the board</a>
          }
          @if (!active()) {
            <button mat-button type="button" (click)="store.clear()">Upload another file</button>
          }
        </div>
        @if (run.undoReport; as report) {
          <app-undo-report [report]="report" />
        }
      </section>
    }
  `,
  styles: `
    .stages {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 20px;
      list-style: none;
      padding: 0;
    }
    .counts th {
      font-weight: 600;
    }
  `,
})
export class ImportRun {
  protected readonly store = inject(ImportsStore);
  protected readonly stateLabel = stateLabel;
  protected readonly duration = duration;
  protected readonly active = computed(() => isActive(this.store.run()));
  protected readonly statusLabel = computed(() => {
    const run = this.store.run();
    if (!run) return '';
    if (run.status === 'Completed' && run.dryRun) return 'checked';
    return run.status.toLowerCase();
  });

  /** The stages leads would land in, in board order, leaving out the empty ones. */
  protected stages(counts: ImportCounts): { state: string; count: number }[] {
    const byState = (counts.stages ?? {}) as Record<string, number | undefined>;
    return STATE_ORDER.map((state) => ({ state, count: byState[state] ?? 0 })).filter(
      (s) => s.count > 0,
    );
  }
}
