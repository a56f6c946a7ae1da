import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { SlaClockDto, SlaSummaryDto } from '../api/l2r-api';
import { activityLabel, stateLabel, triggerLabel } from '../core/labels';
import { SlaCountdown } from '../followup/sla-countdown';
import { LeadStore } from './lead-store';

const STATUS_LABELS: Record<string, string> = {
  Running: 'Running',
  Paused: 'Paused',
  Met: 'Met',
  Ended: 'Ended unmet',
};

/** The lead's SLA clocks: what each promised, when it warns and falls due, and how it stopped, paused or broke. */
@Component({
  selector: 'app-lead-sla',
  imports: [DatePipe, SlaCountdown],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" aria-labelledby="sla-title" data-testid="lead-sla">
      <h2 id="sla-title">Follow-up clocks</h2>
      @for (c of store.slaClocks(); track c.id) {
        <article class="clock" data-testid="sla-clock" [attr.data-status]="c.status">
          <header>
            <strong>{{ c.termName || c.termId }}</strong>
            <span class="status" [class]="c.status" data-testid="sla-status">{{
              statusLabel(c.status)
            }}</span>
            @if (c.status === 'Running' || c.status === 'Paused') {
              <app-sla-countdown [sla]="summary(c)" />
            }
          </header>
          <dl>
            <dt>Target</dt>
            <dd>
              {{ c.targetHours }} h
              {{ c.basis === 'CalendarHours' ? 'calendar hours' : 'business hours' }}, warning at
              {{ c.warningPercent }}% · agreement v{{ c.agreementVersion }}
            </dd>
            <dt>Started</dt>
            <dd>{{ c.startedAt | date: 'medium' }}</dd>
            @if (c.warnAt) {
              <dt>Warns</dt>
              <dd>{{ c.warnAt | date: 'medium' }}</dd>
            }
            @if (c.dueAt) {
              <dt>Due</dt>
              <dd data-testid="sla-due">{{ c.dueAt | date: 'medium' }}</dd>
            }
            @if (c.warnedAt) {
              <dt>Warned</dt>
              <dd>{{ c.warnedAt | date: 'medium' }}</dd>
            }
            @if (c.breachedAt) {
              <dt>Breached</dt>
              <dd class="breach">{{ c.breachedAt | date: 'medium' }}</dd>
            }
            @if (c.stoppedAt) {
              <dt>{{ c.status === 'Met' ? 'Met' : 'Ended' }}</dt>
              <dd data-testid="sla-stopped">
                {{ c.stoppedAt | date: 'medium' }}
                @if (c.stopReason) {
                  · {{ reason(c.stopReason) }}
                }
              </dd>
            }
          </dl>
          @if (c.pauses?.length) {
            <ul class="pauses" aria-label="Pauses">
              @for (p of c.pauses; track $index) {
                <li>
                  Paused in {{ stateLabel(p.stage) }} {{ p.pausedAt | date: 'medium' }} –
                  {{ p.resumedAt ? (p.resumedAt | date: 'medium') : 'still paused' }}
                </li>
              }
            </ul>
          }
        </article>
      } @empty {
        <p class="empty">No SLA clock has run for this lead.</p>
      }
    </section>
  `,
  styles: `
    .clock + .clock {
      border-top: 1px solid #e3e8ef;
      margin-top: 8px;
      padding-top: 8px;
    }
    header {
      display: flex;
      gap: 8px;
      align-items: baseline;
      flex-wrap: wrap;
    }
    .status {
      font-size: 12px;
      border-radius: 4px;
      padding: 0 4px;
      background: #eef2f7;
    }
    .status.Met {
      background: #e6f3e7;
      color: #1b5e20;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 2px 12px;
      margin: 6px 0 0;
      font-size: 14px;
    }
    dt {
      color: #5f6b7a;
    }
    dd {
      margin: 0;
    }
    .breach {
      color: #b3261e;
      font-weight: 600;
    }
    .pauses {
      margin: 6px 0 0;
      padding-left: 18px;
      font-size: 13px;
    }
  `,
})
export class LeadSla {
  protected readonly store = inject(LeadStore);
  protected readonly stateLabel = stateLabel;

  protected statusLabel(status: string | undefined): string {
    return STATUS_LABELS[status ?? ''] ?? status ?? '';
  }

  /** The stop reason is the trigger or the activity type that stopped the clock. */
  protected reason(code: string): string {
    const trigger = triggerLabel(code);
    return trigger !== code ? trigger : activityLabel(code);
  }

  /** The countdown reads a clock as the cards do. */
  protected summary(c: SlaClockDto): SlaSummaryDto {
    return {
      clockId: c.id,
      termId: c.termId,
      termName: c.termName,
      status: c.status,
      startedAt: c.startedAt,
      warnAt: c.warnAt,
      dueAt: c.dueAt,
      warned: !!c.warnedAt,
      breached: !!c.breachedAt,
    };
  }
}
