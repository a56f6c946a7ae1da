import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { LeadAgreement, SlaTerm } from '../api/l2r-api';
import { FieldControl, FormField } from '../core/form-field';
import { TOUCH_TYPES } from '../core/labels';
import { numberFrom } from './criteria';
import { DraftSlaTerm } from './draft-sla-term';
import { DraftStore } from './draft-store';

type LegacySla = 'mqlResponseHours' | 'salesAcceptedToSqlDays';

/**
 * Service levels: the SLA terms whose clocks the server runs. Versions without terms keep the two old numbers (how
 * soon sales answers an MQL, how long a sales-accepted lead may wait); once a term exists the API ignores them.
 */
@Component({
  selector: 'app-draft-slas',
  imports: [FieldControl, FormField, MatButtonModule, MatInputModule, DraftSlaTerm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" data-path="slas">
      <h2>Service levels</h2>
      @if (store.errorAt('slas.terms'); as e) {
        <div class="field-error">{{ e }}</div>
      }
      @for (term of terms(); track $index; let i = $index) {
        <app-draft-sla-term [term]="term" [index]="i" />
      }
      @if (convertible()) {
        <p class="muted">
          Terms replace the two numbers below. Starting from them gives the terms that do exactly
          what the numbers do now, to edit from there.
        </p>
        <button
          mat-stroked-button
          type="button"
          (click)="convert()"
          data-testid="convert-sla-terms"
        >
          Turn into SLA terms
        </button>
      } @else {
        <button mat-stroked-button type="button" (click)="add()" data-testid="add-sla-term">
          Add SLA term
        </button>
      }

      <h3>Without terms</h3>
      <p class="muted" data-testid="legacy-sla-note">
        @if (terms().length) {
          The terms above replace these two numbers, which the server now ignores.
        } @else {
          Until a term is added, these two numbers apply: the MQL response in business hours, met by
          a decision or a call, meeting or email; sales accepted to SQL in calendar days.
        }
      </p>
      <div class="slas">
        <app-form-field
          label="MQL accepted or rejected within (hours)"
          [error]="store.errorAt('slas.mqlResponseHours')"
        >
          <input
            *appFieldControl
            matInput
            type="number"
            min="0"
            [value]="agreement().slas.mqlResponseHours ?? ''"
            (input)="set('mqlResponseHours', $event)"
            data-testid="sla-mql-hours"
          />
        </app-form-field>
        <app-form-field
          label="Sales accepted to SQL or recycled within (days)"
          [error]="store.errorAt('slas.salesAcceptedToSqlDays')"
        >
          <input
            *appFieldControl
            matInput
            type="number"
            min="0"
            [value]="agreement().slas.salesAcceptedToSqlDays ?? ''"
            (input)="set('salesAcceptedToSqlDays', $event)"
            data-testid="sla-sal-days"
          />
        </app-form-field>
      </div>
    </section>
  `,
  styles: `
    .slas {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
    }
    .slas app-form-field {
      width: 340px;
    }
    h3 {
      margin: 16px 0 4px;
      font-size: 15px;
    }
  `,
})
export class DraftSlas {
  readonly agreement = input.required<LeadAgreement>();
  protected readonly store = inject(DraftStore);
  protected readonly terms = computed(() => this.agreement().slas.terms ?? []);

  protected set(term: LegacySla, event: Event): void {
    const value = numberFrom(event);
    if (value !== undefined) this.store.edit((a) => (a.slas[term] = value as number));
  }

  /** No terms yet, but the numbers run clocks: a first term must not silently drop either of them. */
  protected readonly convertible = computed(() => {
    const slas = this.agreement().slas;
    return !this.terms().length && (!!slas.mqlResponseHours || !!slas.salesAcceptedToSqlDays);
  });

  /** The terms the server derives from the two numbers (its `SlaTerms.Effective`), now editable. */
  protected convert(): void {
    const slas = this.agreement().slas;
    const terms: SlaTerm[] = [];
    if (slas.mqlResponseHours)
      terms.push({
        ...blankTerm(),
        id: 'mql-response',
        name: 'MQL response',
        targetHours: slas.mqlResponseHours,
      });
    if (slas.salesAcceptedToSqlDays)
      terms.push({
        ...blankTerm(),
        id: 'sal-to-sql',
        name: 'SalesAccepted to SQL',
        startStage: 'SalesAccepted',
        stopTriggers: ['QualifyForSales', 'Recycle'],
        stopTouches: [],
        targetHours: slas.salesAcceptedToSqlDays * 24,
        basis: 'CalendarHours',
      });
    this.store.edit((a) => (a.slas.terms = terms), { structural: true });
  }

  protected add(): void {
    const taken = new Set(this.terms().map((t) => t.id));
    this.store.edit((a) => (a.slas.terms ??= []).push({ ...blankTerm(), id: freeId(taken) }), {
      structural: true,
    });
  }
}

function blankTerm(): SlaTerm {
  return {
    id: '',
    name: '',
    startStage: 'MQL',
    stopTriggers: ['Accept', 'Reject'],
    stopTouches: [...TOUCH_TYPES],
    targetHours: 24,
    basis: 'BusinessHours',
    warningPercent: 75,
    onBreach: { escalateTo: 'TeamLead', reassign: false },
    pausingStages: [],
  };
}

function freeId(taken: Set<string>): string {
  let n = taken.size + 1;
  while (taken.has(`term-${n}`)) n++;
  return `term-${n}`;
}
