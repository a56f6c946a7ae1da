import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  output,
  signal,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { CreateLeadCommand, LeadDto } from '../api/l2r-api';
import { FieldControl, FormField } from '../core/form-field';
import { Problem } from '../core/problem';
import { PROFILE_FIELDS, fieldLabel } from '../leads/lead-fields';
import { LeadsListStore } from './leads-list-store';

const NUMBER_FIELDS = new Set<string>(['companySize', 'annualRevenue']);

/** A new lead by hand: the profile fields, the API's validation problems beside them, a duplicate email linked. */
@Component({
  selector: 'app-new-lead-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    FieldControl,
    FormField,
    MatButtonModule,
    MatInputModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" aria-labelledby="new-lead-title" data-testid="new-lead">
      <h2 id="new-lead-title">New lead</h2>
      @if (general(); as lines) {
        <div class="error-box" role="alert">
          @for (line of lines; track $index) {
            <div>{{ line }}</div>
          }
          @if (existingId(); as id) {
            <a [routerLink]="['/leads', id]" data-testid="existing-lead">Open the existing lead</a>
          }
        </div>
      }
      <form [formGroup]="form" (ngSubmit)="submit()" class="form-grid">
        @for (f of fields; track f) {
          <app-form-field [label]="fieldLabel(f)" [error]="errorAt(f)">
            <input
              *appFieldControl
              matInput
              [formControlName]="f"
              [name]="f"
              [type]="numberFields.has(f) ? 'number' : f === 'email' ? 'email' : 'text'"
            />
          </app-form-field>
        }
        <div class="form-actions wide">
          <button mat-flat-button type="submit" [disabled]="store.busy()" data-testid="create-lead">
            Create lead
          </button>
          <button mat-button type="button" (click)="closed.emit()">Cancel</button>
        </div>
      </form>
    </section>
  `,
})
export class NewLeadForm {
  protected readonly store = inject(LeadsListStore);
  readonly created = output<LeadDto>();
  readonly closed = output<void>();
  protected readonly fields = PROFILE_FIELDS;
  protected readonly numberFields = NUMBER_FIELDS;
  protected readonly fieldLabel = fieldLabel;
  protected readonly form = inject(FormBuilder).nonNullable.group(
    Object.fromEntries(PROFILE_FIELDS.map((f) => [f, ''])) as Record<
      (typeof PROFILE_FIELDS)[number],
      string
    >,
  );
  private readonly problem = signal<Problem | null>(null);

  /** The duplicate lead a 409 names, to link to it instead of creating a second one. */
  protected readonly existingId = computed(() => {
    const id = this.problem()?.extensions?.['existingLeadId'];
    return typeof id === 'string' ? id : null;
  });

  /** What cannot be shown beside a field: the title, and messages for keys the form has no field for. */
  protected readonly general = computed(() => {
    const p = this.problem();
    if (!p) return null;
    const lines = [p.detail || p.title];
    for (const [key, messages] of Object.entries(p.errors)) {
      if (!this.fieldFor(key)) lines.push(...messages);
    }
    return lines;
  });

  protected errorAt(field: string): string | null {
    const errors = this.problem()?.errors ?? {};
    const key = Object.keys(errors).find((k) => this.fieldFor(k) === field);
    return key ? errors[key].join(' ') : null;
  }

  /** The API names fields in camelCase; FluentValidation may capitalise them. */
  private fieldFor(key: string): string | undefined {
    return PROFILE_FIELDS.find((f) => f.toLowerCase() === key.toLowerCase());
  }

  protected async submit(): Promise<void> {
    const values = this.form.getRawValue() as Record<string, string | number>;
    const lead: Record<string, string | number> = {};
    for (const f of PROFILE_FIELDS) {
      const raw = String(values[f] ?? '').trim();
      if (raw) lead[f] = NUMBER_FIELDS.has(f) ? Number(raw) : raw;
    }
    const outcome = await this.store.create(lead as CreateLeadCommand);
    if (outcome.ok) {
      this.problem.set(null);
      this.form.reset();
      this.created.emit(outcome.value);
    } else {
      this.problem.set(outcome.problem);
    }
  }
}
