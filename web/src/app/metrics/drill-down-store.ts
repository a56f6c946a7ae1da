import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  LeadState,
  MetricsClient,
  MetricsGrouping,
  WaterfallCount,
  WaterfallLeadDto,
} from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';
import { CsvDownload } from './csv-download';
import { MetricsQuery, filterArgs, filterParams } from './metrics-query';

/** One clicked number: which stage and count, in which group, and what the number said. */
export interface DrillSelection {
  stage: LeadState;
  count: WaterfallCount;
  /** The waterfall's grouping and the group's key (the API's `group`), when it is grouped. */
  groupBy?: MetricsGrouping;
  group?: string;
  groupLabel?: string;
  title: string;
  /** The number clicked, or the count behind a rate or velocity figure: the list's total must equal it. */
  expected: number;
}

export const DRILL_PAGE_SIZE = 25;
/** The API's largest page of entries. */
export const CSV_MAX_ROWS = 500;

/** The entries behind one number of the waterfall, a page at a time. */
@Injectable()
export class DrillDownStore {
  private readonly client = inject(MetricsClient);
  private readonly csv = inject(CsvDownload);

  readonly selection = signal<DrillSelection | null>(null);
  readonly items = signal<WaterfallLeadDto[]>([]);
  readonly total = signal(0);
  readonly page = signal(1);
  readonly loading = signal(false);
  readonly problem = signal<Problem | null>(null);
  readonly pages = computed(() => Math.max(1, Math.ceil(this.total() / DRILL_PAGE_SIZE)));

  private query: MetricsQuery | null = null;
  private loadToken = 0;

  open(selection: DrillSelection, query: MetricsQuery): Promise<void> {
    this.selection.set(selection);
    this.query = query;
    this.items.set([]);
    this.total.set(0);
    return this.goTo(1);
  }

  close(): void {
    this.loadToken++;
    this.selection.set(null);
    this.items.set([]);
    this.problem.set(null);
  }

  async goTo(page: number): Promise<void> {
    const selection = this.selection();
    const query = this.query;
    if (!selection || !query) return;
    const token = ++this.loadToken;
    this.page.set(page);
    this.loading.set(true);
    this.problem.set(null);
    try {
      const result = await firstValueFrom(
        this.client.listWaterfallLeads(
          selection.stage,
          selection.count,
          ...filterArgs(query),
          selection.groupBy,
          selection.group,
          page,
          DRILL_PAGE_SIZE,
        ),
      );
      if (token !== this.loadToken) return;
      this.items.set(result.items ?? []);
      this.total.set(result.total ?? 0);
    } catch (e) {
      if (token === this.loadToken) this.problem.set(toProblem(e));
    } finally {
      if (token === this.loadToken) this.loading.set(false);
    }
  }

  /** The list as CSV (what the API answers to `Accept: text/csv`), up to the API's largest page. */
  async download(): Promise<void> {
    const selection = this.selection();
    const query = this.query;
    if (!selection || !query) return;
    const params = filterParams(query);
    params['stage'] = selection.stage;
    params['outcome'] = selection.count;
    if (selection.groupBy && selection.group !== undefined) {
      params['groupBy'] = selection.groupBy;
      params['group'] = selection.group;
    }
    params['pageSize'] = String(CSV_MAX_ROWS);
    this.problem.set(
      await this.csv.save(
        '/api/metrics/waterfall/leads',
        params,
        `l2r-${selection.stage}-${selection.count}.csv`,
      ),
    );
  }
}
