import { Injectable, computed, inject, signal } from '@angular/core';
import { Params } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import {
  AgreementClient,
  BulkResultDto,
  CreateLeadCommand,
  LeadDto,
  LeadSortField,
  LeadState,
  LeadSummaryDto,
  LeadTrigger,
  LeadsClient,
  Reason,
  ReasonLists,
  SortOrder,
  UserDto,
  UsersClient,
} from '../api/l2r-api';
import { REASON_LIST_OF } from '../agreement/criteria';
import { AuthStore } from '../core/auth-store';
import { saveFile } from '../core/download';
import { STATE_ORDER } from '../core/labels';
import { Problem, toProblem } from '../core/problem';
import { MoveReason } from '../moves/move-flow';

export interface LeadListFilters {
  stages: LeadState[];
  /** '' = anyone, 'me', 'none' (unassigned) or a user id. */
  owner: string;
  source: string;
  campaign: string;
  text: string;
  minScore: number | null;
  maxScore: number | null;
  /** Calendar days (yyyy-mm-dd), both ends included. */
  createdFrom: string;
  createdTo: string;
  updatedFrom: string;
  updatedTo: string;
}

export interface LeadListSort {
  field: LeadSortField | null;
  order: SortOrder | null;
}

export const EMPTY_LIST_FILTERS: LeadListFilters = {
  stages: [],
  owner: '',
  source: '',
  campaign: '',
  text: '',
  minScore: null,
  maxScore: null,
  createdFrom: '',
  createdTo: '',
  updatedFrom: '',
  updatedTo: '',
};

export const LIST_PAGE_SIZE = 50;

export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** A bulk action's answer, with the name of each lead as the list showed it. */
export interface BulkReport {
  action: string;
  result: BulkResultDto;
  names: Record<string, string>;
}

const TEXT_KEYS = ['owner', 'source', 'campaign', 'text'] as const;
const DAY_KEYS = ['createdFrom', 'createdTo', 'updatedFrom', 'updatedTo'] as const;
const blank = (v: string) => (v.trim() ? v.trim() : undefined);
const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The API's "…To" is exclusive; the user picks the last day to include, so the bound is the next day's start. */
function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The leads list: filters and sort (read from the URL, which the page keeps as the one source of them), keyset paging with a stack of the cursors that led to the
 * current page (the API only hands out the next one), a selection, bulk actions with a result per lead, new leads and
 * the CSV export of the current filter.
 */
@Injectable()
export class LeadsListStore {
  private readonly leads = inject(LeadsClient);
  private readonly agreement = inject(AgreementClient);
  private readonly usersClient = inject(UsersClient);
  private readonly auth = inject(AuthStore);

  readonly filters = signal<LeadListFilters>(EMPTY_LIST_FILTERS);
  readonly sort = signal<LeadListSort>({ field: null, order: null });
  readonly items = signal<LeadSummaryDto[]>([]);
  readonly total = signal(0);
  readonly loading = signal(false);
  readonly error = signal<Problem | null>(null);
  readonly selected = signal<ReadonlySet<string>>(new Set());
  readonly bulkReport = signal<BulkReport | null>(null);
  readonly busy = signal(false);
  /** Cursors of the pages before the current one; the first page has none. */
  private readonly cursors = signal<(string | undefined)[]>([]);
  private readonly current = signal<string | undefined>(undefined);
  readonly nextCursor = signal<string | undefined>(undefined);
  readonly pageNumber = computed(() => this.cursors().length + 1);
  readonly hasPrevious = computed(() => this.cursors().length > 0);
  readonly pageCount = computed(() => Math.max(1, Math.ceil(this.total() / LIST_PAGE_SIZE)));

  /** Users to assign: the whole tenant for admins (the user list is theirs), else the owners the list has shown. */
  private readonly users = signal<UserDto[]>([]);
  private readonly seenOwners = signal<ReadonlyMap<string, string>>(new Map());
  readonly owners = computed(() => {
    const all = new Map(this.seenOwners());
    for (const u of this.users()) if (u.isActive !== false) all.set(u.id, u.displayName || u.email);
    return [...all]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });

  readonly selectedIds = computed(() => [...this.selected()]);
  readonly allOnPageSelected = computed(
    () => this.items().length > 0 && this.items().every((l) => this.selected().has(l.id)),
  );

