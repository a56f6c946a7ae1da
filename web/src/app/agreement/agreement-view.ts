import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { LeadAgreement, LeadState, Reason, ReasonLists, SlaTerm } from '../api/l2r-api';
import { TRIGGER_PATHS, activityLabel, stateLabel, triggerLabel } from '../core/labels';
import { describeGoal } from './scorecard-measures';

/** An agreement's content in plain language, read-only: moves and their criteria, scoring, reasons, SLAs, shared goals. */
@Component({
  selector: 'app-agreement-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box">
      <h2>Moves and their criteria</h2>
      <table class="plain">
        <thead>
          <tr>
            <th>Move</th>
            <th>From → to</th>
            <th>Who</th>
            <th>Criteria (all must hold)</th>
          </tr>
        </thead>
        <tbody>
          @for (t of agreement().transitions; track t.trigger) {
            <tr>
              <td>
                <strong>{{ triggerLabel(t.trigger) }}</strong>
                @if (t.autoAdvance) {
                  <div class="muted">automatic when met</div>
                }
              </td>
              <td>{{ path(t.trigger) }}</td>
              <td>{{ t.roles.join(', ') || 'system only' }}</td>
              <td>
                @for (c of t.criteria ?? []; track c.id) {
                  <div>• {{ c.description }}</div>
                } @empty {
                  <span class="muted">none</span>
                }
                @if (reasonsFor(t.trigger).length) {
                  <div class="muted">and a reason</div>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    </section>

    <div class="two">
      <section class="card-box">
        <h2>Fit scoring</h2>
        <table class="plain">
          <thead>
            <tr>
              <th>When</th>
              <th>Points</th>
            </tr>
          </thead>
          <tbody>
            @for (r of agreement().scoring.fitRules ?? []; track r.id) {
              <tr>
                <td>{{ r.condition?.description }}</td>
                <td>{{ (r.points ?? 0) >= 0 ? '+' : '' }}{{ r.points }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="2" class="empty">No fit rules.</td>
              </tr>
            }
          </tbody>
        </table>
      </section>
      <section class="card-box">
        <h2>Engagement scoring</h2>
        <table class="plain">
          <thead>
            <tr>
              <th>Activity</th>
              <th>Points</th>
              <th>Half-life</th>
            </tr>
          </thead>
          <tbody>
            @for (r of agreement().scoring.engagementRules ?? []; track r.activityType) {
              <tr>
                <td>{{ activityLabel(r.activityType) }}</td>
                <td>+{{ r.points }}</td>
                <td>{{ r.halfLifeDays }} days</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="3" class="empty">No engagement rules.</td>
              </tr>
            }
          </tbody>
        </table>
        <p class="muted">Engagement points halve every half-life, so old activity counts less.</p>
      </section>
    </div>

    <div class="two">
      <section class="card-box">
        <h2>Reasons</h2>
        @for (group of reasonGroups(); track group.name) {
          <h3>{{ group.name }}</h3>
          <ul>
            @for (r of group.reasons; track r.code) {
              <li>
                {{ r.label }} <span class="muted">({{ r.code }})</span>
              </li>
            } @empty {
              <li class="muted">none</li>
            }
          </ul>
        }
      </section>
      <section class="card-box">
        <h2>Service levels</h2>
        <ul data-testid="sla-terms">
          @for (t of agreement().slas.terms ?? []; track t.id) {
            <li data-testid="sla-term-view">
              <strong>{{ t.name || t.id }}</strong>: from entering {{ stateLabel(t.startStage) }},
              within
              <strong
                >{{ t.targetHours }}
                {{ t.basis === 'CalendarHours' ? 'calendar' : 'business' }} hours</strong
              >, met by {{ metBy(t) }}; warns at {{ t.warningPercent }}%, on breach escalates to
              {{
                t.onBreach?.escalateTo === 'Role' ? 'every ' + t.onBreach?.role : 'the team lead'
              }}
              @if (t.onBreach?.reassign) {
                and reassigns
              }
              @if (t.pausingStages?.length) {
                ; paused in {{ stageList(t.pausingStages) }}
              }
            </li>
          } @empty {
            <li>
              An MQL is accepted or rejected within
              <strong>{{ agreement().slas.mqlResponseHours }} hours</strong>.
            </li>
            <li>
              A sales-accepted lead reaches SQL or is recycled within
              <strong>{{ agreement().slas.salesAcceptedToSqlDays }} days</strong>.
            </li>
          }
        </ul>
      </section>
      <section class="card-box">
        <h2>Shared scorecard</h2>
        <ul data-testid="scorecard-view">
          @for (g of agreement().scorecard?.goals ?? []; track g.id) {
            <li data-testid="goal-view">
              <strong>{{ describeGoal(g) }}</strong>
              <span class="muted"> (judged on at least {{ g.minimumSample }} cases)</span>
            </li>
          } @empty {
            <li class="muted">No shared goals signed yet.</li>
          }
        </ul>
      </section>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .two {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(320px, 1fr));
      gap: 16px;
      margin: 16px 0;
    }
    h3 {
      font-size: 14px;
      margin: 10px 0 4px;
    }
    ul {
      margin: 0;
      padding-left: 18px;
    }
  `,
})
export class AgreementView {
  readonly agreement = input.required<LeadAgreement>();
  protected readonly triggerLabel = triggerLabel;
  protected readonly activityLabel = activityLabel;
  protected readonly stateLabel = stateLabel;
  protected readonly describeGoal = describeGoal;

  protected metBy(t: SlaTerm): string {
    const ways = [
      ...(t.stopTriggers ?? []).map(triggerLabel),
      ...(t.stopTouches ?? []).map((a) => `a ${activityLabel(a).toLowerCase()}`),
    ];
    return ways.join(' or ') || 'nothing';
  }

  protected stageList(stages: LeadState[] | undefined): string {
    return (stages ?? []).map(stateLabel).join(', ');
  }

  protected readonly reasonGroups = computed(() => {
    const r: ReasonLists = this.agreement().reasons ?? {};
    return [
      { name: 'Reject (MQL sent back by sales)', reasons: r.reject ?? [] },
      { name: 'Recycle', reasons: r.recycle ?? [] },
      { name: 'Loss', reasons: r.loss ?? [] },
      { name: 'Disqualify', reasons: r.disqualify ?? [] },
      { name: 'Reopen', reasons: r.reopen ?? [] },
    ];
  });

  protected path(trigger: string | undefined): string {
    const p = trigger ? TRIGGER_PATHS[trigger] : undefined;
    return p ? `${p.from.map(stateLabel).join(', ')} → ${stateLabel(p.to)}` : '';
  }

  protected reasonsFor(trigger: string | undefined): Reason[] {
    return reasonsOf(this.agreement().reasons ?? {}, trigger);
  }
}

/** The reason list a trigger asks for (Reject, Recycle, Lose, Disqualify, Reopen), else none. */
function reasonsOf(r: ReasonLists, trigger: string | undefined): Reason[] {
  switch (trigger) {
    case 'Reject':
      return r.reject ?? [];
    case 'Recycle':
      return r.recycle ?? [];
    case 'Lose':
      return r.loss ?? [];
    case 'Disqualify':
      return r.disqualify ?? [];
    case 'Reopen':
      return r.reopen ?? [];
    default:
      return [];
  }
}
