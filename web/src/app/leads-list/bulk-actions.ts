import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { LeadTrigger } from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import { FieldControl, FormField } from '../core/form-field';
import { TRIGGER_PATHS, stateLabel, triggerLabel } from '../core/labels';
import { problemLines } from '../core/problem';
import { MoveFlow } from '../moves/move-flow';
import { LeadsListStore, Outcome } from './leads-list-store';

const OUTCOME_LABELS: Record<string, string> = {
  Moved: 'Moved',
  Updated: 'Updated',
  Unchanged: 'Unchanged',
  Refused: 'Refused',
  NotFound: 'Not found',
};

/** Actions on the selected leads, each answered lead by lead: assign an owner, fire one trigger, set the campaign. */
@Component({
  selector: 'app-bulk-actions',
  imports: [RouterLink, FieldControl, FormField, MatButtonModule, MatInputModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.selected().size) {
      <section class="bulk card-box" aria-label="Bulk actions" data-testid="bulk-actions">
        <strong>{{ store.selected().size }} selected</strong>
        <button mat-button type="button" (click)="store.clearSelection()">Clear selection</button>
        @if (canAssign()) {
          <span class="group">
            <app-form-field label="Owner" subscriptSizing="dynamic">
              <mat-select
                *appFieldControl
                [value]="owner()"
                (valueChange)="owner.set($event)"
                data-testid="bulk-owner"
              >
                <mat-option [value]="me()">Me</mat-option>
                <mat-option value="">Nobody (unassign)</mat-option>
                @for (o of otherOwners(); track o.id) {
                  <mat-option [value]="o.id">{{ o.name }}</mat-option>
                }
              </mat-select>
            </app-form-field>
            <button
              mat-stroked-button
              type="button"
              [disabled]="store.busy() || owner() === null"
              (click)="assign()"
              data-testid="bulk-assign"
            >
              Assign
            </button>
          </span>
        }
        <span class="group">
          <app-form-field label="Move">
            <mat-select
              *appFieldControl
              [value]="trigger()"
              (valueChange)="trigger.set($event)"
              data-testid="bulk-trigger"
            >
              @for (t of triggers; track t) {
                <mat-option [value]="t">{{ triggerLabel(t) }} → {{ target(t) }}</mat-option>
              }
            </mat-select>
          </app-form-field>
          <button
            mat-stroked-button
            type="button"
            [disabled]="store.busy() || !trigger()"
            (click)="move()"
            data-testid="bulk-move"
          >
            Move
          </button>
        </span>
        <span class="group">
          <app-form-field label="Campaign" hint="Empty clears it">
            <input
              *appFieldControl
              matInput
              [value]="campaign()"
              (input)="campaign.set($any($event.target).value)"
              data-testid="bulk-campaign"
            />
          </app-form-field>
          <button
            mat-stroked-button
            type="button"
            [disabled]="store.busy()"
            (click)="setCampaign()"
            data-testid="bulk-set-campaign"
          >
            Set campaign
          </button>
        </span>
      </section>
    }
    @if (failure(); as lines) {
      <div class="error-box" role="alert">{{ lines.join('\\n') }}</div>
    }
    @if (store.bulkReport(); as report) {
      <section class="card-box report" aria-label="Bulk result" data-testid="bulk-report">
        <div class="head">
          <span
            ><strong>{{ report.action }}</strong
            >: {{ report.result.changed }} changed, {{ report.result.failed }} not</span
          >
          <button mat-button type="button" (click)="store.bulkReport.set(null)">Dismiss</button>
        </div>
        <table class="plain">
          <thead>
            <tr>
              <th>Lead</th>
              <th>Result</th>
              <th>Stage now</th>
              <th>Why not</th>
            </tr>
          </thead>
          <tbody>
            @for (r of report.result.results; track r.leadId) {
              <tr [attr.data-outcome]="r.outcome" data-testid="bulk-row">
                <td>
                  <a [routerLink]="['/leads', r.leadId]">{{ report.names[r.leadId] }}</a>
                </td>
                <td [class.fail]="r.outcome === 'Refused' || r.outcome === 'NotFound'">
                  {{ outcomeLabel(r.outcome) }}
                </td>
                <td>{{ stateLabel(r.state) }}</td>
                <td>
                  @if (r.problem; as p) {
                    {{ p.title }}
                    @if (p.detail && p.detail !== p.title) {
                      <div class="muted">{{ p.detail }}</div>
                    }
                    @for (c of p.criteria ?? []; track c.id) {
                      @if (!c.passed) {
                        <div class="fail">
                          ✗ {{ c.description }}{{ c.actual ? ' — ' + c.actual : '' }}
                        </div>
                      }
                    }
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </section>
    }
  `,
  styles: `
    .bulk {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
    .group {
      display: inline-flex;
      align-items: center;
      gap: 8px;
    }
    .report .head {
      display: flex;
      align-items: center;
      gap: 6px;
    }
  `,
})
export class BulkActions {
  protected readonly store = inject(LeadsListStore);
  private readonly auth = inject(AuthStore);
  private readonly moves = inject(MoveFlow);
  protected readonly triggers = Object.keys(TRIGGER_PATHS) as LeadTrigger[];
  protected readonly triggerLabel = triggerLabel;
  protected readonly stateLabel = stateLabel;
  protected readonly outcomeLabel = (o: string) => OUTCOME_LABELS[o] ?? o;
  /** The API lets Sales and Admins assign owners; Marketing would only meet a 403. */
  protected readonly canAssign = computed(() => this.auth.hasRole('Sales', 'Admin'));
  protected readonly me = computed(() => this.auth.user()?.id ?? '');
  protected readonly otherOwners = computed(() =>
    this.store.owners().filter((o) => o.id !== this.me()),
  );
  /** '' = unassign; null = nothing chosen yet. */
  protected readonly owner = signal<string | null>(null);
  protected readonly trigger = signal<LeadTrigger | null>(null);
  protected readonly campaign = signal('');
  protected readonly failure = signal<string[] | null>(null);

  protected target(t: LeadTrigger): string {
    return stateLabel(TRIGGER_PATHS[t].to);
  }

  protected assign(): Promise<void> {
    const id = this.owner();
    if (id === null) return Promise.resolve();
    const name =
      id === ''
        ? 'nobody'
        : id === this.me()
          ? 'me'
          : (this.otherOwners().find((o) => o.id === id)?.name ?? id);
    return this.show(this.store.assignOwner(id || null, name));
  }

  /** One trigger, and when the agreement asks for one, one reason, for every selected lead. */
  protected async move(): Promise<void> {
    const trigger = this.trigger();
    if (!trigger) return;
    const reasons = await this.store.reasonsFor(trigger);
    const count = this.store.selected().size;
    const subject = `${count} lead${count === 1 ? '' : 's'}`;
    const reason = reasons
      ? await this.moves.reason(`${triggerLabel(trigger)}: ${subject}`, subject, reasons)
      : {};
    if (!reason) return; // cancelled
    await this.show(this.store.fireTrigger(trigger, reason, triggerLabel(trigger)));
  }

  protected setCampaign(): Promise<void> {
    return this.show(this.store.setCampaign(this.campaign()));
  }

  private async show(action: Promise<Outcome<unknown>>): Promise<void> {
    this.failure.set(null);
    const outcome = await action;
    if (!outcome.ok) this.failure.set(problemLines(outcome.problem));
  }
}