  private loadToken = 0;
  /** Names of every lead listed so far: a selection may span pages, and the bulk report names each lead. */
  private readonly names = new Map<string, string>();
  private reasons: Promise<ReasonLists | undefined> | null = null;

  /** Replaces filters and sort from the URL's query string and loads the first page. */
  applyQuery(params: Params): Promise<void> {
    const filters: LeadListFilters = { ...EMPTY_LIST_FILTERS };
    const stages = ([] as string[]).concat(params['stage'] ?? []);
    filters.stages = STATE_ORDER.filter((s) => stages.includes(s));
    for (const key of TEXT_KEYS) filters[key] = typeof params[key] === 'string' ? params[key] : '';
    for (const key of DAY_KEYS) filters[key] = isDay(params[key]) ? params[key] : '';
    filters.minScore = toNumber(params['minScore']);
    filters.maxScore = toNumber(params['maxScore']);
    this.filters.set(filters);
    const order = params['order'] === 'Desc' || params['order'] === 'Asc' ? params['order'] : null;
    this.sort.set({ field: (params['sort'] as LeadSortField) || null, order });
    return this.load();
  }

  /** The query string for these filters (by default the current ones) changed by `changes`. */
  queryWith(changes: Partial<LeadListFilters>): Params {
    return toQuery({ ...this.filters(), ...changes }, this.sort());
  }

  /** The query string after a click on a column header: ascending first, then descending, on the same column. */
  queryForSort(field: LeadSortField): Params {
    const s = this.sort();
    const order: SortOrder = s.field === field && (s.order ?? 'Asc') === 'Asc' ? 'Desc' : 'Asc';
    return toQuery(this.filters(), { field, order });
  }

  /** The first page for the current filters and sort. */
  load(): Promise<void> {
    this.cursors.set([]);
    return this.fetch(undefined);
  }

  async nextPage(): Promise<void> {
    const next = this.nextCursor();
    if (!next) return;
    this.cursors.update((c) => [...c, this.current()]);
    await this.fetch(next);
  }

  async previousPage(): Promise<void> {
    const stack = this.cursors();
    if (!stack.length) return;
    this.cursors.set(stack.slice(0, -1));
    await this.fetch(stack[stack.length - 1]);
  }

