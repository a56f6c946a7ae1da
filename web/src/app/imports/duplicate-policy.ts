import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatSelectModule } from '@angular/material/select';
import { DuplicatePolicy } from '../api/l2r-api';
import { FieldControl, FormField } from '../core/form-field';
import { ImportsStore } from './imports-store';

export const POLICIES: { value: DuplicatePolicy; label: string }[] = [
  { value: 'Skip', label: 'Skip leads that exist already' },
  { value: 'FillEmpty', label: 'Fill their empty fields only' },
  { value: 'Overwrite', label: 'Overwrite their mapped fields' },
];

/** What a row does when its email belongs to a lead the tenant has (or an earlier row of the file). */
@Component({
  selector: 'app-duplicate-policy',
  imports: [FieldControl, FormField, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-form-field label="Duplicates (same email)">
      <mat-select
        *appFieldControl
        [value]="store.policy()"
        (valueChange)="store.policy.set($event)"
        data-testid="duplicate-policy"
      >
        @for (p of policies; track p.value) {
          <mat-option [value]="p.value">{{ p.label }}</mat-option>
        }
      </mat-select>
    </app-form-field>
  `,
  styles: `
    app-form-field {
      width: 320px;
    }
  `,
})
export class DuplicatePolicyPicker {
  protected readonly store = inject(ImportsStore);
  protected readonly policies = POLICIES;
}
