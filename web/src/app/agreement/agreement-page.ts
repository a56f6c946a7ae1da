import { ChangeDetectionStrategy, Component, OnInit, computed, inject } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Reason, ReasonLists } from '../api/l2r-api';
import { TRIGGER_PATHS, activityLabel, stateLabel, triggerLabel } from '../core/labels';
import { AgreementStore } from './agreement-store';
import { MermaidDiagram } from './mermaid-diagram';

/** The active lead agreement in plain language (read-only for now) and the state machine it drives. */
@Component({
  selector: 'app-agreement-page',
  imports: [DatePipe, MatProgressBarModule, MermaidDiagram],
  providers: [AgreementStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <h1>Lead agreement</h1>
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the agreement" />
      }
      @if (store.error(); as p) {
        <div class="error-box" role="alert">
          {{ p.title }}
          @if (p.detail) {
            <br />{{ p.detail }}
          }
        </div>
      }
      @if (store.active(); as a) {
        <p class="muted" data-testid="agreement-version">
          Version {{ a.version }} · {{ a.status }} · active since
          {{ a.activatedAt || a.createdAt | date: 'medium' }}. Marketing and sales signed this;
          every move on the board is checked against it.
        </p>

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
              @for (t of a.agreement?.transitions ?? []; track t.trigger) {
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
                @for (r of a.agreement?.scoring?.fitRules ?? []; track r.id) {
                  <tr>
                    <td>{{ r.condition?.description }}</td>
                    <td>+{{ r.points }}</td>
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
                @for (r of a.agreement?.scoring?.engagementRules ?? []; track r.activityType) {
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
            <p class="muted">
              Engagement points halve every half-life, so old activity counts less.
            </p>
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
            <ul>
              <li>
                An MQL is accepted or rejected within
                <strong>{{ a.agreement?.slas?.mqlResponseHours }} hours</strong>.
              </li>
              <li>
                A sales-accepted lead reaches SQL or is recycled within
                <strong>{{ a.agreement?.slas?.salesAcceptedToSqlDays }} days</strong>.
              </li>
            </ul>
          </section>
        </div>

        <section class="card-box">
          <h2>The lead's life</h2>
          <app-mermaid-diagram
            [source]="store.diagram()"
            label="State machine of a lead: stages and the moves between them"
          />
        </section>
      }
    </div>
  `,
  styles: `
    .two {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(320px, 1fr));
      gap: 16px;
      margin: 16px 0;
    }
    section.card-box {
      margin-top: 16px;
    }
    .two section.card-box {
      margin-top: 0;
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
export class AgreementPage implements OnInit {
  protected readonly store = inject(AgreementStore);
  protected readonly triggerLabel = triggerLabel;
  protected readonly activityLabel = activityLabel;

  protected readonly reasonGroups = computed(() => {
    const r: ReasonLists = this.store.active()?.agreement?.reasons ?? {};
    return [
      { name: 'Reject (MQL sent back by sales)', reasons: r.reject ?? [] },
      { name: 'Recycle', reasons: r.recycle ?? [] },
      { name: 'Loss', reasons: r.loss ?? [] },
      { name: 'Disqualify', reasons: r.disqualify ?? [] },
      { name: 'Reopen', reasons: r.reopen ?? [] },
    ];
  });

  ngOnInit(): void {
    void this.store.load();
  }

  protected path(trigger: string | undefined): string {
    const p = trigger ? TRIGGER_PATHS[trigger] : undefined;
    return p ? `${p.from.map(stateLabel).join(', ')} → ${stateLabel(p.to)}` : '';
  }

  protected reasonsFor(trigger: string | undefined): Reason[] {
    const r: ReasonLists = this.store.active()?.agreement?.reasons ?? {};
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
}
