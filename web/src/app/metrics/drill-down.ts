import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { DatePipe, DecimalPipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { stateLabel, triggerLabel } from '../core/labels';
import { problemText } from '../core/problem';
import { DRILL_PAGE_SIZE, DrillDownStore } from './drill-down-store';

/** The leads behind the number clicked: one row per entry, so the total is that number. */
@Component({
  selector: 'app-drill-down',
  imports: [DatePipe, DecimalPipe, RouterLink, MatButtonModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.selection(); as s) {
      <section class="card-box" aria-labelledby="drill-title" data-testid="drill-down">
        <div class="head">
          <h2 id="drill-title">
            {{ s.title }}
            @if (s.groupLabel !== undefined) {
              <span class="muted">· {{ s.groupLabel }}</span>
            }
          </h2>
          <span class="actions">
            <button
              mat-stroked-button
              type="button"
              (click)="store.download()"
              data-testid="drill-csv"
            >
              CSV
            </button>
            <button mat-button type="button" (click)="store.close()" data-testid="drill-close">
              Close
            </button>
          </span>
        </div>
        @if (store.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading the entries" />
        }
        @if (store.problem(); as p) {
          <div class="error-box" role="alert">{{ problemText(p) }}</div>
        } @else if (!store.loading()) {
          <p>
            <strong data-testid="drill-total">{{ store.total() }}</strong>
            {{ store.total() === 1 ? 'entry' : 'entries' }}
            @if (store.total() !== s.expected) {
              <span class="fail" data-testid="drill-mismatch">
                (the figure said {{ s.expected }}: the data changed since it was loaded)</span
              >
            }
          </p>
        }
        @if (store.items().length) {
          <div class="scroll">
            <table class="plain" data-testid="drill-list">
              <thead>
                <tr>
                  <th scope="col">Lead</th>
                  <th scope="col">Source · campaign</th>
                  <th scope="col">Entered {{ stage(s.stage) }}</th>
                  <th scope="col">Left</th>
                  <th scope="col">Left by</th>
                  <th scope="col">Days</th>
                  <th scope="col">Owner at entry</th>
                  <th scope="col">Version</th>
                  <th scope="col">Amount</th>
                </tr>
              </thead>
              <tbody>
                @for (e of store.items(); track $index) {
                  <tr data-testid="drill-row">
                    <td>
                      <a [routerLink]="['/leads', e.leadId]">{{ e.name }}</a>
                      @if (e.company) {
                        <div class="muted">{{ e.company }}</div>
                      }
                    </td>
                    <td>{{ e.source || '—' }} · {{ e.campaign || '—' }}</td>
                    <td>{{ e.enteredAt | date: 'mediumDate' }}</td>
                    <td>{{ e.leftAt ? (e.leftAt | date: 'mediumDate') : '—' }}</td>
                    <td>
                      @if (e.leftAt) {
                        {{ trigger(e.exitTrigger) }}
                        @if (e.reasonCode) {
                          <span class="muted">({{ e.reasonCode }})</span>
                        }
                      } @else {
                        Still in
                      }
                    </td>
                    <td>
                      {{
                        e.daysInStage === null || e.daysInStage === undefined
                          ? '—'
                          : (e.daysInStage | number: '1.0-1')
                      }}
                    </td>
                    <td>{{ e.ownerName || '—' }}</td>
                    <td>v{{ e.agreementVersion }}</td>
                    <td>
                      {{
                        e.amount === null || e.amount === undefined
                          ? '—'
                          : (e.amount | number: '1.0-0')
                      }}
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          @if (store.pages() > 1) {
            <nav class="pager" aria-label="Pages of entries">
              <button
                mat-button
                type="button"
                [disabled]="store.page() <= 1"
                (click)="store.goTo(store.page() - 1)"
              >
                Previous
              </button>
              <span>Page {{ store.page() }} of {{ store.pages() }} ({{ pageSize }} a page)</span>
              <button
                mat-button
                type="button"
                [disabled]="store.page() >= store.pages()"
                (click)="store.goTo(store.page() + 1)"
                data-testid="drill-next"
              >
                Next
              </button>
            </nav>
          }
        } @else if (!store.loading() && !store.problem()) {
          <p class="empty">No entries behind this number.</p>
        }
      </section>
    }
  `,
  styles: `
    .head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
    .scroll {
      overflow-x: auto;
      font-size: 13px;
    }
    .pager {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-top: 8px;
    }
  `,
})
export class DrillDown {
  protected readonly store = inject(DrillDownStore);
  protected readonly pageSize = DRILL_PAGE_SIZE;
  protected readonly problemText = problemText;
  protected readonly stage = stateLabel;
  protected readonly trigger = triggerLabel;
}
