import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { DatePipe, DecimalPipe } from '@angular/common';
import { LeadStore } from './lead-store';

/** How the lead's score adds up: each fit rule and each activity with the points it gives now. */
@Component({
  selector: 'app-lead-score',
  imports: [DatePipe, DecimalPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" aria-labelledby="score-title">
      <h2 id="score-title">Score breakdown</h2>
      @if (store.score(); as s) {
        <p>
          <strong>{{ s.total ?? 0 }}</strong> = fit {{ s.fit ?? 0 }} + engagement
          {{ s.engagement ?? 0 }}
        </p>
        <table class="plain">
          <thead>
            <tr>
              <th>Kind</th>
              <th>Why</th>
              <th>Points</th>
            </tr>
          </thead>
          <tbody>
            @for (item of s.items ?? []; track $index) {
              <tr>
                <td>{{ item.kind }}</td>
                <td>
                  {{ item.description || item.source }}
                  @if (item.occurredAt) {
                    <span class="muted"> · {{ item.occurredAt | date: 'mediumDate' }}</span>
                  }
                </td>
                <td class="num">{{ item.points | number: '1.0-1' }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="3" class="empty">No rule gives this lead points yet.</td>
              </tr>
            }
          </tbody>
        </table>
      }
    </section>
  `,
  styles: `
    .num {
      text-align: right;
    }
  `,
})
export class LeadScore {
  protected readonly store = inject(LeadStore);
}
