import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  BoardClient,
  BoardColumnDto,
  CardDto,
  HistoryEntryDto,
  LeadDto,
  LeadState,
  LeadsClient,
  TransitionOptionDto,
} from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import { STATE_ORDER } from '../core/labels';
import { LeadChange, LeadChangeKind, isNewer } from '../core/live-store';
import { Problem, toProblem } from '../core/problem';
import { MoveReason, triggerRequest } from '../moves/move-flow';

export interface BoardFilters {
  /** '' = anyone, 'me' = mine, or a user id. */
  owner: string;
  source: string;
  campaign: string;
  text: string;
}

export interface BoardColumn {
  state: LeadState;
  count: number;
  cards: CardDto[];
  nextCursor?: string;
  loadingMore: boolean;
}

/** What someone else last did to a card, for its highlight and its "moved by Sam, 2 s ago" line. */
export interface RemoteChange {
  kind: LeadChangeKind;
  actorName: string | null;
  /** When the push arrived (the browser's clock, so the seconds count right even when the server's clock differs). */
  receivedAt: number;
}

export type MoveOutcome =
  { ok: true; lead: LeadDto; transitions: HistoryEntryDto[] } | { ok: false; problem: Problem };

/** Cards fetched per request; the column component renders only the visible window of what is loaded. */
export const PAGE_SIZE = 50;

export const EMPTY_FILTERS: BoardFilters = { owner: '', source: '', campaign: '', text: '' };

const blank = (v: string) => (v.trim() ? v.trim() : undefined);

/** The board's data: one column per state, paged by cursor, plus the moves a card can make. */
@Injectable()
export class BoardStore {
  private readonly boardClient = inject(BoardClient);
  private readonly leadsClient = inject(LeadsClient);
  private readonly auth = inject(AuthStore);

  readonly filters = signal<BoardFilters>(EMPTY_FILTERS);
  readonly columns = signal<BoardColumn[]>([]);
  readonly loading = signal(false);
  readonly error = signal<Problem | null>(null);
  /**
   * Owners seen on loaded cards, for the owner filter (the user list is admin-only). Kept incrementally as pages
   * arrive (cards already counted are never rescanned), and only re-emitted when a new owner shows up.
   */
  private readonly ownerNames = new Map<string, string>();
  private readonly ownerVersion = signal(0);
  readonly owners = computed(() => {
    this.ownerVersion();
    return [...this.ownerNames]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });
  readonly total = computed(() => this.columns().reduce((sum, c) => sum + c.count, 0));
  /** The latest remote change per lead, since the board opened. */
  readonly remoteChanges = signal<ReadonlyMap<string, RemoteChange>>(new Map());

  private loadToken = 0;
  /**
   * Columns that pushes touched while a load was in flight: the load may have read the board before or after those
   * commits, so they are reloaded once it lands instead of being applied to a board about to be replaced.
   */
  private touchedDuringLoad = new Set<LeadState>();

  setFilters(filters: Partial<BoardFilters>): Promise<void> {
    this.filters.update((f) => ({ ...f, ...filters }));
    return this.load();
  }

  async load(): Promise<void> {
    const token = ++this.loadToken;
    const f = this.filters();
    this.loading.set(true);
    this.error.set(null);
    try {
      const board = await firstValueFrom(
        this.boardClient.getBoard(
          blank(f.owner),
          blank(f.source),
          blank(f.campaign),
          blank(f.text),
          PAGE_SIZE,
        ),
      );
      if (token !== this.loadToken) return; // a newer filter won
      const byState = new Map((board.columns ?? []).map((c) => [c.state as LeadState, c]));
      const columns = STATE_ORDER.map((state) => toColumn(state, byState.get(state)));
      for (const column of columns) this.noteOwners(column.cards);
      this.columns.set(columns);
      const touched = [...this.touchedDuringLoad];
      this.touchedDuringLoad.clear();
      for (const state of touched) void this.refreshColumn(state);
    } catch (e) {
      if (token === this.loadToken) this.error.set(toProblem(e));
    } finally {
      if (token === this.loadToken) this.loading.set(false);
    }
  }

  /** Appends the next page of a column (no-op while one is loading or when it is exhausted). */
  async loadMore(state: LeadState): Promise<void> {
    const column = this.column(state);
    if (!column || !column.nextCursor || column.loadingMore) return;
    const f = this.filters();
    this.patch(state, { loadingMore: true });
    try {
      const page = await firstValueFrom(
        this.boardClient.getBoardColumn(
          state,
          column.nextCursor,
          blank(f.owner),
          blank(f.source),
          blank(f.campaign),
          blank(f.text),
          PAGE_SIZE,
        ),
      );
      const current = this.column(state);
      if (!current || current.nextCursor !== column.nextCursor) return; // refreshed meanwhile
      const fresh = dedupe(current.cards, page.cards ?? []);
      this.noteOwners(fresh);
      this.patch(state, {
        cards: fresh.length ? current.cards.concat(fresh) : current.cards,
        count: page.count ?? current.count,
        nextCursor: page.nextCursor ?? undefined,
        loadingMore: false,
      });
    } catch (e) {
      this.patch(state, { loadingMore: false });
      this.error.set(toProblem(e));
    }
  }

