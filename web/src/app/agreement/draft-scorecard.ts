import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { LeadAgreement, ScorecardGoal, ScorecardMeasure } from '../api/l2r-api';
import { FieldControl, FormField } from '../core/form-field';
import { numberFrom, textFrom } from './criteria';
import { DraftStore } from './draft-store';
import { MEASURES, describeGoal, isHours } from './scorecard-measures';

/** The most goals a scorecard holds (the server's `Scorecard.MaxGoals`): a shared focus, not a dashboard. */
export const MAX_GOALS = 8;

/**
 * The shared goals both teams sign with the agreement. Shares are typed as percentages and stored from 0 to 1, as the
 * API keeps them; hours are hours.
 */
@Component({
  selector: 'app-draft-scorecard',
  imports: [FieldControl, FormField, MatButtonModule, MatInputModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" data-path="scorecard" data-testid="draft-scorecard">
      <h2>Shared scorecard</h2>
      <p class="muted">
        The goals marketing and sales sign together. The Metrics page and every review brief show
        each goal against its target; a period with fewer cases than the goal's sample gives no
        verdict.
      </p>
      @if (store.errorAt('scorecard.goals'); as e) {
        <div class="field-error">{{ e }}</div>
      }
      @for (goal of goals(); track $index; let i = $index) {
        <div class="goal" [attr.data-path]="'scorecard.goals[' + i + ']'" data-testid="goal">
          <app-form-field label="Measure" [error]="errorAt(i, 'measure')" class="wide">
            <mat-select
              *appFieldControl
              [value]="goal.measure"
              (valueChange)="setMeasure(i, $event)"
              data-testid="goal-measure"
            >
              @for (m of measures; track m.measure) {
                <mat-option [value]="m.measure">{{ m.name }}</mat-option>
              }
            </mat-select>
          </app-form-field>
          <app-form-field
            [label]="
              hours(goal.measure)
                ? 'Target (hours, at most)'
                : higher(goal.measure)
                  ? 'Target (%, at least)'
                  : 'Target (%, at most)'
            "
            [error]="errorAt(i, 'target')"
            class="num"
          >
            <input
              *appFieldControl
              matInput
              type="number"
              min="0"
              [value]="shown(goal)"
              (input)="setTarget(i, $event)"
              data-testid="goal-target"
            />
          </app-form-field>
          <app-form-field
            label="Judged on at least (cases)"
            [error]="errorAt(i, 'minimumSample')"
            class="num"
          >
            <input
              *appFieldControl
              matInput
              type="number"
              min="1"
              [value]="goal.minimumSample"
              (input)="setSample(i, $event)"
              data-testid="goal-sample"
            />
          </app-form-field>
          <app-form-field label="Label (optional)" [error]="errorAt(i, 'label')">
            <input
              *appFieldControl
              matInput
              [value]="goal.label ?? ''"
              (input)="set(i, { label: text($event) || undefined })"
              data-testid="goal-label"
            />
          </app-form-field>
          <span class="said" data-testid="goal-said">{{ describe(goal) }}</span>
          <button mat-button type="button" (click)="remove(i)" data-testid="remove-goal">
            Remove
          </button>
        </div>
      }
      <button
        mat-stroked-button
        type="button"
        (click)="add()"
        [disabled]="goals().length >= maxGoals"
        data-testid="add-goal"
      >
        Add goal
      </button>
    </section>
  `,
  styles: `
    .goal {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: flex-start;
      border-bottom: 1px solid #e3e7ed;
      padding: 8px 0;
    }
    app-form-field {
      width: 200px;
    }
    app-form-field.wide {
      width: 280px;
    }
    app-form-field.num {
      width: 170px;
    }
    .said {
      margin-top: 14px;
      font-weight: 600;
    }
    .goal > button {
      margin-top: 8px;
    }
  `,
})
export class DraftScorecard {
  readonly agreement = input.required<LeadAgreement>();
  protected readonly store = inject(DraftStore);
  protected readonly measures = MEASURES;
  protected readonly maxGoals = MAX_GOALS;
  protected readonly hours = isHours;
  protected readonly describe = describeGoal;
  protected readonly text = textFrom;
  protected readonly goals = computed(() => this.agreement().scorecard?.goals ?? []);

  protected higher(measure: ScorecardMeasure): boolean {
    return MEASURES.find((m) => m.measure === measure)?.higherIsBetter ?? true;
  }

  protected errorAt(index: number, field: string): string | null {
    return this.store.errorAt(`scorecard.goals[${index}].${field}`);
  }

  /** A share shows as a percentage (0.6 as 60) so nobody signs "0.6%" by mistake. */
  protected shown(goal: ScorecardGoal): number {
    return isHours(goal.measure) ? goal.target : Math.round(goal.target * 1000) / 10;
  }

  protected setTarget(index: number, event: Event): void {
    const value = numberFrom(event);
    if (value === undefined) return;
    const measure = this.goals()[index].measure;
    this.set(index, { target: isHours(measure) ? (value as number) : (value as number) / 100 });
  }

  protected setSample(index: number, event: Event): void {
    const value = numberFrom(event);
    if (value !== undefined) this.set(index, { minimumSample: value as number });
  }

  /** Switching between a share and hours would misread the number typed, so the target starts again from the measure's default. */
  protected setMeasure(index: number, measure: ScorecardMeasure): void {
    const before = this.goals()[index].measure;
    const target =
      isHours(before) === isHours(measure) ? this.goals()[index].target : defaultTarget(measure);
    this.set(index, { measure, target, id: idFor(measure, this.takenIds(index)) });
  }

  protected set(index: number, patch: Partial<ScorecardGoal>): void {
    this.store.edit((a) => Object.assign(a.scorecard.goals[index], patch));
  }

  protected add(): void {
    const measure =
      MEASURES.find((m) => !this.goals().some((g) => g.measure === m.measure))?.measure ??
      'MqlAcceptanceRate';
    const goal: ScorecardGoal = {
      id: idFor(measure, this.takenIds(-1)),
      measure,
      target: defaultTarget(measure),
      minimumSample: 10,
    };
    this.store.edit((a) => (a.scorecard ??= { goals: [] }).goals.push(goal), { structural: true });
  }

  protected remove(index: number): void {
    this.store.edit((a) => a.scorecard.goals.splice(index, 1), { structural: true });
  }

  private takenIds(except: number): Set<string> {
    return new Set(
      this.goals()
        .filter((_, i) => i !== except)
        .map((g) => g.id),
    );
  }
}

function defaultTarget(measure: ScorecardMeasure): number {
  return MEASURES.find((m) => m.measure === measure)!.suggested;
}

/** Ids are kept by the diff to tell a changed goal from a new one; derived from the measure, unique in the card. */
function idFor(measure: ScorecardMeasure, taken: Set<string>): string {
  const base = measure.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase());
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
