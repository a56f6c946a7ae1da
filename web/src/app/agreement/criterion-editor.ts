import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivityType, ChecklistItem, ScoreKind } from '../api/l2r-api';
import { FieldControl, FormField } from '../core/form-field';
import { ACTIVITY_TYPES, activityLabel } from '../core/labels';
import {
  CHECKLIST_ITEMS,
  CRITERION_KINDS,
  CUSTOM_PREFIX,
  EditableCriterion,
  FIELD_KINDS,
  SCORE_KINDS,
  changeKind,
  fieldsFor,
  numberFrom,
  textFrom,
  withChange,
} from './criteria';

const PART_LABELS: Record<string, string> = {
  field: 'Field',
  value: 'Value',
  values: 'Values',
  atLeast: 'At least',
  withinDays: 'Within days',
  days: 'Days in stage',
  description: 'Description',
  id: 'Id',
};

/**
 * One criterion of a guard or a fit rule: a kind, the field it tests, typed inputs for its values, and the
 * plain-language description both teams sign. Problems the API reported for its path show beside each input.
 */
@Component({
  selector: 'app-criterion-editor',
  imports: [
    NgTemplateOutlet,
    FieldControl,
    FormField,
    MatButtonModule,
    MatInputModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="criterion dense-fields" data-testid="criterion" [attr.data-criterion-id]="c().id">
      <div class="row">
        <app-form-field label="Kind" class="w-kind">
          <mat-select
            *appFieldControl
            [value]="c().kind"
            (valueChange)="setKind($event)"
            data-testid="criterion-kind"
          >
            @for (k of kinds(); track k.kind) {
              <mat-option [value]="k.kind">{{ k.label }}</mat-option>
            }
          </mat-select>
        </app-form-field>

        @if (hasField()) {
          <app-form-field label="Field" class="w-field" [invalid]="!!err('field')">
            <mat-select
              *appFieldControl
              [value]="isCustom() ? custom : c().field"
              (valueChange)="set({ field: $event })"
              data-testid="criterion-field"
            >
              @for (f of fields(); track f.name) {
                <mat-option [value]="f.name">{{ f.label }}</mat-option>
              }
              <mat-option [value]="custom">Custom field…</mat-option>
            </mat-select>
          </app-form-field>
          @if (isCustom()) {
            <app-form-field label="Custom field name" class="w-small">
              <input
                *appFieldControl
                matInput
                [value]="customName()"
                (input)="set({ field: custom + text($event).trim() })"
                data-testid="criterion-custom-field"
              />
            </app-form-field>
          }
        }

        @switch (c().kind) {
          @case ('fieldEquals') {
            <ng-container *ngTemplateOutlet="textValue" />
          }
          @case ('fieldContains') {
            <ng-container *ngTemplateOutlet="textValue" />
          }
          @case ('fieldIn') {
            <app-form-field
              label="Values, separated by commas"
              class="w-wide"
              [invalid]="!!err('values')"
            >
              <input
                *appFieldControl
                matInput
                [value]="(c().values ?? []).join(', ')"
                (change)="setValues($event)"
                data-testid="criterion-values"
              />
            </app-form-field>
          }
          @case ('scoreAtLeast') {
            <app-form-field label="Score" class="w-small">
              <mat-select
                *appFieldControl
                [value]="c().score"
                (valueChange)="set({ score: $event })"
                data-testid="criterion-score"
              >
                @for (s of scoreKinds; track s) {
                  <mat-option [value]="s">{{ s }}</mat-option>
                }
              </mat-select>
            </app-form-field>
            <ng-container *ngTemplateOutlet="numberValue; context: { label: 'At least' }" />
          }
          @case ('numberAtLeast') {
            <ng-container *ngTemplateOutlet="numberValue; context: { label: 'At least' }" />
          }
          @case ('numberAtMost') {
            <ng-container *ngTemplateOutlet="numberValue; context: { label: 'At most' }" />
          }
          @case ('activityCount') {
            <app-form-field label="Activity" class="w-field">
              <mat-select
                *appFieldControl
                [value]="c().activityType ?? ''"
                (valueChange)="set({ activityType: $event || null })"
                data-testid="criterion-activity"
              >
                <mat-option value="">Any activity</mat-option>
                @for (t of activityTypes; track t) {
                  <mat-option [value]="t">{{ activityLabel(t) }}</mat-option>
                }
              </mat-select>
            </app-form-field>
            <ng-container
              *ngTemplateOutlet="
                number;
                context: { key: 'atLeast', label: 'At least (times)', min: 1 }
              "
            />
            <ng-container
              *ngTemplateOutlet="
                number;
                context: { key: 'withinDays', label: 'Within days', min: 1 }
              "
            />
          }
          @case ('timeInStage') {
            <ng-container
              *ngTemplateOutlet="number; context: { key: 'days', label: 'Days in stage', min: 0 }"
            />
          }
          @case ('checklistConfirmed') {
            <app-form-field label="Checklist item" class="w-small">
              <mat-select
                *appFieldControl
                [value]="c().item"
                (valueChange)="set({ item: $event })"
                data-testid="criterion-item"
              >
                @for (i of checklistItems; track i) {
                  <mat-option [value]="i">{{ i }}</mat-option>
                }
              </mat-select>
            </app-form-field>
          }
        }
        <app-form-field
          label="Description (what both teams read)"
          class="w-grow"
          [invalid]="!!err('description')"
        >
          <input
            *appFieldControl
            matInput
            [value]="c().description"
            (input)="emitRaw({ description: text($event) })"
            data-testid="criterion-description"
          />
        </app-form-field>
        <app-form-field label="Id" class="w-small" [invalid]="!!err('id')">
          <input
            *appFieldControl
            matInput
            [value]="c().id"
            (input)="emitRaw({ id: text($event).trim() })"
            data-testid="criterion-id"
          />
        </app-form-field>
        <button
          mat-button
          type="button"
          (click)="removed.emit()"
          [attr.aria-label]="'Remove criterion ' + (c().description || c().id)"
          data-testid="remove-criterion"
        >
          Remove
        </button>
      </div>
      @for (line of problems(); track $index) {
        <div class="field-error" role="alert">{{ line }}</div>
      }
    </div>

    <ng-template #textValue>
      <app-form-field label="Value" class="w-field" [invalid]="!!err('value')">
        <input
          *appFieldControl
          matInput
          [value]="c().value ?? ''"
          (input)="set({ value: text($event) })"
          data-testid="criterion-value"
        />
      </app-form-field>
    </ng-template>
    <ng-template #numberValue let-label="label">
      <ng-container
        *ngTemplateOutlet="number; context: { key: 'value', label: label, min: null }"
      />
    </ng-template>
    <ng-template #number let-key="key" let-label="label" let-min="min">
      <app-form-field [label]="label" class="w-num" [invalid]="!!err(key)">
        <input
          *appFieldControl
          matInput
          type="number"
          [attr.min]="min"
          [value]="numberOf(key)"
          (input)="setNumber(key, $event)"
          [attr.data-testid]="key === 'value' ? 'criterion-value' : 'criterion-' + key"
        />
      </app-form-field>
    </ng-template>
  `,
  styles: `
    .criterion {
      border-left: 3px solid #c5d3e6;
      padding: 6px 0 6px 10px;
      margin: 6px 0;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 6px 8px;
      align-items: flex-start;
    }
    .w-kind {
      width: 215px;
    }
    .w-field {
      width: 175px;
    }
    .w-small {
      width: 140px;
    }
    .w-num {
      width: 125px;
    }
    .w-wide {
      width: 260px;
    }
    .w-grow {
      flex: 1;
      min-width: 220px;
    }
  `,
})
export class CriterionEditor {
  readonly criterion = input.required<EditableCriterion>();
  /** Where the criterion sits in the agreement, e.g. `transitions[1].criteria[0]`, to find its errors. */
  readonly path = input.required<string>();
  readonly errors = input<Record<string, string[]>>({});
  /** A fit rule's condition: only kinds and fields that describe who the lead is. */
  readonly fit = input(false);
  readonly changed = output<EditableCriterion>();
  readonly removed = output<void>();

  protected readonly custom = CUSTOM_PREFIX;
  protected readonly scoreKinds: ScoreKind[] = SCORE_KINDS;
  protected readonly checklistItems: ChecklistItem[] = CHECKLIST_ITEMS;
  protected readonly activityTypes: ActivityType[] = ACTIVITY_TYPES;
  protected readonly activityLabel = activityLabel;
  protected readonly text = textFrom;

  protected readonly c = this.criterion;
  protected readonly kinds = computed(() => CRITERION_KINDS.filter((k) => !this.fit() || k.fit));
  protected readonly hasField = computed(() => FIELD_KINDS.has(this.c().kind));
  protected readonly fields = computed(() => fieldsFor(this.c().kind, this.fit()));
  protected readonly isCustom = computed(() => (this.c().field ?? '').startsWith(CUSTOM_PREFIX));
  protected readonly customName = computed(() =>
    (this.c().field ?? '').slice(CUSTOM_PREFIX.length),
  );

  /** The API's messages for this criterion, under its row: "Threshold: cannot be negative". */
  protected readonly problems = computed(() => {
    const path = this.path();
    return Object.entries(this.errors())
      .filter(([key]) => key === path || key.startsWith(`${path}.`))
      .flatMap(([key, messages]) => {
        const part = key.slice(path.length + 1);
        const label = PART_LABELS[part] ?? part;
        return messages.map((m) => (label ? `${label}: ${m}` : m));
      });
  });

  protected err(key: string): string | null {
    const path = key ? `${this.path()}.${key}` : this.path();
    return this.errors()[path]?.join(' ') || null;
  }

  protected numberOf(key: string): number | string {
    const v = (this.c() as unknown as Record<string, unknown>)[key];
    return typeof v === 'number' ? v : '';
  }

  protected setKind(kind: string): void {
    const current = this.c();
    this.changed.emit(withChange(current, changeKind(current, kind)));
  }

  protected setNumber(key: string, event: Event): void {
    const value = numberFrom(event);
    if (value !== undefined) this.set({ [key]: value });
  }

  protected setValues(event: Event): void {
    const values = textFrom(event)
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    this.set({ values });
  }

  /** A change to what the criterion tests: a generated description follows it. */
  protected set(patch: Partial<EditableCriterion>): void {
    const current = this.c();
    this.changed.emit(withChange(current, { ...current, ...patch }));
  }

  /** A change to the wording or id: taken as typed. */
  protected emitRaw(patch: Partial<EditableCriterion>): void {
    this.changed.emit({ ...this.c(), ...patch });
  }
}
