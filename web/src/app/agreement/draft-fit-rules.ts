import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { FieldCriterion, LeadAgreement } from '../api/l2r-api';
import { FieldControl, FormField } from '../core/form-field';
import { CriterionEditor } from './criterion-editor';
import { EditableCriterion, freshId, numberFrom } from './criteria';
import { DraftStore } from './draft-store';

/** Fit scoring: the points a lead gains (or loses) when a condition about who it is holds. */
@Component({
  selector: 'app-draft-fit-rules',
  imports: [CriterionEditor, FieldControl, FormField, MatButtonModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box">
      <h2>Fit scoring</h2>
      <p class="muted">
        When a condition holds, the lead's fit score gains the points (may be negative).
      </p>
      @for (r of agreement().scoring.fitRules ?? []; track $index; let i = $index) {
        <div
          class="fit-rule"
          data-testid="fit-rule"
          [attr.data-path]="'scoring.fitRules[' + i + ']'"
        >
          <app-form-field
            label="Points"
            class="w-num"
            [error]="store.errorAt('scoring.fitRules[' + i + '].points')"
          >
            <input
              *appFieldControl
              matInput
              type="number"
              [value]="r.points ?? ''"
              (input)="setPoints(i, $event)"
              data-testid="fit-points"
            />
          </app-form-field>
          <app-criterion-editor
            class="grow"
            [criterion]="r.condition!"
            [path]="'scoring.fitRules[' + i + '].condition'"
            [errors]="store.errors()"
            [fit]="true"
            (changed)="setCondition(i, $event)"
            (removed)="remove(i)"
          />
        </div>
        @if (store.errorAt('scoring.fitRules[' + i + '].id'); as e) {
          <div class="field-error">{{ e }}</div>
        }
      } @empty {
        <p class="muted">No fit rules: every lead's fit score is 0.</p>
      }
      <button mat-stroked-button type="button" (click)="add()" data-testid="add-fit-rule">
        Add fit rule
      </button>
    </section>
  `,
  styles: `
    .fit-rule {
      display: flex;
      gap: 8px;
      align-items: flex-start;
    }
    .w-num {
      width: 110px;
      margin-top: 6px;
    }
    .grow {
      flex: 1;
      min-width: 0;
    }
  `,
})
export class DraftFitRules {
  readonly agreement = input.required<LeadAgreement>();
  protected readonly store = inject(DraftStore);

  protected setCondition(i: number, c: EditableCriterion): void {
    this.store.edit((a) => {
      const rule = a.scoring.fitRules![i];
      // A fit rule and its condition share one id, as in the default agreement.
      if (rule.id === rule.condition?.id) rule.id = c.id;
      rule.condition = c as FieldCriterion;
    });
  }

  protected setPoints(i: number, event: Event): void {
    const points = numberFrom(event);
    if (points !== undefined)
      this.store.edit((a) => (a.scoring.fitRules![i].points = points as number));
  }

  protected remove(i: number): void {
    this.store.edit((a) => a.scoring.fitRules!.splice(i, 1), { structural: true });
  }

  protected add(): void {
    this.store.edit(
      (a) => {
        const rules = (a.scoring.fitRules ??= []);
        const id = freshId(
          'fit',
          rules.map((r) => r.id),
        );
        rules.push({
          id,
          points: 10,
          condition: {
            kind: 'numberAtLeast',
            id,
            field: 'companySize',
            value: 100,
            description: 'Company size at least 100',
          } as FieldCriterion,
        });
      },
      { structural: true },
    );
  }
}
