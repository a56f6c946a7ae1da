import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { LeadDto } from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import { FieldControl, FormField } from '../core/form-field';
import { PROFILE_FIELDS, ShownValues, changedFields, fieldLabel, needsReset } from './lead-fields';
import { LeadStore } from './lead-store';

const NUMBER_FIELDS = new Set<string>(['companySize', 'annualRevenue']);

/** Who the lead is. Saving sends only what changed, guarded by the version the user saw. */
@Component({
  selector: 'app-lead-profile',
  imports: [ReactiveFormsModule, FieldControl, FormField, MatButtonModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      <form [formGroup]="form" (ngSubmit)="save()" class="form-grid">
        @for (f of fields; track f) {
          <app-form-field [label]="fieldLabel(f)">
            <input
              *appFieldControl
              matInput
              [formControlName]="f"
              [name]="f"
              [type]="numberFields.has(f) ? 'number' : 'text'"
            />
          </app-form-field>
        }
        @if (canEdit()) {
          <div class="form-actions wide">
            <button
              mat-flat-button
              type="submit"
              [disabled]="store.busy() || form.pristine"
              data-testid="save-profile"
            >
              Save profile
            </button>
            <button mat-button type="button" (click)="undo()" [disabled]="form.pristine">
              Undo edits
            </button>
          </div>
        }
      </form>
    </section>
  `,
})
export class LeadProfile {
  protected readonly store = inject(LeadStore);
  private readonly auth = inject(AuthStore);
  protected readonly fields = PROFILE_FIELDS;
  protected readonly numberFields = NUMBER_FIELDS;
  protected readonly fieldLabel = fieldLabel;
  protected readonly canEdit = computed(() => this.auth.hasRole('Admin', 'Marketing', 'Sales'));

  protected readonly form = inject(FormBuilder).group({
    firstName: [''],
    lastName: [''],
    email: [''],
    phone: [''],
    title: [''],
    company: [''],
    website: [''],
    industry: [''],
    country: [''],
    companySize: [null as number | null],
    annualRevenue: [null as number | null],
    source: [''],
    campaign: [''],
  });

  constructor() {
    // The form shows the lead as last loaded or saved.
    effect(() => this.reset(this.store.lead()));
  }

  protected save(): void {
    void this.store.save(changedFields(PROFILE_FIELDS, this.form.getRawValue(), this.store.lead()));
  }

  protected undo(): void {
    this.reset(this.store.lead(), true);
  }

  private shown: ShownValues | null = null;

  private reset(lead: LeadDto | null, discardTyping = false): void {
    if (!lead) return;
    const l = lead as unknown as Record<string, unknown>;
    const next: ShownValues = {
      id: lead.id,
      values: Object.fromEntries(
        PROFILE_FIELDS.map((f) => [f, l[f] ?? (NUMBER_FIELDS.has(f) ? null : '')]),
      ),
    };
    if (!discardTyping && !needsReset(this.shown, next)) return;
    this.shown = next;
    this.form.reset(next.values as never);
    if (!this.canEdit()) this.form.disable();
  }
}
