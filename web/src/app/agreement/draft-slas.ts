import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatInputModule } from '@angular/material/input';
import { LeadAgreement } from '../api/l2r-api';
import { FieldControl, FormField } from '../core/form-field';
import { numberFrom } from './criteria';
import { DraftStore } from './draft-store';

type SlaTerm = 'mqlResponseHours' | 'salesAcceptedToSqlDays';

/** Service levels: how soon sales must answer an MQL, and how long a sales-accepted lead may wait. */
@Component({
  selector: 'app-draft-slas',
  imports: [FieldControl, FormField, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box">
      <h2>Service levels</h2>
      <div class="slas" data-path="slas">
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
    app-form-field {
      width: 340px;
    }
  `,
})
export class DraftSlas {
  readonly agreement = input.required<LeadAgreement>();
  protected readonly store = inject(DraftStore);

  protected set(term: SlaTerm, event: Event): void {
    const value = numberFrom(event);
    if (value !== undefined) this.store.edit((a) => (a.slas[term] = value as number));
  }
}
