import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { DatePipe, PercentPipe } from '@angular/common';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import type { EChartsCoreOption } from 'echarts/core';
import { CompetitorFigureDto, CompetitorReportDto } from '../api/l2r-api';
import { problemText } from '../core/problem';
import { Chart } from '../metrics/chart';
import { IntelStore } from './intel-store';

/** The competitors with the most leads, as lines over the buckets (the table lists them all). */
export function competitorTrendChart(report: CompetitorReportDto, top = 5): EChartsCoreOption {
  const day = (at: Date | string) => new Date(at).toISOString().slice(0, 10);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: report.buckets.map((b) => day(b.start)) },
    yAxis: { type: 'value', minInterval: 1, name: 'leads' },
    series: report.competitors.slice(0, top).map((c) => ({
      name: c.label,
      type: 'line',
      smooth: true,
      data: c.trend,
    })),
  };
}

/** Competitors by frequency, their trend per week or month, and win/loss on the leads they came up on. */
@Component({
  selector: 'app-competitors-report',
  imports: [Chart, DatePipe, PercentPipe, MatButtonToggleModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" aria-labelledby="competitors-title" data-testid="competitors">
      <div class="head">
        <h2 id="competitors-title">Competitors</h2>
        <mat-button-toggle-group
          [value]="store.query().bucket"
          (change)="store.update({ bucket: $event.value })"
          aria-label="Trend per"
          hideSingleSelectionIndicator
        >
          <mat-button-toggle value="Week">Weeks</mat-button-toggle>
          <mat-button-toggle value="Month">Months</mat-button-toggle>
        </mat-button-toggle-group>
      </div>
      @if (store.competitors().problem; as p) {
        <div class="error-box" role="alert">{{ problemText(p) }}</div>
      }
      @if (store.competitors().value; as r) {
        @if (r.competitors.length) {
          <app-chart [options]="chart()!" label="Leads per competitor over time" />
          <table class="plain">
            <thead>
              <tr>
                <th scope="col">Competitor</th>
                <th scope="col">Leads</th>
                <th scope="col">Last {{ r.bucket === 'Week' ? 'week' : 'month' }}</th>
                <th scope="col">Won</th>
                <th scope="col">Lost</th>
                <th scope="col">Win rate</th>
              </tr>
            </thead>
            <tbody>
              @for (c of r.competitors; track c.tagId) {
                <tr data-testid="competitor-row" [attr.data-label]="c.label">
                  <th scope="row">{{ c.label }}</th>
                  <td>
                    <button
                      class="count"
                      type="button"
                      (click)="drill(c, 'leads')"
                      data-testid="competitor-leads"
                    >
                      {{ c.leads }}
                    </button>
                  </td>
                  <td>
                    <button class="count" type="button" (click)="drillLast(r, c)">
                      {{ c.trend.at(-1) ?? 0 }}
                    </button>
                  </td>
                  <td>
                    <button class="count" type="button" (click)="drill(c, 'Won')">
                      {{ c.won }}
                    </button>
                  </td>
                  <td>
                    <button class="count" type="button" (click)="drill(c, 'Lost')">
                      {{ c.lost }}
                    </button>
                  </td>
                  <td>
                    {{
                      c.winRate === null || c.winRate === undefined ? '—' : (c.winRate | percent)
                    }}
                  </td>
                </tr>
              }
            </tbody>
          </table>
          <p class="muted">
            Buckets start at midnight in {{ r.timeZone }}; {{ r.from | date: 'mediumDate' }} –
            {{ r.to | date: 'mediumDate' }}.
          </p>
        } @else {
          <p class="empty">No competitor came up in this period.</p>
        }
      }
    </section>
  `,
})
export class CompetitorsReport {
  protected readonly store = inject(IntelStore);
  protected readonly problemText = problemText;
  protected readonly chart = computed(() => {
    const r = this.store.competitors().value;
    return r ? competitorTrendChart(r) : null;
  });

  protected drill(c: CompetitorFigureDto, what: 'leads' | 'Won' | 'Lost'): void {
    void this.store.openDrill({
      title:
        what === 'leads'
          ? `Leads that mentioned ${c.label}`
          : `${what} leads that mentioned ${c.label}`,
      expected: what === 'leads' ? c.leads : what === 'Won' ? c.won : c.lost,
      tagId: c.tagId,
      outcome: what === 'leads' ? undefined : what,
    });
  }

  protected drillLast(r: CompetitorReportDto, c: CompetitorFigureDto): void {
    const last = r.buckets[r.buckets.length - 1];
    if (!last) return;
    void this.store.openDrill({
      title: `${c.label} in the last ${r.bucket === 'Week' ? 'week' : 'month'}`,
      expected: c.trend.at(-1) ?? 0,
      tagId: c.tagId,
      from: new Date(last.start).toISOString(),
      to: new Date(last.end).toISOString(),
    });
  }
}