  /**
   * Reloads a column's first page (after a move, or on demand). A card just moved here stays on top even when
   * its score ranks it beyond the first page, so the user sees where it landed.
   */
  async refreshColumn(state: LeadState, keep?: CardDto): Promise<void> {
    const f = this.filters();
    try {
      const page = await firstValueFrom(
        this.boardClient.getBoardColumn(
          state,
          undefined,
          blank(f.owner),
          blank(f.source),
          blank(f.campaign),
          blank(f.text),
          PAGE_SIZE,
        ),
      );
      const column = toColumn(state, page);
      if (keep && !column.cards.some((c) => c.id === keep.id))
        column.cards = [keep, ...column.cards];
      this.noteOwners(column.cards);
      this.replace(column);
    } catch (e) {
      this.error.set(toProblem(e));
    }
  }

  /** The moves defined from the card's state, with whether this user may make them and how the guard evaluates now. */
  async options(card: CardDto): Promise<TransitionOptionDto[]> {
    return firstValueFrom(this.leadsClient.getLeadTransitions(card.id!));
  }

  /**
   * Fires the trigger. On success the card leaves its column at once and lands in the lead's final state
   * (after any auto-advance); both columns then refresh from the server.
   */
  async move(
    card: CardDto,
    option: TransitionOptionDto,
    reason: MoveReason = {},
  ): Promise<MoveOutcome> {
    try {
      const result = await firstValueFrom(
        this.leadsClient.fireTrigger(card.id!, triggerRequest(option, reason), `"${card.version}"`),
      );
      const lead: LeadDto = result.lead ?? {};
      const from = card.state as LeadState;
      const to = (lead.state ?? option.to) as LeadState;
      this.removeCard(from, card.id!);
      const moved: CardDto = {
        ...card,
        state: to,
        version: lead.version,
        stageEnteredAt: lead.stageEnteredAt,
        ownerId: lead.ownerId,
        ownerName: lead.ownerName,
        sla: lead.sla,
        // The command stored the score it computed as it wrote the lead: the card's copy is as fresh as the lead.
        ...(lead.totalScore === undefined
          ? {}
          : {
              totalScore: lead.totalScore,
              fitScore: lead.fitScore,
              engagementScore: lead.engagementScore,
              scoredAt: lead.updatedAt,
            }),
      };
      this.insertCard(to, moved);
      void Promise.all([this.refreshColumn(from), this.refreshColumn(to, moved)]);
      return { ok: true, lead, transitions: result.transitions ?? [] };
    } catch (e) {
      return { ok: false, problem: toProblem(e) };
    }
  }

  /**
   * Whether a push says something the board does not show yet (or is about a card it has not loaded).
   */
  isNews(change: LeadChange): boolean {
    const shown = this.locate(change.leadId)?.card;
    return !shown || !change.card || isNewer(change, shown.version);
  }

  /**
   * Applies a pushed change in place: the card leaves where it was and lands where it is now, in score order, and the
   * counts follow. A text search is the server's to judge, so with one active the affected columns reload instead.
   */
  applyChange(change: LeadChange): void {
    if (this.loading()) {
      for (const state of [change.fromState, change.card?.state]) {
        if (state) this.touchedDuringLoad.add(state as LeadState);
      }
      return;
    }
    if (!this.columns().length || !this.isNews(change)) return;
    this.noteRemote(change);
    const located = this.locate(change.leadId);
    const now = change.card;
    const from = located?.state ?? change.fromState ?? now?.state ?? null;
    if (blank(this.filters().text) !== undefined) {
      const affected = new Set([from, now?.state].filter((s): s is LeadState => !!s));
      for (const state of affected) void this.refreshColumn(state);
      return;
    }
    const recount: LeadState[] = [];
    if (located) {
      this.removeCard(located.state, change.leadId);
    } else if (change.kind !== 'created' && from) {
      // Not loaded: either past the loaded page (then the count included it) or filtered out.
      const column = this.column(from);
      if (column?.nextCursor) {
        if (this.hasFieldFilters()) recount.push(from);
        else this.patch(from, { count: Math.max(0, column.count - 1) });
      }
    }
    if (now && this.passesFilters(now)) this.placeCard(now);
    for (const state of recount) void this.refreshColumn(state);
  }

