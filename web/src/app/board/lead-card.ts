import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatMenuModule } from '@angular/material/menu';
import { CardDto, TransitionOptionDto } from '../api/l2r-api';
import { Clock } from '../core/clock';
import { age, stateLabel, triggerLabel } from '../core/labels';
import { SlaCountdown } from '../followup/sla-countdown';
import { slaView } from '../followup/sla';
import { LeadChangeKind } from '../core/live-store';
import { RemoteChange } from './board-store';

/** A stored score older than this is labelled with its age; the sweep refreshes every lead at least daily. */
const STALE_SCORE_MS = 24 * 3600_000;
/** How long a card glows after someone else changed it, and how long it says who did. */
const FLASH_MS = 2_500;
const REMOTE_LINE_MS = 15 * 60_000;

const REMOTE_VERBS: Record<LeadChangeKind, string> = {
  created: 'created',
  moved: 'moved',
  edited: 'edited',
  assigned: 'assigned',
  sla: 'SLA updated',
  merged: 'merged',
  deleted: 'deleted',
};

/** "2 s ago", "5 min ago": a live change is recent by definition. */
function secondsAgo(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  return seconds < 60 ? `${seconds} s ago` : `${Math.floor(seconds / 60)} min ago`;
}

/** One lead on the board. The "Move to…" menu is the keyboard and screen-reader alternative to dragging. */
@Component({
  selector: 'app-lead-card',
  imports: [RouterLink, MatMenuModule, SlaCountdown],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article
      class="card"
      [class.busy]="busy()"
      [class.flash]="flash()"
      [attr.aria-label]="ariaLabel()"
      [attr.aria-busy]="busy()"
      data-testid="card"
      [attr.data-lead-id]="card().id"
    >
      <div class="top">
        <a class="name" [routerLink]="['/leads', card().id]" [title]="card().name">{{
          card().name
        }}</a>
        <span
          class="score"
          [title]="
            'Total score ' +
            (card().totalScore ?? 0) +
            ': fit ' +
            (card().fitScore ?? 0) +
            ' + engagement ' +
            (card().engagementScore ?? 0)
          "
        >
          {{ card().totalScore ?? 0 }}
          <small>{{ card().fitScore ?? 0 }}/{{ card().engagementScore ?? 0 }}</small>
        </span>
      </div>
      <div class="second">
        <span class="company">{{ card().company || '—' }}</span>
        @if (remoteLine(); as line) {
          <span class="remote" data-testid="remote-change">{{ line }}</span>
        } @else if (scoreAsOf(); as a) {
          <span class="as-of" [title]="a.title" data-testid="score-as-of">{{ a.text }}</span>
        }
      </div>
      <div class="meta">
        <span class="owner" [class.unowned]="!card().ownerName">{{
          card().ownerName || 'Unassigned'
        }}</span>
        @if (card().source) {
          <span class="source" [title]="'Campaign: ' + (card().campaign || 'none')">{{
            card().source
          }}</span>
        }
        @if (card().sla; as s) {
          <app-sla-countdown [sla]="s" />
        } @else {
          <span
            class="age"
            [title]="'In ' + stateLabel(card().state) + ' since ' + card().stageEnteredAt"
            >{{ age(card().stageEnteredAt) }}</span
          >
        }
        <button
          class="move"
          type="button"
          [matMenuTriggerFor]="menu"
          (menuOpened)="menuOpened.emit()"
          [attr.aria-label]="'Move ' + card().name + ' to…'"
          data-testid="move-menu"
        >
          Move…
        </button>
      </div>
    </article>
    <mat-menu #menu="matMenu">
      <!-- Lazy: the items (and their focus monitoring) exist only while this card's menu is open. -->
      <ng-template matMenuContent>
        @if (options() === null) {
          <button mat-menu-item disabled>Loading moves…</button>
        } @else {
          @for (o of options(); track o.trigger) {
            <button
              mat-menu-item
              [disabled]="!o.allowed"
              (click)="move.emit(o)"
              [attr.data-trigger]="o.trigger"
              [title]="explain(o)"
            >
              <span>{{ triggerLabel(o.trigger) }} → {{ stateLabel(o.to) }}</span>
              @if (!o.allowed) {
                <small class="why"> · not your role</small>
              } @else if (!o.criteriaMet) {
                <small class="why"> · criteria not met</small>
              }
            </button>
          } @empty {
            <button mat-menu-item disabled>No moves from {{ stateLabel(card().state) }}</button>
          }
        }
      </ng-template>
    </mat-menu>
  `,
  styles: `
    :host {
      display: block;
      contain: layout style;
    }
    .card {
      box-sizing: border-box;
      height: 80px;
      background: #fff;
      border: 1px solid #d5dbe3;
      border-radius: 8px;
      padding: 8px 10px 4px;
      display: flex;
      flex-direction: column;
      gap: 2px;
      cursor: grab;
      box-shadow: 0 1px 2px rgba(0, 0, 0, 0.05);
      overflow: hidden;
    }
    .card.busy {
      opacity: 0.55;
    }
    .card.flash {
      animation: remote-flash ${FLASH_MS}ms ease-out;
    }
    @keyframes remote-flash {
      from {
        background: #fff3c4;
        border-color: #f0b400;
      }
      to {
        background: #fff;
        border-color: #d5dbe3;
      }
    }
    .top {
      display: flex;
      justify-content: space-between;
      gap: 6px;
      align-items: baseline;
    }
    .name {
      font-weight: 600;
      color: #14324f;
      text-decoration: none;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .name:hover,
    .name:focus {
      text-decoration: underline;
    }
    .score {
      font-weight: 700;
      color: #1f3a5f;
      white-space: nowrap;
    }
    .score small {
      font-weight: 400;
      color: #5f6b7a;
      margin-left: 2px;
    }
    .second {
      display: flex;
      gap: 6px;
      align-items: baseline;
      min-width: 0;
    }
    .company {
      font-size: 13px;
      color: #3d4754;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      flex: 1 1 auto;
      min-width: 0;
    }
    .remote {
      flex: none;
      font-size: 11px;
      color: #1f5f8b;
      white-space: nowrap;
    }
    .as-of {
      flex: none;
      font-size: 11px;
      color: #8a5a00;
      white-space: nowrap;
    }
    .meta {
      display: flex;
      gap: 6px;
      align-items: center;
      font-size: 12px;
      color: #5f6b7a;
      min-width: 0;
    }
    .owner {
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      min-width: 0;
      flex: 1 1 auto;
    }
    .unowned {
      font-style: italic;
    }
    .source {
      background: #eef2f7;
      border-radius: 4px;
      padding: 0 4px;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      flex: 0 1 auto;
      min-width: 0;
    }
    .age {
      white-space: nowrap;
    }
    .move {
      margin-left: auto;
      flex: none;
      border: 1px solid #c3ccd8;
      background: #f7f9fb;
      color: #1f3a5f;
      border-radius: 4px;
      padding: 1px 6px;
      font: inherit;
      font-size: 12px;
      cursor: pointer;
    }
    .move:hover,
    .move:focus-visible {
      background: #e3eaf3;
    }
    .why {
      color: #8a5a00;
    }
  `,
})
export class LeadCard {
  readonly card = input.required<CardDto>();
  /** null while loading; filled when the menu opens. */
  readonly options = input<TransitionOptionDto[] | null>(null);
  readonly busy = input(false);
  /** What someone else last did to this lead while the board was open. */
  readonly remote = input<RemoteChange | null>(null);
  readonly menuOpened = output<void>();
  readonly move = output<TransitionOptionDto>();

  protected readonly stateLabel = stateLabel;
  protected readonly triggerLabel = triggerLabel;
  protected readonly age = (since: string | undefined) => age(since, this.now());
  /** The shared clock: time in stage and the SLA countdown move while the board stays open. */
  private readonly now = inject(Clock).now;

  /**
   * The card shows the board's stored score (what it sorts by), not the score as of now that the lead page shows.
   * The server refreshes it on every write and in its daily sweep; past a day old, the card says how old it is.
   */
  protected readonly scoreAsOf = computed(() => {
    const at = this.card().scoredAt;
    if (!at || this.now() - new Date(at).getTime() <= STALE_SCORE_MS) return null;
    const ago = age(at, this.now());
    return {
      text: `score as of ${ago} ago`,
      title:
        `Stored score, computed ${ago} ago (${new Date(at).toLocaleString()}). The board keeps each lead's score ` +
        'to sort by and refreshes it whenever the lead is written and in the daily sweep; engagement may have ' +
        "decayed since. The lead's page shows its score as of now.",
    };
  });

  /** "moved by Sam Rep, 2 s ago", until it is a quarter of an hour old. */
  protected readonly remoteLine = computed(() => {
    const r = this.remote();
    const ms = r ? this.now() - r.receivedAt : Infinity;
    if (!r || ms > REMOTE_LINE_MS) return null;
    return `${REMOTE_VERBS[r.kind]}${r.actorName ? ` by ${r.actorName}` : ''}, ${secondsAgo(ms)}`;
  });
  protected readonly flash = computed(() => {
    const r = this.remote();
    return !!r && this.now() - r.receivedAt < FLASH_MS;
  });

  protected readonly ariaLabel = computed(() => {
    const c = this.card();
    const sla = c.sla ? slaView(c.sla, this.now()) : null;
    const asOf = this.scoreAsOf();
    return `${c.name}, ${c.company || 'no company'}, score ${c.totalScore ?? 0}${asOf ? ` (${asOf.text})` : ''}, ${c.ownerName ? 'owner ' + c.ownerName : 'unassigned'}, in ${stateLabel(c.state)} for ${this.age(c.stageEnteredAt)}${sla ? `, SLA ${sla.text}` : ''}${this.remoteLine() ? `, ${this.remoteLine()}` : ''}`;
  });

  protected explain(o: TransitionOptionDto): string {
    if (!o.allowed) return 'Your role may not make this move.';
    const unmet = (o.criteria ?? []).filter((c) => !c.passed);
    return unmet.length
      ? 'Not met: ' + unmet.map((c) => c.description).join('; ')
      : 'All criteria met.';
  }
}
