import { Injectable, WritableSignal, inject, signal } from '@angular/core';
import { Observable } from 'rxjs';
import {
  FollowUpClient,
  MetricsClient,
  ReasonsReportDto,
  ScorecardDto,
  SlaMetricsDto,
  TrendDto,
  WaterfallDto,
} from '../api/l2r-api';
import { Problem } from '../core/problem';
import { Section, idleSection, loadSection } from '../core/section';
import { CsvDownload } from './csv-download';
import { DEFAULT_QUERY, MetricsQuery, apiPeriod, filterArgs, filterParams } from './metrics-query';

export type Report = 'waterfall' | 'reasons' | 'trend' | 'scorecard';

/**
 * The metrics page's data for one query: waterfall, reasons, trend, the shared scorecard and SLA compliance. Each report loads on its own,
 * so one failing does not hide the others; a response to an older query is dropped.
 */
@Injectable()
export class MetricsStore {
  private readonly metrics = inject(MetricsClient);
  private readonly followUp = inject(FollowUpClient);
  private readonly csv = inject(CsvDownload);

  readonly query = signal<MetricsQuery>(DEFAULT_QUERY);
  readonly waterfall = signal<Section<WaterfallDto>>(idleSection());
  readonly reasons = signal<Section<ReasonsReportDto>>(idleSection());
  readonly trend = signal<Section<TrendDto>>(idleSection());
  readonly sla = signal<Section<SlaMetricsDto>>(idleSection());
  readonly scorecard = signal<Section<ScorecardDto>>(idleSection());
  /** Why the last CSV download failed. */
  readonly downloadProblem = signal<Problem | null>(null);

  private loadToken = 0;

  async load(query: MetricsQuery): Promise<void> {
    this.query.set(query);
    const token = ++this.loadToken;
    const args = filterArgs(query);
    const { from, to } = apiPeriod(query);
    await Promise.all([
      this.fill(
        token,
        this.waterfall,
        this.metrics.getWaterfall(...args, query.groupBy || undefined),
      ),
      this.fill(
        token,
        this.reasons,
        this.metrics.getReasons(...args, undefined, query.trigger || undefined),
      ),
      this.fill(token, this.trend, this.metrics.getTrend(...args, query.bucket)),
      this.fill(token, this.sla, this.followUp.getSlaMetrics(from, to)),
      this.fill(token, this.scorecard, this.metrics.getScorecard(...args, query.bucket)),
    ]);
  }

  /** The report as the current query shows it, as CSV (the same endpoint and filters, `Accept: text/csv`). */
  async download(report: Report): Promise<void> {
    const query = this.query();
    const params = filterParams(query);
    if (report === 'waterfall' && query.groupBy) params['groupBy'] = query.groupBy;
    if (report === 'reasons' && query.trigger) params['trigger'] = query.trigger;
    if (report === 'trend' || report === 'scorecard') params['bucket'] = query.bucket;
    this.downloadProblem.set(null);
    this.downloadProblem.set(
      await this.csv.save(
        report === 'scorecard' ? '/api/scorecard' : `/api/metrics/${report}`,
        params,
        `l2r-${report}.csv`,
      ),
    );
  }

  private fill<T>(
    token: number,
    section: WritableSignal<Section<T>>,
    request: Observable<T>,
  ): Promise<void> {
    return loadSection(section, request, () => token === this.loadToken);
  }
}
