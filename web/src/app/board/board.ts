import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { LiveAnnouncer } from '@angular/cdk/a11y';
import { CdkDropListGroup, DragDropRegistry } from '@angular/cdk/drag-drop';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { CardDto, LeadState, TransitionOptionDto } from '../api/l2r-api';
import { Clock } from '../core/clock';
import { stateLabel, triggerLabel } from '../core/labels';
import { BoardReload, LeadChange, LiveStatus, LiveStore } from '../core/live-store';
import { FieldControl, FormField } from '../core/form-field';
import { CriterionResult, problemLines, toProblem } from '../core/problem';
import { ApprovalBanner } from '../agreement/approval-banner';
import { DriftBanner } from '../metrics/drift-banner';
import { DriftStore } from '../metrics/drift-store';
import { MoveFlow } from '../moves/move-flow';
import { BoardColumnView, CardDrop, DropHint } from './board-column';
import { BoardStore } from './board-store';

export interface BoardNotice {
  kind: 'refused' | 'moved' | 'error';
  title: string;
  lines: string[];
  criteria: CriterionResult[];
}

/** The board both teams work: a column per stage, drag (or "Move to…") to fire the agreement's triggers. */
@Component({
  selector: 'app-board',
  imports: [
    ApprovalBanner,
    DriftBanner,
    CdkDropListGroup,
    BoardColumnView,
    FieldControl,
    FormField,
    MatButtonModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
  ],
  providers: [BoardStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="board-page">
      <app-approval-banner />
      <app-drift-banner />
      <form
        class="filters"
        role="search"
        aria-label="Filter the board"
        (submit)="$event.preventDefault()"
      >
        <app-form-field label="Owner" class="f-owner">
          <mat-select
            *appFieldControl
            [value]="store.filters().owner"
            (valueChange)="store.setFilters({ owner: $event })"
            data-testid="owner-filter"
          >
            <mat-option value="">Anyone</mat-option>
            <mat-option value="me">Mine</mat-option>
            @for (o of store.owners(); track o.id) {
              <mat-option [value]="o.id">{{ o.name }}</mat-option>
            }
          </mat-select>
        </app-form-field>
        <app-form-field label="Source">
          <input
            *appFieldControl
            matInput
            [value]="store.filters().source"
            (input)="typed('source', $event)"
            data-testid="source-filter"
          />
        </app-form-field>
        <app-form-field label="Campaign">
          <input
            *appFieldControl
            matInput
            [value]="store.filters().campaign"
            (input)="typed('campaign', $event)"
            data-testid="campaign-filter"
          />
        </app-form-field>
        <app-form-field label="Search name, email, company" class="f-text">
          <input
            *appFieldControl
            matInput
            type="search"
            [value]="store.filters().text"
            (input)="typed('text', $event)"
            data-testid="text-filter"
          />
        </app-form-field>
        <button mat-stroked-button type="button" (click)="store.load()" data-testid="refresh">
          Refresh
        </button>
        <span class="total muted" aria-live="polite">{{ store.total() }} leads</span>
        <span
          [class]="'live ' + live.status()"
          [title]="liveTitle[live.status()]"
          data-testid="live-status"
          [attr.data-status]="live.status()"
          >{{ liveLabel[live.status()] }}</span
        >
      </form>
      @if (bulkReload(); as message) {
        <div class="bulk-reload muted" data-testid="bulk-reload">{{ message }}</div>
      }

      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the board" />
      }
      @if (store.error(); as problem) {
        <div class="error-box" role="alert">{{ lines(problem).join('\\n') }}</div>
      }
      @if (notice(); as n) {
        <div class="notice" [class]="'notice ' + n.kind" role="alert" data-testid="notice">
          <div class="notice-head">
            <strong>{{ n.title }}</strong>
            <button
              mat-button
              type="button"
              (click)="notice.set(null)"
              aria-label="Dismiss message"
            >
              Dismiss
            </button>
          </div>
          @for (line of n.lines; track $index) {
            <div>{{ line }}</div>
          }
          @if (n.criteria.length) {
            <ul class="criteria" data-testid="unmet-criteria">
              @for (c of n.criteria; track c.id) {
                <li [class.pass]="c.passed" [class.fail]="!c.passed">
                  {{ c.passed ? '✓' : '✗' }} {{ c.description }}
                  @if (c.actual) {
                    <span class="muted"> — {{ c.actual }}</span>
                  }
                </li>
              }
            </ul>
          }
        </div>
      }

      <div class="columns" cdkDropListGroup>
        @for (column of store.columns(); track column.state) {
          <app-board-column
            [column]="column"
            [hint]="hintFor(column.state)"
            [busyId]="busyId()"
            [menuCardId]="menuCard()?.id ?? null"
            [menuOptions]="menuOptions()"
            [remoteChanges]="store.remoteChanges()"
            (drop)="onDrop($event)"
            (loadMore)="store.loadMore($event)"
            (pressed)="prefetch($event)"
            (dragStarted)="onDragStarted($event)"
            (dragEnded)="onDragEnded()"
            (menuOpened)="onMenuOpened($event)"
            (menuMove)="attempt($event.card, $event.option)"
          />
        } @empty {
          @if (!store.loading()) {
            <p class="empty">The board is empty.</p>
          }
        }
      </div>
    </div>
  `,
  styles: `
    :host {
      display: block;
      height: 100%;
      min-height: 420px;
    }
    .board-page {
      height: 100%;
      display: flex;
      flex-direction: column;
      padding: 12px 16px;
      box-sizing: border-box;
      gap: 8px;
    }
    app-approval-banner,
    app-drift-banner {
      flex: none;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      flex: none;
    }
    .filters app-form-field {
      width: 150px;
    }
    .filters .f-text {
      width: 240px;
    }
    .total {
      margin-left: auto;
    }
    .live {
      font-size: 12px;
      white-space: nowrap;
    }
    .live.connected {
      color: #2e7d32;
    }
    .live.reconnecting {
      color: #8a5a00;
    }
    .live.offline {
      color: #5f6b7a;
    }
    .bulk-reload {
      font-size: 13px;
    }
    .notice {
      border-radius: 8px;
      padding: 8px 12px;
      flex: none;
      max-height: 30vh;
      overflow: auto;
    }
    .notice.refused,
    .notice.error {
      background: #fdecea;
      border: 1px solid #f2b8b5;
    }
    .notice.moved {
      background: #e6f3e7;
      border: 1px solid #a5d6a7;
    }
    .notice-head {
      display: flex;
      justify-content: space-between;
      align-items: center;
    }
    .criteria {
      margin: 4px 0 0;
      padding-left: 18px;
    }
    .columns {
      flex: 1;
      min-height: 0;
      display: grid;
      grid-auto-flow: column;
      grid-auto-columns: minmax(230px, 1fr);
      grid-template-rows: minmax(0, 1fr);
      gap: 10px;
      overflow-x: auto;
      padding-bottom: 4px;
    }
  `,
})
export class Board implements OnInit {
  protected readonly store = inject(BoardStore);
  private readonly moves = inject(MoveFlow);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly drift = inject(DriftStore);
  protected readonly live = inject(LiveStore);
  private readonly clock = inject(Clock);
  private readonly dragRegistry = inject(DragDropRegistry);

  protected readonly liveLabel: Record<LiveStatus, string> = {
    connected: '● Live',
    reconnecting: 'Reconnecting…',
    offline: 'Offline',
  };
  protected readonly liveTitle: Record<LiveStatus, string> = {
    connected: "Others' changes appear here as they happen.",
    reconnecting: 'The live connection dropped; the board reloads once it is back.',
    offline: "Not receiving others' changes yet (it keeps trying); press Refresh to see them.",
  };

  protected readonly notice = signal<BoardNotice | null>(null);
  /** Why the board last reloaded on its own: a bulk write is not replayed card by card, so nothing is highlighted. */
  protected readonly bulkReload = signal<string | null>(null);
  protected readonly busyId = signal<string | null>(null);
  protected readonly dragging = signal<{
    card: CardDto;
    options: TransitionOptionDto[] | null;
  } | null>(null);
  protected readonly menuCard = signal<CardDto | null>(null);
  protected readonly menuOptions = signal<TransitionOptionDto[] | null>(null);

  private optionsRequest: { id: string; promise: Promise<TransitionOptionDto[]> } | null = null;
  /** A remote change to the card being dragged waits until that cancelled drag has finished, then applies. */
  private heldChange: LeadChange | null = null;
  /** The drag a remote change cancelled: the drop it still reports is not the user's. */
  private cancelledDragId: string | null = null;
  /** Reloads asked for during a drag: replacing the columns would remove the card from under the pointer. */
  private reloadsAfterDrag: (() => Promise<void>)[] = [];
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  /** Per target column: valid, blocked by criteria, or not a move at all, for the card being dragged. */
  private readonly hints = computed(() => {
    const drag = this.dragging();
    const hints = new Map<LeadState, DropHint>();
    if (!drag) return hints;
    hints.set(drag.card.state as LeadState, 'source');
    if (!drag.options) return hints;
    for (const column of this.store.columns()) {
      if (column.state === drag.card.state) continue;
      const options = drag.options.filter((o) => o.to === column.state && o.allowed);
      hints.set(
        column.state,
        !options.length ? 'none' : options.some((o) => o.criteriaMet) ? 'valid' : 'blocked',
      );
    }
    return hints;
  });

  constructor() {
    this.live.leadChanged.pipe(takeUntilDestroyed()).subscribe((c) => this.onLeadChanged(c));
    this.live.boardReload.pipe(takeUntilDestroyed()).subscribe((r) => {
      const message = bulkReloadMessage(r);
      this.bulkReload.set(message);
      this.announcer.announce(message, 'polite');
      this.reload(() => this.store.reloadColumns(r.states));
    });
    // Whatever was pushed while the connection was down is lost: the board reloads instead.
    this.live.resynced
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.reload(() => this.store.load()));
  }

  ngOnInit(): void {
    void this.store.load();
  }

  protected onDragEnded(): void {
    this.dragging.set(null);
    const held = this.heldChange;
    const reloads = this.reloadsAfterDrag;
    this.reloadsAfterDrag = [];
    if (!held && !reloads.length) return;
    // CDK reports the drop right after this: let it arrive (and be ignored) before the card goes where it is now.
    setTimeout(() => {
      this.heldChange = null;
      this.cancelledDragId = null;
      if (held) this.applyChange(held);
      for (const reload of reloads) void reload();
    });
  }

  private reload(run: () => Promise<void>): void {
    if (this.dragging()) this.reloadsAfterDrag.push(run);
    else void run();
  }

  protected hintFor(state: LeadState): DropHint {
    return this.hints().get(state) ?? null;
  }

  protected lines = problemLines;

  protected typed(field: 'source' | 'campaign' | 'text', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => void this.store.setFilters({ [field]: value }), 300);
  }

  protected prefetch(card: CardDto): void {
    this.optionsFor(card).catch(() => undefined);
  }

  protected async onDragStarted(card: CardDto): Promise<void> {
    this.dragging.set({ card, options: null });
    const options = await this.optionsFor(card).catch(() => null);
    if (this.dragging()?.card.id === card.id && options) {
      this.dragging.set({ card, options });
      const targets = options
        .filter((o) => o.allowed)
        .map((o) => `${stateLabel(o.to)}${o.criteriaMet ? '' : ' (criteria not met)'}`);
      this.announcer.announce(
        targets.length ? `Can move to ${targets.join(', ')}` : 'No moves available for you',
        'polite',
      );
    }
  }

  protected async onMenuOpened(card: CardDto): Promise<void> {
    this.menuCard.set(card);
    this.menuOptions.set(null);
    try {
      const options = await this.optionsFor(card);
      if (this.menuCard()?.id === card.id) this.menuOptions.set(options);
    } catch (e) {
      this.menuOptions.set([]);
      this.showProblem('Could not load the moves', e);
    }
  }

  protected async onDrop(drop: CardDrop): Promise<void> {
    this.dragging.set(null);
    if (drop.card.id === this.cancelledDragId) return;
    let options: TransitionOptionDto[];
    try {
      options = await this.optionsFor(drop.card);
    } catch (e) {
      this.showProblem('Could not load the moves', e);
      return;
    }
    const candidates = options.filter((o) => o.to === drop.to);
    const option =
      candidates.find((o) => o.allowed && o.criteriaMet) ??
      candidates.find((o) => o.allowed) ??
      candidates[0];
    if (!option) {
      this.refuse(
        `${stateLabel(drop.from)} → ${stateLabel(drop.to)} is not a move in the agreement.`,
        [],
      );
      return;
    }
    if (!option.allowed) {
      this.refuse(
        `Your role may not ${triggerLabel(option.trigger).toLowerCase()} (${stateLabel(drop.from)} → ${stateLabel(drop.to)}).`,
        [],
      );
      return;
    }
    await this.attempt(drop.card, option);
  }

  /** Fires one option for a card (asking for a reason when the agreement wants one), and explains a refusal. */
  protected async attempt(card: CardDto, option: TransitionOptionDto): Promise<void> {
    const outcome = await this.moves.move(option, card.name ?? '', (reason) => {
      this.busyId.set(card.id!);
      return this.store.move(card, option, reason);
    });
    if (!outcome) return;
    this.busyId.set(null);
    this.optionsRequest = null;
    if (outcome.ok) {
      const path =
        outcome.transitions.map((t) => stateLabel(t.to)).join(' → ') ||
        stateLabel(outcome.lead.state);
      const auto =
        outcome.transitions.length > 1 ? ' (the agreement advanced it automatically)' : '';
      this.notice.set({
        kind: 'moved',
        title: `${card.name} moved to ${path}${auto}.`,
        lines: [],
        criteria: [],
      });
      this.announcer.announce(`${card.name} moved to ${path}`, 'polite');
      // Accepts and rejects are what the drift alarms measure.
      if (option.trigger === 'Accept' || option.trigger === 'Reject') void this.drift.refresh();
      return;
    }
    const p = outcome.problem;
    if (p.status === 412 || p.status === 409)
      void this.store.refreshColumn(card.state as LeadState);
    const unmet = p.criteria.filter((c) => c.passed !== true);
    const title =
      p.status === 422
        ? `${triggerLabel(option.trigger)} refused for ${card.name}: the agreement's criteria are not met.`
        : p.status === 412
          ? `${card.name} changed since the board loaded; the column was refreshed. Try again.`
          : `${triggerLabel(option.trigger)} refused for ${card.name}.`;
    this.refuse(title, unmet.length ? unmet : p.criteria, p.status === 422 ? [] : problemLines(p));
  }

  private onLeadChanged(change: LeadChange): void {
    if (!this.store.isNews(change)) return;
    const drag = this.dragging();
    if (drag?.card.id === change.leadId) {
      this.cancelDrag(drag.card, change);
    } else if (this.heldChange?.leadId === change.leadId) {
      this.heldChange = change;
    } else {
      this.applyChange(change);
    }
  }

  private applyChange(change: LeadChange): void {
    this.store.applyChange(change);
    this.clock.hurry();
  }

  /**
   * Someone changed the lead being dragged: its move would be based on what the board showed before, so the drag
   * ends, the card goes back (then to where it is now) and no move is fired.
   */
  private cancelDrag(card: CardDto, change: LeadChange): void {
    this.heldChange = change;
    this.cancelledDragId = card.id;
    this.dragging.set(null);
    const title = changedWhileDragging(card, change);
    this.notice.set({ kind: 'refused', title, lines: [], criteria: [] });
    this.announcer.announce(title, 'assertive');
    // CDK has no public cancel: a pointer-up ends the drag and animates the card back to its place.
    this.dragRegistry.pointerUp.next(new MouseEvent('mouseup'));
  }

  private refuse(title: string, criteria: CriterionResult[], lines: string[] = []): void {
    this.notice.set({ kind: 'refused', title, lines, criteria });
    const spoken = criteria
      .filter((c) => !c.passed)
      .map((c) => c.description)
      .join('; ');
    this.announcer.announce(`${title} ${spoken}`, 'assertive');
  }

  private showProblem(title: string, error: unknown): void {
    this.notice.set({ kind: 'error', title, lines: problemLines(toProblem(error)), criteria: [] });
  }

  /** One transitions request per card at a time, shared by drag start, drop and the menu. */
  private optionsFor(card: CardDto): Promise<TransitionOptionDto[]> {
    if (this.optionsRequest?.id !== card.id) {
      const promise = this.store.options(card);
      this.optionsRequest = { id: card.id!, promise };
      promise.catch(() => (this.optionsRequest = null));
    }
    return this.optionsRequest!.promise;
  }
}

/** "Sam Rep moved Ada Lovelace to SQL while you were dragging it." */
function changedWhileDragging(card: CardDto, change: LeadChange): string {
  const who = change.actorName ?? 'Someone';
  const what =
    change.kind === 'moved' && change.card
      ? `moved ${card.name} to ${stateLabel(change.card.state)}`
      : change.kind === 'merged'
        ? `merged ${card.name} into another lead`
        : change.kind === 'deleted'
          ? `deleted ${card.name}`
          : `changed ${card.name}`;
  return `${who} ${what} while you were dragging it.`;
}

const BULK_WRITES: Record<BoardReload['reason'], string> = {
  import: 'an import',
  activation: 'a new agreement version',
  bulk: 'a bulk change',
};

function bulkReloadMessage(reload: BoardReload): string {
  const by = reload.reason === 'bulk' && reload.actorName ? ` by ${reload.actorName}` : '';
  const at = reload.at
    ? ` at ${new Date(reload.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`
    : '';
  return `Reloaded after ${BULK_WRITES[reload.reason]}${by}${at} changed many leads.`;
}
