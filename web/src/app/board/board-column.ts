import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  computed,
  effect,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { CdkDrag, CdkDragPlaceholder, CdkDropList, CdkDragDrop } from '@angular/cdk/drag-drop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { CardDto, LeadState, TransitionOptionDto } from '../api/l2r-api';
import { stateLabel } from '../core/labels';
import { BoardColumn, RemoteChange } from './board-store';
import { LeadCard } from './lead-card';

/** Height of a card plus the gap below it; the window arithmetic depends on every card having it. */
export const CARD_PITCH = 88;
/** Cards rendered beyond the visible ones, above and below. */
export const OVERSCAN = 6;

/** 'valid': the user may make this move and its criteria hold now; 'blocked': allowed but criteria unmet. */
export type DropHint = 'valid' | 'blocked' | 'none' | 'source' | null;

export interface CardDrop {
  card: CardDto;
  from: LeadState;
  to: LeadState;
}

/**
 * A stage column. It holds every card paged in so far but renders only the window that is in view
 * (spacers stand in for the rest), because CDK drag-drop cannot be combined with virtual scrolling.
 */
@Component({
  selector: 'app-board-column',
  imports: [CdkDropList, CdkDrag, CdkDragPlaceholder, LeadCard, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:resize)': 'onResize()' },
  template: `
    <section
      class="column"
      [class.valid]="hint() === 'valid'"
      [class.blocked]="hint() === 'blocked'"
      [class.dim]="hint() === 'none'"
      [attr.aria-labelledby]="'col-' + column().state"
      [attr.data-state]="column().state"
      data-testid="column"
    >
      <header class="head">
        <h2 [id]="'col-' + column().state">{{ label() }}</h2>
        <span class="count" data-testid="count" [attr.aria-label]="column().count + ' leads'">{{
          column().count
        }}</span>
        @if (hint() === 'valid') {
          <span class="hint ok">drop to move</span>
        } @else if (hint() === 'blocked') {
          <span class="hint warn">criteria unmet</span>
        }
      </header>
      <div
        #scroller
        class="body"
        cdkDropList
        cdkDropListSortingDisabled
        [cdkDropListData]="column().state"
        (cdkDropListDropped)="dropped($event)"
        (scroll)="onScroll()"
        role="list"
        [attr.aria-label]="label() + ' leads'"
      >
        <div class="spacer" [style.height.px]="topSpace()" aria-hidden="true"></div>
        @for (card of windowed(); track card.id) {
          <div
            class="slot"
            role="listitem"
            cdkDrag
            [cdkDragData]="card"
            [cdkDragDisabled]="busyId() === card.id"
            (pointerdown)="pressed.emit(card)"
            (cdkDragStarted)="dragStarted.emit(card)"
            (cdkDragEnded)="dragEnded.emit()"
          >
            <app-lead-card
              [card]="card"
              [busy]="busyId() === card.id"
              [remote]="remoteChanges().get(card.id) ?? null"
              [options]="menuCardId() === card.id ? menuOptions() : null"
              (menuOpened)="menuOpened.emit(card)"
              (move)="menuMove.emit({ card, option: $event })"
            />
            <div class="drop-placeholder" *cdkDragPlaceholder></div>
          </div>
        } @empty {
          @if (!column().cards.length) {
            <p class="empty">No leads here</p>
          }
        }
        <div class="spacer" [style.height.px]="bottomSpace()" aria-hidden="true"></div>
        @if (column().loadingMore) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading more leads" />
        }
      </div>
    </section>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
      min-height: 0;
      height: 100%;
    }
    .column {
      height: 100%;
      contain: layout paint style;
      display: flex;
      flex-direction: column;
      background: #e9edf2;
      border-radius: 10px;
      border: 2px solid transparent;
      box-sizing: border-box;
      transition:
        border-color 0.15s,
        opacity 0.15s;
    }
    .column.valid {
      border-color: #2e7d32;
      background: #e6f3e7;
    }
    .column.blocked {
      border-color: #c58a00;
      border-style: dashed;
      background: #fbf3e0;
    }
    .column.dim {
      opacity: 0.55;
    }
    .head {
      display: flex;
      align-items: center;
      gap: 6px;
      padding: 8px 10px 6px;
      flex: none;
    }
    .head h2 {
      font-size: 14px;
      margin: 0;
      font-weight: 600;
    }
    .count {
      background: #fff;
      border-radius: 10px;
      padding: 0 8px;
      font-size: 12px;
      font-weight: 600;
    }
    .hint {
      font-size: 11px;
      margin-left: auto;
    }
    .hint.ok {
      color: #2e7d32;
    }
    .hint.warn {
      color: #8a5a00;
    }
    .body {
      flex: 1;
      min-height: 80px;
      overflow-y: auto;
      padding: 0 8px 8px;
      /* Its size comes from the column, never from the cards: keep their layout and paint inside it. */
      contain: strict;
    }
    .slot {
      height: ${CARD_PITCH}px;
      box-sizing: border-box;
      padding-bottom: 8px;
      contain: layout style;
    }
    .drop-placeholder {
      height: 72px;
      border: 2px dashed #8aa0b8;
      border-radius: 8px;
      background: rgba(255, 255, 255, 0.5);
    }
    .empty {
      padding: 8px 2px;
    }
    .cdk-drag-preview {
      box-shadow: 0 6px 18px rgba(0, 0, 0, 0.25);
    }
  `,
})
export class BoardColumnView {
  readonly column = input.required<BoardColumn>();
  readonly hint = input<DropHint>(null);
  readonly busyId = input<string | null>(null);
  readonly menuCardId = input<string | null>(null);
  readonly menuOptions = input<TransitionOptionDto[] | null>(null);
  /** Others' latest change per lead, for the highlight and "moved by …" line. */
  readonly remoteChanges = input<ReadonlyMap<string, RemoteChange>>(new Map());

