import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { DatePipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Clock } from '../core/clock';
import { age, stateLabel } from '../core/labels';
import { SlaCountdown } from '../followup/sla-countdown';
import { QueueStore } from './queue-store';

/** "My queue": the rep's open leads by due time, each counting down live, each a link to the lead. */
@Component({
  selector: 'app-queue-page',
  imports: [DatePipe, RouterLink, MatButtonModule, MatProgressBarModule, SlaCountdown],
  providers: [QueueStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <div class="head">
        <h1>My queue</h1>
        <button
          mat-stroked-button
          type="button"
          (click)="store.load()"
          [disabled]="store.loading()"
        >
          Refresh
        </button>
      </div>
      <p class="muted">Your open leads, the first to fall due on top.</p>
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading your queue" />
      }
      @if (store.error(); as p) {
        <div class="error-box" role="alert">{{ p.title }}</div>
      }
      <section class="card-box">
        <table class="plain" aria-label="My queue" data-testid="queue">
          <thead>
            <tr>
              <th>Lead</th>
              <th>Company</th>
              <th>Stage</th>
              <th>Score</th>
              <th>SLA</th>
              <th>Due</th>
            </tr>
          </thead>
          <tbody>
            @for (item of store.queue(); track item.id) {
              <tr
                data-testid="queue-item"
                [attr.data-lead-id]="item.id"
                [attr.data-due]="item.sla?.dueAt"
              >
                <td>
                  <a [routerLink]="['/leads', item.id]">{{ item.name }}</a>
                </td>
                <td>{{ item.company || '—' }}</td>
                <td [title]="'In ' + stateLabel(item.state) + ' since ' + item.stageEnteredAt">
                  {{ stateLabel(item.state) }} · {{ age(item.stageEnteredAt, clock.now()) }}
                </td>
                <td>{{ item.totalScore ?? 0 }}</td>
                <td>
                  @if (item.sla; as s) {
                    <span class="term">{{ s.termName || s.termId }}</span>
                    <app-sla-countdown [sla]="s" />
                  } @else {
                    <span class="muted">No clock</span>
                  }
                </td>
                <td>{{ item.sla?.dueAt ? (item.sla!.dueAt | date: 'EEE d MMM, HH:mm') : '—' }}</td>
              </tr>
            } @empty {
              @if (!store.loading()) {
                <tr>
                  <td colspan="6" class="empty">Nothing waits for you.</td>
                </tr>
              }
            }
          </tbody>
        </table>
      </section>
    </div>
  `,
  styles: `
    .head {
      display: flex;
      align-items: center;
      gap: 16px;
    }
    .term {
      margin-right: 6px;
    }
  `,
})
export class QueuePage implements OnInit {
  protected readonly store = inject(QueueStore);
  protected readonly clock = inject(Clock);
  protected readonly stateLabel = stateLabel;
  protected readonly age = age;

  ngOnInit(): void {
    void this.store.load();
  }
}
