import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { DatePipe } from '@angular/common';
import { CriteriaList } from '../core/criteria-list';
import { stateLabel, triggerLabel } from '../core/labels';
import { LeadStore } from './lead-store';

/** Every move the lead made, newest first: who or what made it, under which agreement, and the criteria as judged. */
@Component({
  selector: 'app-lead-history',
  imports: [DatePipe, CriteriaList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" aria-labelledby="history-title">
      <h2 id="history-title">Stage history</h2>
      <ol class="timeline" data-testid="history">
        @for (t of store.transitionsNewestFirst(); track t.id) {
          <li data-testid="history-entry">
            <div>
              <strong>{{ stateLabel(t.from) }} → {{ stateLabel(t.to) }}</strong>
              <span class="muted">
                · {{ triggerLabel(t.trigger) }} ·
                {{
                  t.actorKind === 'System'
                    ? 'by the agreement (automatic)'
                    : 'by ' + (t.actorName || 'someone')
                }}</span
              >
            </div>
            <div class="muted">
              {{ t.occurredAt | date: 'medium' }} · agreement v{{ t.agreementVersion }}
            </div>
            @if (t.reasonLabel || t.reasonCode) {
              <div>Reason: {{ t.reasonLabel || t.reasonCode }}</div>
            }
            @if (t.note) {
              <div>Note: {{ t.note }}</div>
            }
            @if (t.criteria?.length) {
              <details>
                <summary>Criteria as evaluated ({{ t.criteria!.length }})</summary>
                <app-criteria-list [criteria]="t.criteria ?? []" />
              </details>
            }
          </li>
        } @empty {
          <li class="empty">No moves yet.</li>
        }
      </ol>
    </section>
  `,
})
export class LeadHistory {
  protected readonly store = inject(LeadStore);
  protected readonly stateLabel = stateLabel;
  protected readonly triggerLabel = triggerLabel;
}
