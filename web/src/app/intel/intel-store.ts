import { Injectable, WritableSignal, computed, inject, signal } from '@angular/core';
import { Observable, firstValueFrom } from 'rxjs';
import {
  CompetitorReportDto,
  IntelClient,
  IntelKind,
  IntelLeadDto,
  LeadState,
  MessageVerdict,
  PainSegment,
  PainsReportDto,
  ReceptionReportDto,
  TagFrequencyDto,
  TrendBucket,
} from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';
import { Section, idleSection, loadSection } from '../core/section';

/** The Field intel page's period and filters (the metrics' own) and its two choices of view. */
export interface IntelQuery {
  /** yyyy-mm-dd (start of that UTC day); '' = the API's default, 90 days back. */
  from: string;
  /** yyyy-mm-dd (that whole day included); '' = now. */
  to: string;
  source: string;
  campaign: string;
  /** '' = anyone, 'me', 'none' or a user id. */
  ownerId: string;
  bucket: TrendBucket;
  groupBy: PainSegment;
}

export const DEFAULT_INTEL_QUERY: IntelQuery = {
  from: '',
  to: '',
  source: '',
  campaign: '',
  ownerId: '',
  bucket: 'Week',
  groupBy: 'Industry',
};

/** The filters as the generated client's leading arguments: from, to, source, campaign, ownerId. */
export function intelArgs(q: IntelQuery): [string?, string?, string?, string?, string?] {
  const day = 86_400_000;
  const to = q.to ? new Date(Date.parse(q.to) + day).toISOString() : undefined;
  return [
    q.from ? new Date(q.from).toISOString() : undefined,
    to,
    q.source.trim() || undefined,
    q.campaign.trim() || undefined,
    q.ownerId || undefined,
  ];
}

/** One clicked count: the keys the drill-down narrows by, and the count it must list. */
export interface IntelDrill {
  title: string;
  expected: number;
  tagId?: string;
  kind?: IntelKind;
  verdict?: MessageVerdict;
  outcome?: LeadState;
  groupBy?: PainSegment;
  group?: string;
  /** A trend bucket's own period, instead of the page's. */
  from?: string;
  to?: string;
  /** A reception count's campaign, instead of the page's campaign filter. */
  campaign?: string;
}

export const INTEL_PAGE_SIZE = 20;

/**
 * The Field intel page's roll-ups for one query, each loading on its own so one failing hides none of the others; a
 * response to an older query is dropped. A clicked count opens the leads and notes behind it, a page at a time.
 */
@Injectable()
export class IntelStore {
  private readonly client = inject(IntelClient);

  readonly query = signal<IntelQuery>(DEFAULT_INTEL_QUERY);
  readonly competitors = signal<Section<CompetitorReportDto>>(idleSection());
  readonly pains = signal<Section<PainsReportDto>>(idleSection());
  readonly reception = signal<Section<ReceptionReportDto>>(idleSection());
  readonly questions = signal<Section<TagFrequencyDto>>(idleSection());
  readonly objections = signal<Section<TagFrequencyDto>>(idleSection());

  readonly drill = signal<IntelDrill | null>(null);
  readonly drillItems = signal<IntelLeadDto[]>([]);
  readonly drillTotal = signal(0);
  readonly drillPage = signal(1);
  readonly drillLoading = signal(false);
  readonly drillProblem = signal<Problem | null>(null);
  readonly drillPages = computed(() => Math.max(1, Math.ceil(this.drillTotal() / INTEL_PAGE_SIZE)));

  private loadToken = 0;
  private drillToken = 0;

  async load(query: IntelQuery): Promise<void> {
    this.query.set(query);
    this.closeDrill();
    const token = ++this.loadToken;
    const args = intelArgs(query);
    await Promise.all([
      this.fill(token, this.competitors, this.client.getIntelCompetitors(...args, query.bucket)),
      this.fill(token, this.pains, this.client.getIntelPains(...args, query.groupBy)),
      this.fill(token, this.reception, this.client.getIntelReception(...args)),
      this.fill(token, this.questions, this.client.getIntelFrequency('Question', ...args)),
      this.fill(token, this.objections, this.client.getIntelFrequency('Objection', ...args)),
    ]);
  }

  update(changes: Partial<IntelQuery>): Promise<void> {
    return this.load({ ...this.query(), ...changes });
  }

  openDrill(drill: IntelDrill): Promise<void> {
    this.drill.set(drill);
    this.drillItems.set([]);
    this.drillTotal.set(0);
    return this.goTo(1);
  }

  closeDrill(): void {
    this.drillToken++;
    this.drill.set(null);
    this.drillItems.set([]);
    this.drillProblem.set(null);
  }

  async goTo(page: number): Promise<void> {
    const d = this.drill();
    if (!d) return;
    const token = ++this.drillToken;
    const [from, to, source, campaign, ownerId] = intelArgs(this.query());
    this.drillPage.set(page);
    this.drillLoading.set(true);
    this.drillProblem.set(null);
    try {
      const result = await firstValueFrom(
        this.client.listIntelLeads(
          d.from ?? from,
          d.to ?? to,
          source,
          d.campaign ?? campaign,
          ownerId,
          d.tagId,
          d.kind,
          d.verdict,
          d.outcome,
          d.groupBy,
          d.group,
          page,
          INTEL_PAGE_SIZE,
        ),
      );
      if (token !== this.drillToken) return;
      this.drillItems.set(result.items);
      this.drillTotal.set(result.total);
    } catch (e) {
      if (token === this.drillToken) this.drillProblem.set(toProblem(e));
    } finally {
      if (token === this.drillToken) this.drillLoading.set(false);
    }
  }

  private fill<T>(
    token: number,
    section: WritableSignal<Section<T>>,
    request: Observable<T>,
  ): Promise<void> {
    return loadSection(section, request, () => token === this.loadToken);
  }
}
