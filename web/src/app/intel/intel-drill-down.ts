import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { DatePipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { stateLabel } from '../core/labels';
import { problemText } from '../core/problem';
import { IntelRecord } from './intel-record';
import { IntelStore } from './intel-store';

/** The leads behind the count clicked, with what was heard on each and the notes: the total is that count. */
@Component({
  selector: 'app-intel-drill-down',
  imports: [DatePipe, RouterLink, MatButtonModule, MatProgressBarModule, IntelRecord],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.drill(); as d) {
      <section class="card-box" aria-labelledby="intel-drill-title" data-testid="intel-drill-down">
        <div class="head">
          <h2 id="intel-drill-title">{{ d.title }}</h2>
          <button mat-button type="button" (click)="store.closeDrill()">Close</button>
        </div>
        @if (store.drillLoading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading the leads" />
        }
        @if (store.drillProblem(); as p) {
          <div class="error-box" role="alert">{{ problemText(p) }}</div>
        } @else if (!store.drillLoading()) {
          <p>
            <strong data-testid="intel-drill-total">{{ store.drillTotal() }}</strong>
            {{ store.drillTotal() === 1 ? 'lead' : 'leads' }}
            @if (store.drillTotal() !== d.expected) {
              <span class="fail"
                >(the figure said {{ d.expected }}: the data changed since it was loaded)</span
              >
            }
          </p>
        }
        <ul class="leads">
          @for (l of store.drillItems(); track l.leadId) {
            <li data-testid="intel-drill-row">
              <a [routerLink]="['/leads', l.leadId]">{{ l.displayName }}</a>
              <span class="muted">
                @if (l.company) {
                  · {{ l.company }}
                }
                · {{ stateLabel(l.state) }} · last heard {{ l.lastHeardAt | date: 'medium' }}</span
              >
              @for (r of l.records; track r.id) {
                <app-intel-record [intel]="r" [showAuthor]="true" />
              }
            </li>
          }
        </ul>
        @if (store.drillPages() > 1) {
          <div class="pager">
            <button
              mat-button
              type="button"
              [disabled]="store.drillPage() <= 1"
              (click)="store.goTo(store.drillPage() - 1)"
            >
              Previous
            </button>
            <span>Page {{ store.drillPage() }} of {{ store.drillPages() }}</span>
            <button
              mat-button
              type="button"
              [disabled]="store.drillPage() >= store.drillPages()"
              (click)="store.goTo(store.drillPage() + 1)"
            >
              Next
            </button>
          </div>
        }
      </section>
    }
  `,
  styles: `
    .leads {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 10px;
    }
  `,
})
export class IntelDrillDown {
  protected readonly store = inject(IntelStore);
  protected readonly stateLabel = stateLabel;
  protected readonly problemText = problemText;
}