  readonly drop = output<CardDrop>();
  readonly loadMore = output<LeadState>();
  /** A pointer went down on a card: a drag may follow, so its moves can be fetched early. */
  readonly pressed = output<CardDto>();
  readonly dragStarted = output<CardDto>();
  readonly dragEnded = output<void>();
  readonly menuOpened = output<CardDto>();
  readonly menuMove = output<{ card: CardDto; option: TransitionOptionDto }>();

  private readonly scroller = viewChild.required<ElementRef<HTMLElement>>('scroller');
  /** Index of the first card in view; it only changes once per card pitch scrolled, not per scroll event. */
  private readonly firstVisible = signal(0);
  private readonly viewport = signal(800);

  protected readonly label = computed(() => stateLabel(this.column().state));
  private readonly range = computed(
    () => {
      const total = this.column().cards.length;
      const first = Math.max(0, this.firstVisible() - OVERSCAN);
      const visible = Math.ceil(this.viewport() / CARD_PITCH) + 2 * OVERSCAN;
      return { start: Math.min(first, total), end: Math.min(total, first + visible) };
    },
    { equal: (a, b) => a.start === b.start && a.end === b.end },
  );
  protected readonly windowed = computed(() => {
    const { start, end } = this.range();
    return this.column().cards.slice(start, end);
  });
  protected readonly topSpace = computed(() => this.range().start * CARD_PITCH);
  protected readonly bottomSpace = computed(
    () => (this.column().cards.length - this.range().end) * CARD_PITCH,
  );

  constructor() {
    afterNextRender(() => this.onResize());
    // Page in more when the rendered window reaches the end of what is loaded (also covers tall screens).
    effect(() => {
      const column = this.column();
      if (
        column.nextCursor &&
        !column.loadingMore &&
        this.range().end >= column.cards.length - OVERSCAN
      ) {
        queueMicrotask(() => this.loadMore.emit(column.state));
      }
    });
  }

  /**
   * Chromium already dispatches scroll events once per frame, just before it draws; deferring to another animation
   * frame would only push the window's update (the zoneless change detection) a frame later. So read the position
   * (scrollTop only, no size) and let the signal's equality skip frames that stay on the same card.
   */
  protected onScroll(): void {
    this.readScroll();
  }

  /** The viewport's height only changes with the window, so layout is read for it here, not on every scroll. */
  protected onResize(): void {
    this.viewport.set(this.scroller().nativeElement.clientHeight || 800);
    this.readScroll();
  }

  private readScroll(): void {
    this.firstVisible.set(Math.floor(this.scroller().nativeElement.scrollTop / CARD_PITCH));
  }

  protected dropped(event: CdkDragDrop<LeadState, LeadState, CardDto>): void {
    if (event.previousContainer === event.container) return;
    this.drop.emit({
      card: event.item.data,
      from: event.previousContainer.data,
      to: event.container.data,
    });
  }
}
