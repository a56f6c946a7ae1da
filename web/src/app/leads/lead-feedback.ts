import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { DatePipe } from '@angular/common';
import { clauseLabel, triggerLabel } from '../core/labels';
import { LeadStore } from './lead-store';

/** The feedback this lead was given: each reason sales chose, the agreement clause it disputes, and the note. */
@Component({
  selector: 'app-lead-feedback',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" aria-labelledby="feedback-title">
      <h2 id="feedback-title">Feedback</h2>
      <ul class="timeline" data-testid="feedback">
        @for (f of store.feedback(); track f.transitionId) {
          <li data-testid="feedback-entry">
            <div>
              <strong>{{ f.reasonLabel || f.reasonCode }}</strong>
              <span class="muted"> · {{ trigger(f.trigger) }} by {{ f.byName }}</span>
            </div>
            <div>Disputes: {{ clause(f.disputes) }}</div>
            @if (f.note) {
              <div>“{{ f.note }}”</div>
            }
            <div class="muted">
              {{ f.at | date: 'medium' }} · agreement v{{ f.agreementVersion }}
            </div>
          </li>
        } @empty {
          <li class="empty">
            No feedback yet: reasons given when the lead is rejected, recycled, lost or disqualified
            show here.
          </li>
        }
      </ul>
    </section>
  `,
})
export class LeadFeedback {
  protected readonly store = inject(LeadStore);
  protected readonly trigger = triggerLabel;
  protected readonly clause = clauseLabel;
}