  /** A bulk write changed these columns (all of them when none are named): reload rather than replay it. */
  reloadColumns(states: readonly LeadState[]): Promise<void> {
    if (!states.length) return this.load();
    return Promise.all(states.map((s) => this.refreshColumn(s))).then(() => undefined);
  }

  column(state: LeadState): BoardColumn | undefined {
    return this.columns().find((c) => c.state === state);
  }

  private hasFieldFilters(): boolean {
    const f = this.filters();
    return [f.owner, f.source, f.campaign].some((v) => blank(v) !== undefined);
  }

  private noteOwners(cards: readonly CardDto[]): void {
    let added = false;
    for (const card of cards) {
      if (!card.ownerId) continue;
      const name = card.ownerName || 'Unnamed';
      if (this.ownerNames.get(card.ownerId) !== name) {
        this.ownerNames.set(card.ownerId, name);
        added = true;
      }
    }
    if (added) this.ownerVersion.update((v) => v + 1);
  }

  /** Counts only a card that was there: the push for this very change may have moved it already. */
  private removeCard(state: LeadState, id: string): void {
    const column = this.column(state);
    const cards = column?.cards.filter((c) => c.id !== id);
    if (!column || !cards || cards.length === column.cards.length) return;
    this.patch(state, { cards, count: Math.max(0, column.count - 1) });
  }

  private insertCard(state: LeadState, card: CardDto): void {
    const column = this.column(state);
    if (!column) return;
    this.noteOwners([card]);
    const others = column.cards.filter((c) => c.id !== card.id);
    this.patch(state, {
      cards: [card, ...others],
      count: others.length === column.cards.length ? column.count + 1 : column.count,
    });
  }

  /** Puts a card where the server's order (best score first) has it, or only counts it when it ranks past the loaded page. */
  private placeCard(card: CardDto): void {
    const column = this.column(card.state);
    if (!column) return;
    const others = column.cards.filter((c) => c.id !== card.id);
    let at = others.findIndex((c) => c.totalScore < card.totalScore);
    if (at < 0) at = others.length;
    const beyondPage = at === others.length && !!column.nextCursor;
    this.noteOwners([card]);
    this.patch(card.state, {
      cards: beyondPage ? others : [...others.slice(0, at), card, ...others.slice(at)],
      count: others.length === column.cards.length ? column.count + 1 : column.count,
    });
  }

  private locate(id: string): { state: LeadState; card: CardDto } | null {
    for (const column of this.columns()) {
      const card = column.cards.find((c) => c.id === id);
      if (card) return { state: column.state, card };
    }
    return null;
  }

  /** Whether a card passes the owner, source and campaign filters the way the API applies them. */
  private passesFilters(card: CardDto): boolean {
    const f = this.filters();
    const owner = f.owner.trim().toLowerCase();
    if (owner === 'none' && card.ownerId) return false;
    if (owner === 'me' && card.ownerId !== this.auth.user()?.id) return false;
    if (owner && owner !== 'none' && owner !== 'me' && card.ownerId?.toLowerCase() !== owner)
      return false;
    if (blank(f.source) !== undefined && card.source !== blank(f.source)) return false;
    return blank(f.campaign) === undefined || card.campaign === blank(f.campaign);
  }

  private noteRemote(change: LeadChange): void {
    // The user's own change came back over the hub before (or after) its response: no "moved by you" highlight.
    if (change.actorName && change.actorName === this.auth.user()?.displayName) return;
    this.remoteChanges.update((all) =>
      new Map(all).set(change.leadId, {
        kind: change.kind,
        actorName: change.actorName,
        receivedAt: Date.now(),
      }),
    );
  }

  private patch(state: LeadState, changes: Partial<BoardColumn>): void {
    this.columns.update((cols) => cols.map((c) => (c.state === state ? { ...c, ...changes } : c)));
  }

  private replace(column: BoardColumn): void {
    this.columns.update((cols) => cols.map((c) => (c.state === column.state ? column : c)));
  }
}

/** The cards of a page that the column does not hold yet (a card moved meanwhile may come round again). */
function dedupe(loaded: readonly CardDto[], page: readonly CardDto[]): CardDto[] {
  if (!page.length) return [];
  const known = new Set<string | undefined>();
  for (const card of loaded) known.add(card.id);
  return page.filter((c) => !known.has(c.id));
}

function toColumn(state: LeadState, dto: BoardColumnDto | undefined): BoardColumn {
  return {
    state,
    count: dto?.count ?? 0,
    cards: dto?.cards ?? [],
    nextCursor: dto?.nextCursor ?? undefined,
    loadingMore: false,
  };
}
