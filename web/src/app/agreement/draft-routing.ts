import { ChangeDetectionStrategy, Component, OnInit, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import {
  Distribution,
  FieldCriterion,
  LeadAgreement,
  LeadState,
  RoutingRules,
} from '../api/l2r-api';
import { TeamOptionsStore } from '../routing/team-options-store';
import { EditableCriterion, freshId } from './criteria';
import { CriterionEditor } from './criterion-editor';
import { DraftStore } from './draft-store';

const STAGES: LeadState[] = ['MQL', 'SalesAccepted', 'SQL', 'Opportunity', 'Scored', 'Nurture'];
const DISTRIBUTIONS: { value: Distribution; label: string }[] = [
  { value: 'WeightedRoundRobin', label: 'Weighted round robin' },
  { value: 'LeastLoaded', label: 'Least loaded' },
];

/**
 * Routing: who gets a lead as it enters the routing stage. Rules in order (first match wins), each with conditions on
 * who the lead is, a team and a distribution; a fallback team for what no rule or team can take.
 */
@Component({
  selector: 'app-draft-routing',
  imports: [MatButtonModule, CriterionEditor],
  providers: [TeamOptionsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" data-path="routing">
      <h2>Routing</h2>
      <label>
        Assign leads as they enter
        <select
          data-testid="routing-stage"
          [value]="routing().assignOnEntry ?? 'MQL'"
          (change)="setStage($event)"
        >
          @for (s of stages; track s) {
            <option [value]="s">{{ s }}</option>
          }
        </select>
      </label>
      @if (store.errorAt('routing.assignOnEntry'); as e) {
        <div class="field-error">{{ e }}</div>
      }
      @for (rule of routing().rules ?? []; track $index; let i = $index) {
        <article
          class="rule"
          data-testid="routing-rule"
          [attr.data-path]="'routing.rules[' + i + ']'"
        >
          <div class="row">
            <strong>{{ i + 1 }}.</strong>
            <input
              [attr.aria-label]="'Name of rule ' + (i + 1)"
              [value]="rule.name ?? ''"
              (input)="setRule(i, { name: text($event) })"
            />
            <select
              [attr.aria-label]="'Team of rule ' + (i + 1)"
              [value]="rule.teamId ?? ''"
              (change)="setRule(i, { teamId: text($event) })"
            >
              <option value="" disabled>Choose a team</option>
              @for (t of teams.teams(); track t.id) {
                <option [value]="t.id">{{ t.name }}</option>
              }
            </select>
            <select
              [attr.aria-label]="'Distribution of rule ' + (i + 1)"
              [value]="rule.distribution ?? 'WeightedRoundRobin'"
              (change)="setRule(i, { distribution: asDistribution($event) })"
            >
              @for (d of distributions; track d.value) {
                <option [value]="d.value">{{ d.label }}</option>
              }
            </select>
            <button mat-button type="button" (click)="moveUp(i)" [disabled]="i === 0">Up</button>
            <button mat-button type="button" (click)="removeRule(i)">Remove rule</button>
          </div>
          @if (store.errorAt('routing.rules[' + i + '].teamId'); as e) {
            <div class="field-error">{{ e }}</div>
          }
          @for (c of rule.conditions ?? []; track $index; let j = $index) {
            <app-criterion-editor
              [criterion]="c"
              [fit]="true"
              [path]="'routing.rules[' + i + '].conditions[' + j + ']'"
              [errors]="store.errors()"
              (changed)="setCondition(i, j, $event)"
              (removed)="removeCondition(i, j)"
            />
          } @empty {
            <p class="muted">No conditions: every lead matches.</p>
          }
          <button mat-stroked-button type="button" (click)="addCondition(i)">Add condition</button>
        </article>
      }
      <button mat-stroked-button type="button" data-testid="add-routing-rule" (click)="addRule()">
        Add rule
      </button>
      <div class="row">
        <label>
          Fallback team
          <select
            data-testid="fallback-team"
            [value]="routing().fallbackTeamId ?? ''"
            (change)="setFallback($event)"
          >
            <option value="">None: the lead waits in its team's queue</option>
            @for (t of teams.teams(); track t.id) {
              <option [value]="t.id">{{ t.name }}</option>
            }
          </select>
        </label>
      </div>
    </section>
  `,
  styles: `
    .rule {
      border-top: 1px solid #ddd;
      padding: 8px 0;
      display: grid;
      gap: 8px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .muted {
      color: #666;
    }
  `,
})
export class DraftRouting implements OnInit {
  readonly agreement = input.required<LeadAgreement>();
  protected readonly store = inject(DraftStore);
  protected readonly teams = inject(TeamOptionsStore);
  protected readonly stages = STAGES;
  protected readonly distributions = DISTRIBUTIONS;

  ngOnInit(): void {
    void this.teams.load();
  }

  protected routing(): RoutingRules {
    return this.agreement().routing ?? {};
  }

  protected setStage(event: Event): void {
    const stage = this.text(event) as LeadState;
    this.edit((r) => (r.assignOnEntry = stage));
  }

  protected setFallback(event: Event): void {
    const id = this.text(event);
    this.edit((r) => (r.fallbackTeamId = id || undefined));
  }

  protected addRule(): void {
    this.edit((r) => {
      const rules = (r.rules ??= []);
      const id = freshId(
        'rule',
        rules.map((x) => x.id),
      );
      rules.push({
        id,
        name: '',
        conditions: [],
        teamId: this.teams.teams()[0]?.id,
        distribution: 'WeightedRoundRobin',
      });
    }, true);
  }

  protected removeRule(i: number): void {
    this.edit((r) => r.rules!.splice(i, 1), true);
  }

  protected moveUp(i: number): void {
    this.edit((r) => r.rules!.splice(i - 1, 0, ...r.rules!.splice(i, 1)), true);
  }

  protected setRule(
    i: number,
    change: { name?: string; teamId?: string; distribution?: Distribution },
  ): void {
    this.edit((r) => Object.assign(r.rules![i], change));
  }

  protected addCondition(i: number): void {
    this.edit((r) => {
      const rule = r.rules![i];
      const conditions = (rule.conditions ??= []);
      conditions.push({
        kind: 'fieldIn',
        id: freshId(
          `${rule.id}-if`,
          conditions.map((c) => c.id),
        ),
        field: 'country',
        values: [],
        description: 'Country is one of …',
      } as EditableCriterion as FieldCriterion);
    }, true);
  }

  protected setCondition(i: number, j: number, c: EditableCriterion): void {
    this.edit((r) => (r.rules![i].conditions![j] = c as FieldCriterion));
  }

  protected removeCondition(i: number, j: number): void {
    this.edit((r) => r.rules![i].conditions!.splice(j, 1), true);
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected asDistribution(event: Event): Distribution {
    return this.text(event) as Distribution;
  }

  private edit(change: (routing: RoutingRules) => void, structural = false): void {
    this.store.edit(
      (a) =>
        change(
          (a.routing ??= {
            assignOnEntry: 'MQL',
            rules: [],
            fallbackDistribution: 'WeightedRoundRobin',
          }),
        ),
      { structural },
    );
  }
}
