import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivityType, LeadAgreement } from '../api/l2r-api';
import { FieldControl, FormField } from '../core/form-field';
import { ACTIVITY_TYPES, activityLabel } from '../core/labels';
import { numberFrom } from './criteria';
import { DraftStore } from './draft-store';

/** Engagement scoring: what each kind of activity is worth, and how fast that fades. */
@Component({
  selector: 'app-draft-engagement-rules',
  imports: [FieldControl, FormField, MatButtonModule, MatInputModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box">
      <h2>Engagement scoring</h2>
      <p class="muted">Each activity is worth its points, halving every half-life.</p>
      @if (store.errorAt('scoring.engagementRules'); as e) {
        <div class="field-error">{{ e }}</div>
      }
      <table class="plain">
        <thead>
          <tr>
            <th>Activity</th>
            <th>Points</th>
            <th>Half-life (days)</th>
            <th><span class="visually-hidden">Remove</span></th>
          </tr>
        </thead>
        <tbody>
          @for (r of agreement().scoring.engagementRules ?? []; track $index; let i = $index) {
            <tr
              data-testid="engagement-rule"
              [attr.data-path]="'scoring.engagementRules[' + i + ']'"
            >
              <td>
                <app-form-field label="Activity">
                  <mat-select
                    *appFieldControl
                    [value]="r.activityType"
                    (valueChange)="set(i, { activityType: $event })"
                  >
                    @for (t of activityTypes; track t) {
                      <mat-option [value]="t">{{ activityLabel(t) }}</mat-option>
                    }
                  </mat-select>
                </app-form-field>
              </td>
              <td>
                <app-form-field
                  label="Points"
                  class="w-num"
                  [error]="store.errorAt('scoring.engagementRules[' + i + '].points')"
                >
                  <input
                    *appFieldControl
                    matInput
                    type="number"
                    [value]="r.points ?? ''"
                    (input)="setNumber(i, 'points', $event)"
                  />
                </app-form-field>
              </td>
              <td>
                <app-form-field
                  label="Half-life"
                  class="w-num"
                  [error]="store.errorAt('scoring.engagementRules[' + i + '].halfLifeDays')"
                >
                  <input
                    *appFieldControl
                    matInput
                    type="number"
                    min="0"
                    [value]="r.halfLifeDays ?? ''"
                    (input)="setNumber(i, 'halfLifeDays', $event)"
                    data-testid="half-life"
                  />
                </app-form-field>
              </td>
              <td>
                <button mat-button type="button" (click)="remove(i)">Remove</button>
              </td>
            </tr>
          }
        </tbody>
      </table>
      <button
        mat-stroked-button
        type="button"
        (click)="add()"
        [disabled]="!unusedActivity()"
        data-testid="add-engagement-rule"
      >
        Add engagement rule
      </button>
    </section>
  `,
  styles: `
    .w-num {
      width: 110px;
    }
  `,
})
export class DraftEngagementRules {
  readonly agreement = input.required<LeadAgreement>();
  protected readonly store = inject(DraftStore);
  protected readonly activityTypes: ActivityType[] = ACTIVITY_TYPES;
  protected readonly activityLabel = activityLabel;

  /** Each activity has at most one rule: the next one to add is the first without. */
  protected readonly unusedActivity = computed(() => {
    const used = new Set(
      (this.agreement().scoring.engagementRules ?? []).map((r) => r.activityType),
    );
    return this.activityTypes.find((t) => !used.has(t)) ?? null;
  });

  protected set(i: number, patch: Record<string, unknown>): void {
    this.store.edit((a) => Object.assign(a.scoring.engagementRules![i], patch));
  }

  protected setNumber(i: number, key: 'points' | 'halfLifeDays', event: Event): void {
    const value = numberFrom(event);
    if (value !== undefined) this.set(i, { [key]: value });
  }

  protected remove(i: number): void {
    this.store.edit((a) => a.scoring.engagementRules!.splice(i, 1), { structural: true });
  }

  protected add(): void {
    const type = this.unusedActivity();
    if (!type) return;
    this.store.edit(
      (a) =>
        (a.scoring.engagementRules ??= []).push({
          activityType: type,
          points: 5,
          halfLifeDays: 30,
        }),
      { structural: true },
    );
  }
}