  private async fetch(cursor: string | undefined): Promise<void> {
    const token = ++this.loadToken;
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await firstValueFrom(
        this.leads.listLeads(...this.apiArgs(), undefined, LIST_PAGE_SIZE, cursor),
      );
      if (token !== this.loadToken) return; // a newer filter, sort or page won
      this.current.set(cursor);
      this.items.set(page.items ?? []);
      this.total.set(page.total ?? 0);
      this.nextCursor.set(page.nextCursor ?? undefined);
      for (const l of page.items ?? []) this.names.set(l.id, l.name);
      this.noteOwners(page.items ?? []);
    } catch (e) {
      if (token === this.loadToken) this.error.set(toProblem(e));
    } finally {
      if (token === this.loadToken) this.loading.set(false);
    }
  }

  /** Filters and sort in the order listLeads and exportLeads take them. */
  private apiArgs() {
    const f = this.filters();
    const s = this.sort();
    return [
      f.stages.length ? f.stages : undefined,
      blank(f.owner),
      blank(f.source),
      blank(f.campaign),
      blank(f.text),
      f.minScore ?? undefined,
      f.maxScore ?? undefined,
      f.createdFrom || undefined,
      f.createdTo ? dayAfter(f.createdTo) : undefined,
      f.updatedFrom || undefined,
      f.updatedTo ? dayAfter(f.updatedTo) : undefined,
      s.field ?? undefined,
      s.order ?? undefined,
    ] as const;
  }

  /** Downloads every lead the current filter matches, in the list's order, as CSV. */
  async exportCsv(): Promise<Outcome<string>> {
    try {
      const file = await firstValueFrom(this.leads.exportLeads(...this.apiArgs()));
      return { ok: true, value: saveFile(file, 'leads.csv') };
    } catch (e) {
      return { ok: false, problem: toProblem(e) };
    }
  }

  /** Loads the tenant's users for an admin, who may assign anyone; others choose among owners already seen. */
  async loadUsers(): Promise<void> {
    if (!this.auth.isAdmin() || this.users().length) return;
    try {
      this.users.set(await firstValueFrom(this.usersClient.listUsers()));
    } catch {
      // Owners seen on the list remain to choose from.
    }
  }

  toggle(id: string, on: boolean): void {
    this.selected.update((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  togglePage(on: boolean): void {
    this.selected.update((s) => {
      const next = new Set(s);
      for (const l of this.items()) {
        if (on) next.add(l.id);
        else next.delete(l.id);
      }
      return next;
    });
  }

  clearSelection(): void {
    this.selected.set(new Set());
  }

  /** Assigns the selection to one user (or nobody, with null). */
  assignOwner(ownerId: string | null, ownerName: string): Promise<Outcome<BulkResultDto>> {
    return this.bulk(`Assign to ${ownerName}`, (leadIds) =>
      this.leads.bulkAssignOwner({ leadIds, ownerId: ownerId ?? undefined }),
    );
  }

  fireTrigger(
    trigger: LeadTrigger,
    reason: MoveReason,
    label: string,
  ): Promise<Outcome<BulkResultDto>> {
    return this.bulk(label, (leadIds) =>
      this.leads.bulkFireTrigger({
        leadIds,
        trigger,
        reasonCode: reason.reasonCode || undefined,
        note: reason.note || undefined,
      }),
    );
  }

  setCampaign(campaign: string): Promise<Outcome<BulkResultDto>> {
    const label = campaign.trim() ? `Set campaign "${campaign.trim()}"` : 'Clear campaign';
    return this.bulk(label, (leadIds) =>
      this.leads.bulkSetCampaign({ leadIds, campaign: campaign.trim() }),
    );
  }

  /** The agreement's reasons for a trigger that asks for one; none for the others. */
  async reasonsFor(trigger: LeadTrigger): Promise<Reason[] | null> {
    const list = REASON_LIST_OF[trigger];
    if (!list) return null;
    this.reasons ??= firstValueFrom(this.agreement.getActiveAgreement())
      .then((v) => v.agreement?.reasons)
      .catch(() => {
        this.reasons = null; // try again next time
        return undefined;
      });
    return (await this.reasons)?.[list] ?? [];
  }

  private async bulk(
    action: string,
    call: (ids: string[]) => ReturnType<LeadsClient['bulkAssignOwner']>,
  ): Promise<Outcome<BulkResultDto>> {
    const ids = this.selectedIds();
    if (!ids.length) return { ok: false, problem: toProblem({ title: 'Select leads first.' }) };
    const names = Object.fromEntries(ids.map((id) => [id, this.names.get(id) ?? id]));
    this.busy.set(true);
    try {
      const result = await firstValueFrom(call(ids));
      this.bulkReport.set({ action, result, names });
      await this.fetch(this.current());
      return { ok: true, value: result };
    } catch (e) {
      return { ok: false, problem: toProblem(e) };
    } finally {
      this.busy.set(false);
    }
  }

  async create(lead: CreateLeadCommand): Promise<Outcome<LeadDto>> {
    this.busy.set(true);
    try {
      // A key per submission: a retried request (a lost answer, a double click) creates the lead once.
      const result = await firstValueFrom(this.leads.createLead(lead, crypto.randomUUID()));
      void this.load();
      return { ok: true, value: result.lead };
    } catch (e) {
      return { ok: false, problem: toProblem(e) };
    } finally {
      this.busy.set(false);
    }
  }

  private noteOwners(items: readonly LeadSummaryDto[]): void {
    const seen = this.seenOwners();
    const fresh = items.filter(
      (l) => l.ownerId && seen.get(l.ownerId) !== (l.ownerName || 'Unnamed'),
    );
    if (!fresh.length) return;
    const next = new Map(seen);
    for (const l of fresh) next.set(l.ownerId!, l.ownerName || 'Unnamed');
    this.seenOwners.set(next);
  }
}

/** Filters and sort as a query string, empty values left out so links stay short. */
function toQuery(f: LeadListFilters, s: LeadListSort): Params {
  const q: Params = {};
  if (f.stages.length) q['stage'] = f.stages;
  for (const key of [...TEXT_KEYS, ...DAY_KEYS]) if (f[key].trim()) q[key] = f[key].trim();
  if (f.minScore !== null) q['minScore'] = f.minScore;
  if (f.maxScore !== null) q['maxScore'] = f.maxScore;
  if (s.field) q['sort'] = s.field;
  if (s.order) q['order'] = s.order;
  return q;
}

function toNumber(value: unknown): number | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
