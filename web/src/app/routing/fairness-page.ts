import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { DecimalPipe, PercentPipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { problemLines } from '../core/problem';
import { FairnessStore } from './fairness-store';

/** The fairness ledger: per team member, their share by weight against what they were given, net of leads that came back. */
@Component({
  selector: 'app-fairness-page',
  imports: [DecimalPipe, PercentPipe, MatButtonModule, MatProgressBarModule],
  providers: [FairnessStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <h1>Fairness ledger</h1>
      <form class="period" (submit)="$event.preventDefault(); load()" aria-label="Period">
        <label
          >From <input type="date" name="from" [value]="from()" (input)="from.set(value($event))"
        /></label>
        <label
          >To <input type="date" name="to" [value]="to()" (input)="to.set(value($event))"
        /></label>
        <button mat-stroked-button type="submit">Show</button>
      </form>
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the ledger" />
      }
      @if (store.error(); as p) {
        <div class="error-box" role="alert">{{ lines(p).join('\\n') }}</div>
      }
      @for (team of store.ledger()?.teams ?? []; track team.teamId) {
        <section class="card-box" data-testid="fairness-team">
          <h2>{{ team.name }}</h2>
          <p class="meta">{{ team.received }} routed, {{ team.net }} kept (the rest came back)</p>
          <table class="plain" [attr.aria-label]="'Fairness of ' + team.name">
            <thead>
              <tr>
                <th>Member</th>
                <th>Weight</th>
                <th>Share</th>
                <th>Received</th>
                <th>Came back</th>
                <th>Kept</th>
                <th>Expected</th>
                <th>Balance</th>
              </tr>
            </thead>
            <tbody>
              @for (m of team.members ?? []; track m.userId) {
                <tr>
                  <td>{{ m.name }}</td>
                  <td>{{ m.weight }}</td>
                  <td>{{ m.share | percent: '1.0-0' }}</td>
                  <td>{{ m.received }}</td>
                  <td
                    [attr.title]="
                      m.rejected +
                      ' rejected, ' +
                      m.recycled +
                      ' recycled, ' +
                      m.reassignedAway +
                      ' reassigned away'
                    "
                  >
                    {{ m.credits }}
                  </td>
                  <td>{{ m.net }}</td>
                  <td>{{ m.expected | number: '1.0-2' }}</td>
                  <td [class.owed]="(m.balance ?? 0) < 0">{{ m.balance | number: '1.0-2' }}</td>
                </tr>
              }
            </tbody>
          </table>
        </section>
      } @empty {
        @if (!store.loading()) {
          <p class="empty">No teams have received leads in this period.</p>
        }
      }
    </div>
  `,
  styles: `
    .period {
      display: flex;
      gap: 12px;
      align-items: end;
      margin-bottom: 12px;
    }
    .owed {
      color: var(--mat-sys-error, #b3261e);
    }
    .meta {
      color: var(--mat-sys-on-surface-variant, #555);
    }
  `,
})
export class FairnessPage implements OnInit {
  protected readonly store = inject(FairnessStore);
  protected readonly lines = problemLines;
  protected readonly from = signal('');
  protected readonly to = signal('');

  ngOnInit(): void {
    void this.store.load();
  }

  protected load(): void {
    void this.store.load(
      this.from() ? `${this.from()}T00:00:00Z` : undefined,
      this.to() ? `${this.to()}T00:00:00Z` : undefined,
    );
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
