import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { LeadState, LeadTrigger, Role, SlaTerm } from '../api/l2r-api';
import { FieldControl, FormField } from '../core/form-field';
import {
  STATE_ORDER,
  TOUCH_TYPES,
  TRIGGER_PATHS,
  activityLabel,
  stateLabel,
  triggerLabel,
} from '../core/labels';
import { numberFrom, textFrom } from './criteria';
import { DraftStore } from './draft-store';

/** A clock can start, and pause, only in a stage a lead can still leave. */
export const OPEN_STAGES: LeadState[] = STATE_ORDER.filter(
  (s) => !['Won', 'Lost', 'Disqualified'].includes(s),
);
const ROLES: Role[] = ['Admin', 'Marketing', 'Sales'];

/** The decisions that can meet a term: the moves out of its start stage. */
export const stopTriggersFrom = (stage: LeadState | undefined): LeadTrigger[] =>
  (Object.keys(TRIGGER_PATHS) as LeadTrigger[]).filter((t) =>
    TRIGGER_PATHS[t].from.includes(stage ?? 'MQL'),
  );

/** One SLA term: where its clock starts, what meets it, its target and warning, what a breach does, what pauses it. */
@Component({
  selector: 'app-draft-sla-term',
  imports: [
    FieldControl,
    FormField,
    MatButtonModule,
    MatCheckboxModule,
    MatInputModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="term" [attr.data-path]="path()" data-testid="sla-term">
      <legend>{{ term().name || term().id || 'New term' }}</legend>
      <div class="row">
        <app-form-field label="Id" [error]="errorAt('id')">
          <input
            *appFieldControl
            matInput
            [value]="term().id"
            (input)="set({ id: text($event) })"
            data-testid="term-id"
          />
        </app-form-field>
        <app-form-field label="Name" [error]="errorAt('name')" class="wide">
          <input
            *appFieldControl
            matInput
            [value]="term().name ?? ''"
            (input)="set({ name: text($event) })"
            data-testid="term-name"
          />
        </app-form-field>
        <app-form-field label="Clock starts on entering" [error]="errorAt('startStage')">
          <mat-select
            *appFieldControl
            [value]="term().startStage ?? 'MQL'"
            (valueChange)="setStart($event)"
            data-testid="term-start"
          >
            @for (s of openStages; track s) {
              <mat-option [value]="s">{{ stateLabel(s) }}</mat-option>
            }
          </mat-select>
        </app-form-field>
      </div>
      <div class="row">
        <app-form-field label="Met by the decision" [error]="errorAt('stopTriggers')" class="wide">
          <mat-select
            *appFieldControl
            multiple
            [value]="term().stopTriggers ?? []"
            (valueChange)="set({ stopTriggers: $event })"
            data-testid="term-stop-triggers"
          >
            @for (t of triggers(); track t) {
              <mat-option [value]="t">{{ triggerLabel(t) }}</mat-option>
            }
          </mat-select>
        </app-form-field>
        <app-form-field label="…or by the touch" [error]="errorAt('stopTouches')" class="wide">
          <mat-select
            *appFieldControl
            multiple
            [value]="term().stopTouches ?? []"
            (valueChange)="set({ stopTouches: $event })"
            data-testid="term-stop-touches"
          >
            @for (t of touches(); track t) {
              <mat-option [value]="t">{{ activityLabel(t) }}</mat-option>
            }
          </mat-select>
        </app-form-field>
      </div>
      <div class="row">
        <app-form-field label="Target (hours)" [error]="errorAt('targetHours')" class="num">
          <input
            *appFieldControl
            matInput
            type="number"
            min="0"
            step="0.5"
            [value]="term().targetHours ?? ''"
            (input)="setNumber('targetHours', $event)"
            data-testid="term-target"
          />
        </app-form-field>
        <app-form-field label="Counted in" [error]="errorAt('basis')" class="wide">
          <mat-select
            *appFieldControl
            [value]="term().basis ?? 'BusinessHours'"
            (valueChange)="set({ basis: $event })"
            data-testid="term-basis"
          >
            <mat-option value="BusinessHours">Business hours (tenant calendar)</mat-option>
            <mat-option value="CalendarHours">Calendar hours (around the clock)</mat-option>
          </mat-select>
        </app-form-field>
        <app-form-field
          label="Warn at (% of target)"
          [error]="errorAt('warningPercent')"
          class="num"
        >
          <input
            *appFieldControl
            matInput
            type="number"
            min="1"
            max="99"
            [value]="term().warningPercent ?? ''"
            (input)="setNumber('warningPercent', $event)"
            data-testid="term-warning"
          />
        </app-form-field>
      </div>
      <div class="row">
        <app-form-field label="On breach, escalate to" [error]="errorAt('onBreach.escalateTo')">
          <mat-select
            *appFieldControl
            [value]="term().onBreach?.escalateTo ?? 'TeamLead'"
            (valueChange)="setBreach({ escalateTo: $event })"
            data-testid="term-escalate"
          >
            <mat-option value="TeamLead">The owner's team lead</mat-option>
            <mat-option value="Role">Everyone with a role</mat-option>
          </mat-select>
        </app-form-field>
        @if (term().onBreach?.escalateTo === 'Role') {
          <app-form-field label="Role" [error]="errorAt('onBreach.role')">
            <mat-select
              *appFieldControl
              [value]="term().onBreach?.role"
              (valueChange)="setBreach({ role: $event })"
              data-testid="term-role"
            >
              @for (r of roles; track r) {
                <mat-option [value]="r">{{ r }}</mat-option>
              }
            </mat-select>
          </app-form-field>
        }
        <mat-checkbox
          [checked]="!!term().onBreach?.reassign"
          (change)="setBreach({ reassign: $event.checked })"
          data-testid="term-reassign"
          >Reassign to the next rep in the rotation (once routing exists)</mat-checkbox
        >
      </div>
      <div class="row">
        <app-form-field label="Paused while in" [error]="errorAt('pausingStages')" class="wide">
          <mat-select
            *appFieldControl
            multiple
            [value]="term().pausingStages ?? []"
            (valueChange)="set({ pausingStages: $event })"
            data-testid="term-pausing"
          >
            @for (s of pausingOptions(); track s) {
              <mat-option [value]="s">{{ stateLabel(s) }}</mat-option>
            }
          </mat-select>
        </app-form-field>
        <button mat-button type="button" (click)="remove()" data-testid="remove-term">
          Remove term
        </button>
      </div>
    </fieldset>
  `,
  styles: `
    .term {
      border: 1px solid #d5dbe3;
      border-radius: 8px;
      padding: 8px 12px;
      margin: 0 0 12px;
    }
    .row > mat-checkbox,
    .row > button {
      margin-top: 8px;
    }
    legend {
      font-weight: 600;
      padding: 0 4px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: flex-start;
      margin-bottom: 4px;
    }
    app-form-field {
      width: 220px;
    }
    app-form-field.wide {
      width: 320px;
    }
    app-form-field.num {
      width: 160px;
    }
  `,
})
export class DraftSlaTerm {
  readonly term = input.required<SlaTerm>();
  readonly index = input.required<number>();
  private readonly store = inject(DraftStore);

  protected readonly openStages = OPEN_STAGES;
  protected readonly roles = ROLES;
  protected readonly stateLabel = stateLabel;
  protected readonly triggerLabel = triggerLabel;
  protected readonly activityLabel = activityLabel;
  protected readonly text = textFrom;

  protected readonly path = computed(() => `slas.terms[${this.index()}]`);
  protected readonly triggers = computed(() => stopTriggersFrom(this.term().startStage));
  protected readonly pausingOptions = computed(() =>
    OPEN_STAGES.filter((s) => s !== (this.term().startStage ?? 'MQL')),
  );
  /** The rep's touches, plus any other type a stored term already names, so nothing is hidden. */
  protected readonly touches = computed(() => [
    ...new Set([...TOUCH_TYPES, ...(this.term().stopTouches ?? [])]),
  ]);

  protected errorAt(field: string): string | null {
    return this.store.errorAt(`${this.path()}.${field}`);
  }

  protected set(patch: Partial<SlaTerm>): void {
    this.store.edit((a) => Object.assign(a.slas.terms![this.index()], patch));
  }

  protected setNumber(key: 'targetHours' | 'warningPercent', event: Event): void {
    const value = numberFrom(event);
    if (value !== undefined) this.set({ [key]: value as number });
  }

  /** A new start stage keeps only the decisions and pauses that still make sense from it. */
  protected setStart(stage: LeadState): void {
    const valid = stopTriggersFrom(stage);
    this.store.edit((a) => {
      const term = a.slas.terms![this.index()];
      term.startStage = stage;
      term.stopTriggers = (term.stopTriggers ?? []).filter((t) => valid.includes(t));
      term.pausingStages = (term.pausingStages ?? []).filter((s) => s !== stage);
    });
  }

  protected setBreach(patch: Partial<NonNullable<SlaTerm['onBreach']>>): void {
    this.store.edit((a) => {
      const term = a.slas.terms![this.index()];
      term.onBreach = { ...term.onBreach, ...patch };
      if (term.onBreach.escalateTo !== 'Role') delete term.onBreach.role;
    });
  }

  protected remove(): void {
    this.store.edit((a) => a.slas.terms!.splice(this.index(), 1), { structural: true });
  }
}
