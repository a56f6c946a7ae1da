import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { WebhookDeliveryDto, WebhookDto } from '../api/l2r-api';
import { FieldControl, FormField } from '../core/form-field';
import { Problem } from '../core/problem';
import { fieldError, goneOr } from './form-problem';
import { WebhooksStore } from './webhooks-store';

/** `yyyy-MM-ddTHH:mm` in local time, as a datetime-local input shows and reads it. */
function localInputValue(at: Date): string {
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** One subscription's delivery log: each delivery's attempts, redelivery, and replay since a time. */
@Component({
  selector: 'app-delivery-log',
  imports: [
    DatePipe,
    FormsModule,
    FieldControl,
    FormField,
    MatButtonModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section
      class="log"
      [attr.aria-label]="'Deliveries to ' + webhook().url"
      data-testid="delivery-log"
    >
      <div class="bar">
        <h3>Deliveries <span class="muted">(newest first)</span></h3>
        <button mat-button type="button" (click)="store.loadDeliveries()">Refresh</button>
        <form class="replay" (ngSubmit)="replay()" data-testid="replay-form">
          <app-form-field class="since" label="Replay events since" [error]="sinceError()">
            <input
              *appFieldControl
              matInput
              type="datetime-local"
              name="since"
              [ngModel]="since()"
              (ngModelChange)="since.set($event)"
            />
          </app-form-field>
          <button mat-stroked-button type="submit" [disabled]="busy()">Replay</button>
        </form>
      </div>
      @if (store.replayed() !== null) {
        <p class="notice-ok" role="status" data-testid="replayed">
          {{ store.replayed() }} event(s) queued again, in feed order.
        </p>
      }
      @if (store.deliveriesLoading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading deliveries" />
      }
      @if (store.deliveriesError(); as p) {
        <div class="error-box" role="alert">{{ p.title }}</div>
      }
      <table class="plain" aria-label="Deliveries">
        <thead>
          <tr>
            <th>Queued</th>
            <th>Event</th>
            <th>Status</th>
            <th>Attempts</th>
            <th>Next retry</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          @for (d of store.deliveries(); track d.id) {
            <tr
              data-testid="delivery"
              [attr.data-event-type]="d.eventType"
              [attr.data-status]="d.status"
            >
              <td>{{ d.createdAt | date: 'medium' }}</td>
              <td>
                <code>{{ d.eventType }}</code>
                @if (d.leadSequence) {
                  <div class="muted small">lead event #{{ d.leadSequence }}</div>
                }
              </td>
              <td>
                <span class="status-chip" [class.Active]="d.status === 'Succeeded'">{{
                  d.status
                }}</span>
              </td>
              <td>
                @if (d.attemptLog.length) {
                  <ol class="attempts">
                    @for (a of d.attemptLog; track a.attemptedAt) {
                      <li data-testid="attempt">
                        <span
                          [class.pass]="isSuccess(a.statusCode)"
                          [class.fail]="!isSuccess(a.statusCode)"
                        >
                          {{ a.statusCode ?? 'no answer' }}
                        </span>
                        in {{ a.latencyMs }} ms · {{ a.attemptedAt | date: 'mediumTime' }}
                        @if (a.error) {
                          <div class="fail small">{{ a.error }}</div>
                        }
                        @if (a.responseSnippet) {
                          <div class="muted small snippet">{{ a.responseSnippet }}</div>
                        }
                      </li>
                    }
                  </ol>
                } @else {
                  <span class="muted">Not attempted yet</span>
                }
              </td>
              <td>{{ d.status === 'Pending' ? (d.nextAttemptAt | date: 'medium') : '' }}</td>
              <td>
                <button
                  mat-button
                  type="button"
                  (click)="redeliver(d)"
                  [disabled]="busy()"
                  [attr.aria-label]="
                    'Redeliver ' + d.eventType + ' of ' + (d.createdAt | date: 'medium')
                  "
                >
                  Redeliver
                </button>
              </td>
            </tr>
          } @empty {
            @if (!store.deliveriesLoading()) {
              <tr>
                <td colspan="6" class="empty">No deliveries yet.</td>
              </tr>
            }
          }
        </tbody>
      </table>
    </section>
  `,
  styles: `
    .bar {
      display: flex;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
    }
    h3 {
      margin: 0;
      font-size: 15px;
    }
    .replay {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-left: auto;
    }
    .since {
      width: 240px;
    }
    .attempts {
      margin: 0;
      padding-left: 18px;
    }
    .small {
      font-size: 12px;
    }
    .snippet {
      font-family: monospace;
      max-width: 360px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
})
export class DeliveryLog {
  readonly webhook = input.required<WebhookDto>();
  /** A refused redelivery or replay, for the page's alert. */
  readonly problem = output<Problem | null>();
  protected readonly store = inject(WebhooksStore);
  protected readonly busy = signal(false);
  protected readonly since = signal(localInputValue(new Date(Date.now() - 3600_000)));
  private readonly replayProblem = signal<Problem | null>(null);
  protected readonly sinceError = () => fieldError(this.replayProblem(), 'since');
  protected readonly isSuccess = (code: number | undefined) => !!code && code >= 200 && code < 300;

  protected async redeliver(delivery: WebhookDeliveryDto): Promise<void> {
    this.busy.set(true);
    this.problem.emit(goneOr(await this.store.redeliver(delivery.id), 'delivery'));
    this.busy.set(false);
  }

  protected async replay(): Promise<void> {
    const since = new Date(this.since());
    if (Number.isNaN(since.getTime())) {
      this.replayProblem.set({
        status: 400,
        title: 'Choose a time.',
        errors: { since: ['Choose the time to replay from.'] },
        criteria: [],
      });
      return;
    }
    this.busy.set(true);
    const problem = goneOr(await this.store.replay(this.webhook().id, since), 'webhook');
    this.busy.set(false);
    this.replayProblem.set(problem);
    if (!problem?.errors['since']) this.problem.emit(problem);
  }
}
