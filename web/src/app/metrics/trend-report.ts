import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { problemText } from '../core/problem';
import { Chart } from './chart';
import { ratesOptions, velocityOptions, volumeOptions } from './charts';
import { MetricsStore } from './metrics-store';
import { MetricsUrl } from './metrics-url';

/** The waterfall week by week or month by month: volume, conversion and velocity over time. */
@Component({
  selector: 'app-trend-report',
  imports: [MatButtonModule, MatButtonToggleModule, Chart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" aria-labelledby="trend-title" data-testid="trend">
      <div class="head">
        <h2 id="trend-title">Trend</h2>
        <mat-button-toggle-group
          [value]="store.query().bucket"
          (change)="url.set({ bucket: $event.value })"
          aria-label="Bucket"
          hideSingleSelectionIndicator
        >
          <mat-button-toggle value="Week">Weeks</mat-button-toggle>
          <mat-button-toggle value="Month">Months</mat-button-toggle>
        </mat-button-toggle-group>
        <button
          mat-stroked-button
          type="button"
          (click)="store.download('trend')"
          data-testid="trend-csv"
        >
          CSV
        </button>
      </div>
      @let section = store.trend();
      @if (section.problem; as p) {
        <div class="error-box" role="alert">{{ problemText(p) }}</div>
      } @else if (section.value; as t) {
        @if (!hasData()) {
          <p class="empty" data-testid="trend-empty">
            Nothing entered the funnel in this view yet. Each
            {{ t.bucket === 'Week' ? 'week' : 'month' }} will show how many leads reached each
            stage, how many sales accepted and won, and how long they waited.
          </p>
        } @else {
          <p class="muted">
            UTC {{ t.bucket === 'Week' ? 'weeks from Monday' : 'months' }}; rates and days as in the
            waterfall's formulas.
          </p>
          <div class="charts">
            <div>
              <h3>Entries per stage</h3>
              <app-chart [options]="volume()" label="Entries per stage over time" />
            </div>
            <div>
              <h3>Conversion</h3>
              <app-chart
                [options]="rates()"
                label="MQL acceptance, SQL conversion and win rate over time"
              />
            </div>
            <div>
              <h3>Velocity</h3>
              <app-chart [options]="velocity()" label="Median days in each stage over time" />
            </div>
          </div>
        }
      }
    </section>
  `,
  styles: `
    .head {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .head h2 {
      flex: 1;
    }
    h3 {
      font-size: 15px;
      margin: 8px 0 0;
    }
    .charts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(360px, 1fr));
      gap: 16px;
    }
  `,
})
export class TrendReport {
  protected readonly store = inject(MetricsStore);
  protected readonly url = inject(MetricsUrl);
  protected readonly problemText = problemText;

  private readonly trend = computed(() => this.store.trend().value);
  protected readonly hasData = computed(
    () => this.trend()?.buckets.some((b) => b.stages.some((s) => s.entered > 0)) ?? false,
  );
  protected readonly volume = computed(() => volumeOptions(this.trend()!));
  protected readonly rates = computed(() => ratesOptions(this.trend()!));
  protected readonly velocity = computed(() => velocityOptions(this.trend()!));
}
