import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { DatePipe } from '@angular/common';
import { activityLabel } from '../core/labels';
import { IntelRecord } from '../intel/intel-record';
import { LeadStore } from './lead-store';

/** What the lead did, newest first: the activities engagement is scored from, with what reps heard on their touches. */
@Component({
  selector: 'app-lead-journey',
  imports: [DatePipe, IntelRecord],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" aria-labelledby="journey-title">
      <h2 id="journey-title">Journey</h2>
      <ol class="timeline" data-testid="activities">
        @for (a of store.activitiesNewestFirst(); track a.id) {
          <li>
            <strong>{{ activityLabel(a.type) }}</strong>
            @if (a.title) {
              <span> · {{ a.title }}</span>
            }
            <div class="muted">
              {{ a.occurredAt | date: 'medium' }}
              @if (a.campaign) {
                · {{ a.campaign }}
              }
              @if (a.url) {
                · {{ a.url }}
              }
            </div>
            @if (store.intelByActivity().get(a.id); as heard) {
              <app-intel-record [intel]="heard" [showAuthor]="true" />
            }
          </li>
        } @empty {
          <li class="empty">No activities recorded.</li>
        }
      </ol>
    </section>
  `,
})
export class LeadJourney {
  protected readonly store = inject(LeadStore);
  protected readonly activityLabel = activityLabel;
}
