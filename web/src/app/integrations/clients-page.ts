import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { ApiClientDto } from '../api/l2r-api';
import { FieldControl, FormField } from '../core/form-field';
import { Problem } from '../core/problem';
import { SCOPES } from './catalogue';
import { ClientsStore } from './clients-store';
import { alertLines, fieldError, goneOr } from './form-problem';
import { IntegrationsNav } from './integrations-nav';
import { SecretBox } from './secret-box';

/** The fields of the create form that show the API's messages beside them. */
const CREATE_FIELDS = ['name', 'scopes'];

/** Admin page: the tenant's API clients; create one, rotate and end its secrets, revoke it. */
@Component({
  selector: 'app-clients-page',
  imports: [
    DatePipe,
    FormsModule,
    FieldControl,
    FormField,
    IntegrationsNav,
    MatButtonModule,
    MatCheckboxModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    SecretBox,
  ],
  providers: [ClientsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <h1>Integrations</h1>
      <app-integrations-nav />
      <p class="muted">
        API clients get tokens with the OAuth2 client credentials grant at
        <code>POST /connect/token</code> and may do only what their scopes allow.
      </p>

      @if (store.shownSecret(); as s) {
        <app-secret-box
          [title]="(s.rotated ? 'New secret for ' : 'Secret for ') + s.clientName"
          [secret]="s.secret"
          (dismiss)="store.dismissSecret()"
        >
          <p>
            Client id: <code data-testid="secret-client-id">{{ s.clientId }}</code>
          </p>
          @if (s.rotated) {
            <p>
              Until the old secret is ended (below), both work: switch the integration to this one,
              then end the old one.
            </p>
          }
        </app-secret-box>
      }
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading API clients" />
      }
      @if (store.error(); as p) {
        <div class="error-box" role="alert">{{ alertLines(p).join('\\n') }}</div>
      }
      @if (problem(); as p) {
        <div class="error-box" role="alert" data-testid="problem">
          {{ alertLines(p, createFields).join('\\n') }}
        </div>
      }

      <section class="card-box">
        <h2>API clients</h2>
        <table class="plain" aria-label="API clients">
          <thead>
            <tr>
              <th>Name</th>
              <th>Scopes</th>
              <th>Created</th>
              <th>Last used</th>
              <th>Secrets</th>
              <th>Status</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            @for (c of store.clients(); track c.id) {
              <tr
                [class.revoked]="!c.isActive"
                data-testid="client-row"
                [attr.data-client-id]="c.clientId"
              >
                <td>
                  {{ c.name }}
                  <div class="muted small">
                    <code>{{ c.clientId }}</code>
                  </div>
                </td>
                <td>
                  <ul class="bare">
                    @for (s of c.scopes; track s) {
                      <li>
                        <code>{{ s }}</code>
                      </li>
                    }
                  </ul>
                </td>
                <td>{{ c.createdAt | date: 'medium' }}</td>
                <td data-testid="last-used">
                  {{ c.lastUsedAt ? (c.lastUsedAt | date: 'medium') : 'Never' }}
                </td>
                <td>
                  <ul class="bare" aria-label="Secrets">
                    @for (s of c.secrets; track s.id) {
                      <li data-testid="secret" [class.ended]="!!s.revokedAt">
                        <code>…{{ s.hint }}</code>
                        <span class="muted small">
                          created {{ s.createdAt | date: 'short' }}
                          @if (s.revokedAt) {
                            · ended {{ s.revokedAt | date: 'short' }}
                          } @else if (activeSecrets(c) > 1) {
                            · overlapping
                          }
                        </span>
                        @if (!s.revokedAt && activeSecrets(c) > 1) {
                          <button
                            mat-button
                            type="button"
                            (click)="endSecret(c, s.id, s.hint)"
                            [attr.aria-label]="'End secret …' + s.hint"
                          >
                            End
                          </button>
                        }
                      </li>
                    }
                  </ul>
                </td>
                <td>
                  @if (c.isActive) {
                    <span class="status-chip Active">Active</span>
                  } @else {
                    <span class="status-chip">Revoked</span>
                    <div class="muted small">{{ c.revokedAt | date: 'medium' }}</div>
                  }
                </td>
                <td class="actions">
                  @if (c.isActive) {
                    <button
                      mat-stroked-button
                      type="button"
                      (click)="startRotate(c)"
                      [attr.aria-label]="'Rotate the secret of ' + c.name"
                    >
                      Rotate…
                    </button>
                    <button
                      mat-stroked-button
                      type="button"
                      (click)="revoke(c)"
                      [attr.aria-label]="'Revoke ' + c.name"
                    >
                      Revoke
                    </button>
                  }
                </td>
              </tr>
              @if (rotating()?.id === c.id) {
                <tr class="rotate-row">
                  <td colspan="7">
                    <form class="rotate" (ngSubmit)="rotate(c)" data-testid="rotate-form">
                      @if (activeSecrets(c) > 1) {
                        <p class="field-error">
                          This client already holds two secrets: end the older one before rotating
                          again.
                        </p>
                      }
                      <mat-radio-group
                        [value]="endOldNow()"
                        (change)="endOldNow.set($event.value)"
                        aria-label="When the old secret ends"
                      >
                        <mat-radio-button [value]="false"
                          >Keep the old secret working until I end it (overlap, while the
                          integration switches)</mat-radio-button
                        >
                        <mat-radio-button [value]="true"
                          >End the old secret now (it leaked)</mat-radio-button
                        >
                      </mat-radio-group>
                      <div class="form-actions">
                        <button
                          mat-flat-button
                          type="submit"
                          [disabled]="busy() || activeSecrets(c) > 1"
                        >
                          Issue new secret
                        </button>
                        <button mat-button type="button" (click)="rotating.set(null)">
                          Cancel
                        </button>
                      </div>
                    </form>
                  </td>
                </tr>
              }
            } @empty {
              @if (!store.loading()) {
                <tr>
                  <td colspan="7" class="empty">No API clients yet.</td>
                </tr>
              }
            }
          </tbody>
        </table>
      </section>

      <section class="card-box create">
        <h2>New API client</h2>
        <form (ngSubmit)="create()" data-testid="create-client">
          <app-form-field
            label="Name"
            [error]="error('name')"
            hint="What the integration is, e.g. Website forms"
          >
            <input
              *appFieldControl
              matInput
              name="name"
              [ngModel]="name()"
              (ngModelChange)="name.set($event)"
            />
          </app-form-field>
          <fieldset class="scopes">
            <legend>Scopes</legend>
            @for (s of scopes; track s.value) {
              <mat-checkbox
                [checked]="chosen().includes(s.value)"
                (change)="toggle(s.value, $event.checked)"
                [attr.data-scope]="s.value"
              >
                <code>{{ s.value }}</code><span class="muted desc">{{ s.description }}</span>
              </mat-checkbox>
            }
            @if (error('scopes'); as e) {
              <p class="field-error" role="alert">{{ e }}</p>
            }
          </fieldset>
          <div class="form-actions">
            <button mat-flat-button type="submit" [disabled]="busy()">Create client</button>
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
    li.ended code {
      text-decoration: line-through;
      color: #8a94a3;
    }
    tr.revoked td {
      color: #8a94a3;
    }
    .actions {
      white-space: nowrap;
    }
    .actions button + button {
      margin-left: 8px;
    }
    .rotate mat-radio-group {
      display: flex;
      flex-direction: column;
    }
    .create {
      margin-top: 16px;
    }
    .scopes {
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
    .scopes legend {
      font-weight: 600;
      margin-bottom: 4px;
    }
  `,
})
export class ClientsPage implements OnInit {
  protected readonly store = inject(ClientsStore);
  protected readonly scopes = SCOPES;
  protected readonly createFields = CREATE_FIELDS;
  protected readonly alertLines = alertLines;
  protected readonly problem = signal<Problem | null>(null);
  protected readonly busy = signal(false);
  protected readonly name = signal('');
  protected readonly chosen = signal<string[]>([]);
  protected readonly rotating = signal<ApiClientDto | null>(null);
  protected readonly endOldNow = signal(false);
  /** Field errors belong to the create form only; other actions' problems go to the alert. */
  private readonly createProblem = signal<Problem | null>(null);
  protected readonly error = (field: string) => fieldError(this.createProblem(), field);
  protected readonly activeSecrets = (c: ApiClientDto) =>
    c.secrets.filter((s) => !s.revokedAt).length;

  ngOnInit(): void {
    void this.store.load();
  }

  protected toggle(scope: string, on: boolean): void {
    this.chosen.update((list) => (on ? [...list, scope] : list.filter((s) => s !== scope)));
  }

  protected async create(): Promise<void> {
    const problem = await this.act(() =>
      this.store.create(
        this.name().trim(),
        SCOPES.map((s) => s.value).filter((s) => this.chosen().includes(s)),
      ),
    );
    this.createProblem.set(problem);
    if (!problem) {
      this.name.set('');
      this.chosen.set([]);
    }
  }

  protected startRotate(client: ApiClientDto): void {
    this.endOldNow.set(false);
    this.rotating.set(client);
  }

  protected async rotate(client: ApiClientDto): Promise<void> {
    const problem = await this.act(() => this.store.rotate(client.id, this.endOldNow()));
    if (!problem) this.rotating.set(null);
  }

  protected async endSecret(client: ApiClientDto, secretId: string, hint: string): Promise<void> {
    if (!confirm(`End secret …${hint} of ${client.name}? Tokens issued with it stop working.`))
      return;
    await this.act(() => this.store.endSecret(client.id, secretId));
  }

  protected async revoke(client: ApiClientDto): Promise<void> {
    if (!confirm(`Revoke ${client.name}? Its secrets and tokens stop working at once.`)) return;
    await this.act(() => this.store.revoke(client.id));
  }

  /** One action at a time; its problem (a 404 explained as the client being gone) replaces the last one. */
  private async act(action: () => Promise<Problem | null>): Promise<Problem | null> {
    this.busy.set(true);
    this.createProblem.set(null);
    const problem = goneOr(await action(), 'API client');
    this.busy.set(false);
    this.problem.set(problem);
    return problem;
  }
}
