import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { DatePipe, LowerCasePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { WebhookDto } from '../api/l2r-api';
import { FieldControl, FormField } from '../core/form-field';
import { Problem } from '../core/problem';
import { EVENT_TYPES } from './catalogue';
import { DeliveryLog } from './delivery-log';
import { alertLines, fieldError, goneOr } from './form-problem';
import { IntegrationsNav } from './integrations-nav';
import { SecretBox } from './secret-box';
import { WebhooksStore } from './webhooks-store';

/** The fields of the subscribe form that show the API's messages beside them. */
const SUBSCRIBE_FIELDS = ['url', 'eventTypes'];

/** Admin page: webhook subscriptions; subscribe, test, disable or enable, and each one's delivery log. */
@Component({
  selector: 'app-webhooks-page',
  imports: [
    DatePipe,
    LowerCasePipe,
    DeliveryLog,
    FormsModule,
    FieldControl,
    FormField,
    IntegrationsNav,
    MatButtonModule,
    MatCheckboxModule,
    MatInputModule,
    MatProgressBarModule,
    SecretBox,
  ],
  providers: [WebhooksStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <h1>Integrations</h1>
      <app-integrations-nav />
      <p class="muted">
        Webhooks POST each event to your URL, signed to the Standard Webhooks spec, and retry with
        back-off until it answers 2xx. See <code>docs/integrators.md</code> to verify a signature.
      </p>

      @if (store.shownSecret(); as s) {
        <app-secret-box
          title="Signing secret"
          [secret]="s.secret"
          (dismiss)="store.dismissSecret()"
        >
          <p>
            For <code>{{ s.url }}</code>: your receiver checks each request's
            <code>webhook-signature</code> with it.
          </p>
        </app-secret-box>
      }
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading webhooks" />
      }
      @if (store.error(); as p) {
        <div class="error-box" role="alert">{{ alertLines(p).join('\\n') }}</div>
      }
      @if (problem(); as p) {
        <div class="error-box" role="alert" data-testid="problem">
          {{ alertLines(p, subscribeFields).join('\\n') }}
        </div>
      }

      <section class="card-box">
        <h2>Subscriptions</h2>
        <table class="plain" aria-label="Webhook subscriptions">
          <thead>
            <tr>
              <th>URL</th>
              <th>Event types</th>
              <th>Status</th>
              <th>Created</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            @for (w of store.webhooks(); track w.id) {
              <tr data-testid="webhook-row" [class.open]="store.openId() === w.id">
                <td class="url">
                  <code>{{ w.url }}</code>
                </td>
                <td>
                  @if (w.eventTypes.length) {
                    <ul class="bare">
                      @for (t of w.eventTypes; track t) {
                        <li>
                          <code>{{ t }}</code>
                        </li>
                      }
                    </ul>
                  } @else {
                    All events
                  }
                </td>
                <td data-testid="webhook-status">
                  @if (w.enabled) {
                    <span class="status-chip Active">Enabled</span>
                    @if (w.failingSince) {
                      <div class="fail small">
                        Failing since {{ w.failingSince | date: 'medium' }}
                      </div>
                    }
                  } @else {
                    <span class="status-chip">Disabled</span>
                    @if (w.disabledReason) {
                      <div class="small">{{ w.disabledReason }}</div>
                    }
                  }
                </td>
                <td>{{ w.createdAt | date: 'medium' }}</td>
                <td class="actions">
                  <button
                    mat-stroked-button
                    type="button"
                    (click)="sendTest(w)"
                    [disabled]="busy() || !w.enabled"
                    [attr.aria-label]="'Send a test event to ' + w.url"
                  >
                    Send test
                  </button>
                  <button
                    mat-stroked-button
                    type="button"
                    (click)="toggleLog(w)"
                    [attr.aria-expanded]="store.openId() === w.id"
                    [attr.aria-label]="'Delivery log of ' + w.url"
                  >
                    Deliveries
                  </button>
                  <button
                    mat-button
                    type="button"
                    (click)="setEnabled(w, !w.enabled)"
                    [disabled]="busy()"
                    [attr.aria-label]="(w.enabled ? 'Disable ' : 'Enable ') + w.url"
                  >
                    {{ w.enabled ? 'Disable' : 'Enable' }}
                  </button>
                </td>
              </tr>
              @if (store.test(); as t) {
                @if (t.subscriptionId === w.id) {
                  <tr>
                    <td colspan="5" data-testid="test-result" role="status">
                      @switch (t.status) {
                        @case ('Succeeded') {
                          <span class="pass"
                            >Test event delivered: {{ t.lastStatusCode }} in
                            {{ t.attemptLog.at(-1)?.latencyMs }} ms.</span
                          >
                        }
                        @case ('Pending') {
                          @if (t.attempts) {
                            <span class="fail"
                              >Test event not accepted ({{ t.lastStatusCode ?? t.lastError }}); next
                              try {{ t.nextAttemptAt | date: 'mediumTime' }}.</span
                            >
                          } @else {
                            Test event queued; waiting for the first attempt…
                          }
                        }
                        @default {
                          <span class="fail"
                            >Test event {{ t.status | lowercase }}:
                            {{ t.lastStatusCode ?? t.lastError }}</span
                          >
                        }
                      }
                    </td>
                  </tr>
                }
              }
              @if (store.openId() === w.id) {
                <tr>
                  <td colspan="5">
                    <app-delivery-log [webhook]="w" (problem)="problem.set($event)" />
                  </td>
                </tr>
              }
            } @empty {
              @if (!store.loading()) {
                <tr>
                  <td colspan="5" class="empty">No webhook subscriptions yet.</td>
                </tr>
              }
            }
          </tbody>
        </table>
      </section>

      <section class="card-box create">
        <h2>Subscribe</h2>
        <form (ngSubmit)="subscribe()" data-testid="subscribe-form">
          <app-form-field
            class="wide"
            label="URL"
            [error]="error('url')"
            hint="https://… where your receiver listens"
          >
            <input
              *appFieldControl
              matInput
              name="url"
              type="url"
              [ngModel]="url()"
              (ngModelChange)="url.set($event)"
            />
          </app-form-field>
          <fieldset class="types">
            <legend>Event types <span class="muted">(none ticked: every type)</span></legend>
            @for (t of eventTypes; track t.value) {
              <mat-checkbox
                [checked]="chosen().includes(t.value)"
                (change)="toggle(t.value, $event.checked)"
                [attr.data-event-type]="t.value"
              >
                <code>{{ t.value }}</code><span class="muted desc">{{ t.description }}</span>
              </mat-checkbox>
            }
            @if (error('eventTypes'); as e) {
              <p class="field-error" role="alert">{{ e }}</p>
            }
          </fieldset>
          <div class="form-actions">
            <button mat-flat-button type="submit" [disabled]="busy()">Subscribe</button>
          </div>
        </form>
      </section>
    </div>
  `,
  styles: `
    .small {
      font-size: 12px;
    }
    .bare {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .url {
      word-break: break-all;
    }
    .actions {
      white-space: nowrap;
    }
    .actions button + button {
      margin-left: 8px;
    }
    tr.open td {
      background: #f4f7fb;
    }
    .create {
      margin-top: 16px;
    }
    .wide {
      width: 100%;
      max-width: 640px;
    }
    .types {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      border: none;
      padding: 0;
      margin: 8px 0;
    }
    .desc {
      margin-left: 8px;
    }
    .types legend {
      font-weight: 600;
      margin-bottom: 4px;
    }
  `,
})
export class WebhooksPage implements OnInit {
  protected readonly store = inject(WebhooksStore);
  protected readonly eventTypes = EVENT_TYPES;
  protected readonly subscribeFields = SUBSCRIBE_FIELDS;
  protected readonly alertLines = alertLines;
  protected readonly problem = signal<Problem | null>(null);
  protected readonly busy = signal(false);
  protected readonly url = signal('');
  protected readonly chosen = signal<string[]>([]);
  /** Field errors belong to the subscribe form only; other actions' problems go to the alert. */
  private readonly subscribeProblem = signal<Problem | null>(null);
  protected readonly error = (field: string) => fieldError(this.subscribeProblem(), field);

  ngOnInit(): void {
    void this.store.load();
  }

  protected toggle(type: string, on: boolean): void {
    this.chosen.update((list) => (on ? [...list, type] : list.filter((t) => t !== type)));
  }

  protected async subscribe(): Promise<void> {
    const problem = await this.act(() =>
      this.store.subscribe(
        this.url().trim(),
        EVENT_TYPES.map((t) => t.value).filter((t) => this.chosen().includes(t)),
      ),
    );
    this.subscribeProblem.set(problem);
    if (!problem) {
      this.url.set('');
      this.chosen.set([]);
    }
  }

  protected toggleLog(webhook: WebhookDto): void {
    if (this.store.openId() === webhook.id) this.store.closeLog();
    else void this.store.openLog(webhook.id);
  }

  protected async sendTest(webhook: WebhookDto): Promise<void> {
    // The watch for the outcome can take seconds: it must not hold the other buttons.
    this.problem.set(goneOr(await this.store.sendTest(webhook.id), 'webhook'));
  }

  protected async setEnabled(webhook: WebhookDto, enabled: boolean): Promise<void> {
    if (!enabled && !confirm(`Disable ${webhook.url}? Events are not sent to it until enabled.`))
      return;
    await this.act(() => this.store.setEnabled(webhook, enabled));
  }

  private async act(action: () => Promise<Problem | null>): Promise<Problem | null> {
    this.busy.set(true);
    this.subscribeProblem.set(null);
    const problem = goneOr(await action(), 'webhook');
    this.busy.set(false);
    this.problem.set(problem);
    return problem;
  }
}
