import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Clock } from '../core/clock';
import { age, stateLabel } from '../core/labels';
import { SlaCountdown } from '../followup/sla-countdown';
import { LeadStore } from './lead-store';

/** Who the lead is, where it stands and since when (and its open SLA clock), its owner and its score. */
@Component({
  selector: 'app-lead-header',
  imports: [SlaCountdown],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.lead(); as lead) {
      <header class="lead-head">
        <div>
          <h1 data-testid="lead-name">{{ store.name() }}</h1>
          <div class="muted">
            {{ lead.title || 'No title' }} · {{ lead.company || 'No company' }} · {{ lead.email }}
          </div>
        </div>
        <div class="facts">
          <span class="state" data-testid="lead-state">{{ stateLabel(lead.state) }}</span>
          <span>for {{ age(lead.stageEnteredAt, clock.now()) }}</span>
          @if (lead.sla; as sla) {
            <span>{{ sla.termName || sla.termId }} <app-sla-countdown [sla]="sla" /></span>
          }
          <span>Owner: {{ lead.ownerName || 'unassigned' }}</span>
          <span class="score"
            >Score {{ lead.totalScore ?? 0 }}
            <small
              >(fit {{ lead.fitScore ?? 0 }} · engagement {{ lead.engagementScore ?? 0 }})</small
            ></span
          >
        </div>
      </header>
    }
  `,
  styles: `
    .lead-head {
      display: flex;
      justify-content: space-between;
      flex-wrap: wrap;
      gap: 12px;
      margin-bottom: 12px;
    }
    h1 {
      margin: 0 0 4px;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
    }
    .state {
      background: #1f3a5f;
      color: #fff;
      border-radius: 12px;
      padding: 2px 10px;
      font-weight: 600;
    }
    .score small {
      color: #5f6b7a;
    }
  `,
})
export class LeadHeader {
  protected readonly store = inject(LeadStore);
  protected readonly clock = inject(Clock);
  protected readonly stateLabel = stateLabel;
  protected readonly age = age;
}
