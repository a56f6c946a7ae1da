import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { DatePipe } from '@angular/common';
import { ActivatedRoute } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { problemText } from '../core/problem';
import { Chart } from './chart';
import { waterfallOptions } from './charts';
import { DriftBanner } from './drift-banner';
import { DrillDown } from './drill-down';
import { DrillDownStore, DrillSelection } from './drill-down-store';
import { GroupComparison } from './group-comparison';
import { MetricsFilters } from './metrics-filters';
import { fromParams } from './metrics-query';
import { MetricsStore } from './metrics-store';
import { MetricsUrl } from './metrics-url';
import { ReasonsReport } from './reasons-report';
import { ScorecardSection } from './scorecard-section';
import { SlaSection } from './sla-section';
import { TrendReport } from './trend-report';
import { WaterfallTable } from './waterfall-table';

/**
 * The metrics page for the joint review: the waterfall (every number opens its leads), reasons, trend and SLA
 * compliance, for the view its URL describes.
 */
@Component({
  selector: 'app-metrics-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatProgressBarModule,
    Chart,
    DriftBanner,
    DrillDown,
    GroupComparison,
    MetricsFilters,
    ReasonsReport,
    ScorecardSection,
    SlaSection,
    TrendReport,
    WaterfallTable,
  ],
  providers: [MetricsStore, DrillDownStore, MetricsUrl],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page metrics-page">
      <h1>Metrics</h1>
      <app-drift-banner />
      <app-metrics-filters />

      <section class="card-box" aria-labelledby="waterfall-title" data-testid="waterfall">
        <div class="head">
          <h2 id="waterfall-title">Waterfall</h2>
          @if (store.waterfall().value; as w) {
            <span class="muted" data-testid="period">
              {{ w.from | date: 'mediumDate' : 'UTC' }} – {{ w.to | date: 'medium' : 'UTC' }} UTC
              (end exclusive)
            </span>
          }
          <button
            mat-stroked-button
            type="button"
            (click)="store.download('waterfall')"
            data-testid="waterfall-csv"
          >
            CSV
          </button>
        </div>
        @if (store.waterfall().loading) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading the waterfall" />
        }
        @if (store.downloadProblem(); as p) {
          <div class="error-box" role="alert">{{ problemText(p) }}</div>
        }
        @if (store.waterfall().problem; as p) {
          <div class="error-box" role="alert" data-testid="waterfall-problem">
            {{ problemText(p) }}
          </div>
        } @else if (store.waterfall().value; as w) {
          @if (!hasEntries()) {
            <p class="empty" data-testid="waterfall-empty">
              No lead entered a stage in this view.
              {{ w.mode === 'Cohort' ? 'Leads created in the period' : 'Moves made in the period' }}
              will appear here stage by stage, with what became of them: advanced, rejected,
              recycled, disqualified, lost, won or still in.
            </p>
          } @else {
            <app-chart [options]="chart()" label="Entries per stage" class="funnel" />
            <p class="muted">
              Hover a heading for its formula; click a number for the leads behind it.
            </p>
            @if (w.groupBy) {
              <h3>Side by side</h3>
              <app-group-comparison
                [groups]="w.groups"
                [groupBy]="w.groupBy"
                (drill)="drill($event)"
              />
            }
            @for (group of w.groups; track group.key) {
              @if (w.groupBy) {
                <h3 data-testid="group-label">{{ group.label }}</h3>
              }
              <app-waterfall-table
                [group]="group"
                [mode]="w.mode"
                [groupBy]="w.groupBy"
                (drill)="drill($event)"
              />
            }
          }
        }
      </section>

      <app-drill-down />
      <app-reasons-report />
      <app-trend-report />
      <app-scorecard-section />
      <app-sla-section />
    </div>
  `,
  styles: `
    .metrics-page {
      display: flex;
      flex-direction: column;
      gap: 16px;
      max-width: 1600px;
    }
    h1 {
      margin-bottom: 0;
    }
    .head {
      display: flex;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
    }
    .head h2 {
      margin-right: auto;
    }
    h3 {
      font-size: 15px;
      margin: 16px 0 4px;
    }
    .funnel {
      height: 240px;
    }
  `,
})
export class MetricsPage {
  protected readonly store = inject(MetricsStore);
  private readonly drillDown = inject(DrillDownStore);
  private readonly route = inject(ActivatedRoute);
  private readonly params = toSignal(this.route.queryParams, { initialValue: {} });
  private readonly fragment = toSignal(this.route.fragment);

  protected readonly problemText = problemText;
  protected readonly hasEntries = computed(() =>
    (this.store.waterfall().value?.groups ?? []).some((g) =>
      g.stages.some((s) => s.entered || s.opening),
    ),
  );
  protected readonly chart = computed(() =>
    waterfallOptions(this.store.waterfall().value?.groups ?? []),
  );

  constructor() {
    effect(() => {
      const query = fromParams(this.params());
      // Only the URL drives loading (not, say, the token the requests read on their way out).
      untracked(() => {
        // A new view makes the open list stale: its number is gone from the page.
        this.drillDown.close();
        void this.store.load(query);
      });
    });
    // A link to the reasons report (the drift banner's) lands on it once it has loaded.
    effect(() => {
      if (this.fragment() === 'reasons' && this.store.reasons().value) {
        queueMicrotask(() => document.getElementById('reasons')?.scrollIntoView());
      }
    });
  }

  protected drill(selection: DrillSelection): void {
    void this.drillDown.open(selection, this.store.query());
    queueMicrotask(() =>
      document.querySelector('[data-testid=drill-down]')?.scrollIntoView({ block: 'nearest' }),
    );
  }
}
