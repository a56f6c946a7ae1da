import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatInputModule } from '@angular/material/input';
import { LeadDto } from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import { FieldControl, FormField } from '../core/form-field';
import { SALES_FIELDS, ShownValues, changedFields, dateOnly, needsReset } from './lead-fields';
import { LeadStore } from './lead-store';

/** The BANT checklist and the opportunity's amount and close date, which sales records. */
@Component({
  selector: 'app-lead-sales',
  imports: [
    ReactiveFormsModule,
    FieldControl,
    FormField,
    MatButtonModule,
    MatCheckboxModule,
    MatInputModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" aria-labelledby="sales-title">
      <h2 id="sales-title">Sales checklist and opportunity</h2>
      <form [formGroup]="form" (ngSubmit)="save()">
        <div class="checks" role="group" aria-label="BANT checklist">
          <mat-checkbox formControlName="budget">Budget</mat-checkbox>
          <mat-checkbox formControlName="authority">Authority</mat-checkbox>
          <mat-checkbox formControlName="need">Need</mat-checkbox>
          <mat-checkbox formControlName="timeline">Timeline</mat-checkbox>
        </div>
        <div class="form-grid">
          <app-form-field label="Amount">
            <input
              *appFieldControl
              matInput
              type="number"
              formControlName="amount"
              name="amount"
              min="0"
            />
          </app-form-field>
          <app-form-field label="Expected close">
            <input
              *appFieldControl
              matInput
              type="date"
              formControlName="expectedCloseDate"
              name="expectedCloseDate"
            />
          </app-form-field>
        </div>
        @if (canEdit()) {
          <div class="form-actions">
            <button
              mat-flat-button
              type="submit"
              [disabled]="store.busy() || form.pristine"
              data-testid="save-sales"
            >
              Save checklist
            </button>
          </div>
        } @else {
          <p class="muted">Sales records these.</p>
        }
      </form>
    </section>
  `,
  styles: `
    .checks {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin-bottom: 8px;
    }
  `,
})
export class LeadSales {
  protected readonly store = inject(LeadStore);
  private readonly auth = inject(AuthStore);
  protected readonly canEdit = computed(() => this.auth.hasRole('Admin', 'Sales'));

  protected readonly form = inject(FormBuilder).group({
    budget: [false],
    authority: [false],
    need: [false],
    timeline: [false],
    amount: [null as number | null],
    expectedCloseDate: [''],
  });

  constructor() {
    // The form shows the lead as last loaded or saved.
    effect(() => this.reset(this.store.lead()));
  }

  protected save(): void {
    const raw = this.form.getRawValue();
    const values = { ...raw, expectedCloseDate: raw.expectedCloseDate || null };
    void this.store.save(changedFields(SALES_FIELDS, values, this.store.lead()));
  }

  private shown: ShownValues | null = null;

  private reset(lead: LeadDto | null): void {
    if (!lead) return;
    const next: ShownValues = {
      id: lead.id,
      values: {
        budget: !!lead.budget,
        authority: !!lead.authority,
        need: !!lead.need,
        timeline: !!lead.timeline,
        amount: lead.amount ?? null,
        expectedCloseDate: dateOnly(lead.expectedCloseDate),
      },
    };
    if (!needsReset(this.shown, next)) return;
    this.shown = next;
    this.form.reset(next.values as never);
    if (!this.canEdit()) this.form.disable();
  }
}
