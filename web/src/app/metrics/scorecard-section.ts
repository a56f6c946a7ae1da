import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { ScorecardGoalDto, ScorecardPointDto } from '../api/l2r-api';
import { formatMeasure } from '../agreement/scorecard-measures';
import { problemText } from '../core/problem';
import { Chart } from './chart';
import { goalOptions } from './charts';
import { MetricsStore } from './metrics-store';

/** The shared goals of the live agreement against their targets: the numbers both teams signed to be judged by. */
@Component({
  selector: 'app-scorecard-section',
  imports: [MatButtonModule, RouterLink, Chart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" aria-labelledby="scorecard-title" data-testid="scorecard">
      <div class="head">
        <h2 id="scorecard-title">Shared scorecard</h2>
        <button
          mat-stroked-button
          type="button"
          (click)="store.download('scorecard')"
          data-testid="scorecard-csv"
        >
          CSV
        </button>
      </div>
      @let section = store.scorecard();
      @if (section.problem; as p) {
        <div class="error-box" role="alert">{{ problemText(p) }}</div>
      } @else if (section.value; as s) {
        @if (!s.goals.length) {
          <p class="empty" data-testid="scorecard-empty">
            Agreement version {{ s.agreementVersion }} names no shared goals yet. Add them in a
            <a routerLink="/agreement">draft of the agreement</a> (for example MQL acceptance ≥ 60%)
            and, once both teams sign it, each goal shows here against its target, period by period.
          </p>
        } @else {
          <p class="muted">
            Goals of agreement version {{ s.agreementVersion }}, counted by when things happened ({{
              s.bucket === 'Week' ? 'weeks from Monday' : 'months'
            }}, UTC). A period with fewer cases than a goal's sample gives no verdict.
          </p>
          <div class="goals">
            @for (goal of s.goals; track goal.id) {
              <article
                class="goal"
                [class]="verdictClass(goal.overall)"
                data-testid="scorecard-goal"
              >
                <h3>{{ goal.description }}</h3>
                <p class="value">
                  <span data-testid="goal-value">{{ value(goal, goal.overall) }}</span>
                  <span class="verdict" data-testid="goal-verdict">{{
                    verdict(goal.overall)
                  }}</span>
                </p>
                <p class="muted small">
                  {{ goal.overall.sample }} cases · met in {{ metCount(goal) }} of
                  {{ judged(goal) }} {{ s.bucket === 'Week' ? 'weeks' : 'months' }} judged
                </p>
                <app-chart
                  [options]="options(goal)"
                  [label]="goal.description + ' per ' + (s.bucket === 'Week' ? 'week' : 'month')"
                />
                <p class="muted small" [title]="goal.formula">{{ goal.formula }}</p>
              </article>
            }
          </div>
        }
      }
    </section>
  `,
  styles: `
    .head {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .head h2 {
      flex: 1;
    }
    .goals {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
      gap: 12px;
    }
    .goal {
      border: 1px solid #d5dbe3;
      border-left-width: 6px;
      border-radius: 8px;
      padding: 8px 12px;
    }
    .goal.met {
      border-left-color: #2e7d32;
    }
    .goal.missed {
      border-left-color: #c0392b;
    }
    .goal h3 {
      margin: 0 0 4px;
      font-size: 15px;
    }
    .value {
      font-size: 28px;
      font-weight: 600;
      margin: 0;
      display: flex;
      align-items: baseline;
      gap: 8px;
    }
    .verdict {
      font-size: 14px;
      font-weight: 500;
    }
    .small {
      font-size: 12px;
      margin: 2px 0;
    }
    app-chart {
      height: 140px;
    }
  `,
})
export class ScorecardSection {
  protected readonly store = inject(MetricsStore);
  protected readonly problemText = problemText;
  protected readonly options = goalOptions;

  protected value(goal: ScorecardGoalDto, point: ScorecardPointDto): string {
    return point.value === null || point.value === undefined
      ? '—'
      : formatMeasure(goal.measure, point.value);
  }

  protected verdict(point: ScorecardPointDto): string {
    if (point.met === true) return 'met';
    if (point.met === false) return 'missed';
    return point.sample ? 'too few cases to judge' : 'nothing yet';
  }

  protected verdictClass(point: ScorecardPointDto): string {
    return point.met === true ? 'goal met' : point.met === false ? 'goal missed' : 'goal';
  }

  protected metCount(goal: ScorecardGoalDto): number {
    return goal.points.filter((p) => p.met === true).length;
  }

  protected judged(goal: ScorecardGoalDto): number {
    return goal.points.filter((p) => p.met !== null && p.met !== undefined).length;
  }
}
