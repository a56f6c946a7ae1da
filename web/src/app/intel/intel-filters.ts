import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { FieldControl, FormField } from '../core/form-field';
import { IntelQuery, IntelStore } from './intel-store';

/** Period and filters of the Field intel page, as the metrics page takes them. */
@Component({
  selector: 'app-intel-filters',
  imports: [MatInputModule, MatSelectModule, FormField, FieldControl],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="filters"
      role="search"
      aria-label="Field intel view"
      (submit)="$event.preventDefault()"
    >
      <app-form-field label="From">
        <input
          *appFieldControl
          matInput
          type="date"
          name="from"
          [value]="store.query().from"
          (change)="set('from', $event)"
        />
      </app-form-field>
      <app-form-field label="To">
        <input
          *appFieldControl
          matInput
          type="date"
          name="to"
          [value]="store.query().to"
          (change)="set('to', $event)"
        />
      </app-form-field>
      <app-form-field label="Source">
        <input
          *appFieldControl
          matInput
          name="source"
          [value]="store.query().source"
          (change)="set('source', $event)"
        />
      </app-form-field>
      <app-form-field label="Campaign">
        <input
          *appFieldControl
          matInput
          name="campaign"
          [value]="store.query().campaign"
          (change)="set('campaign', $event)"
        />
      </app-form-field>
      <app-form-field label="Owner">
        <mat-select
          *appFieldControl
          [value]="store.query().ownerId"
          (selectionChange)="store.update({ ownerId: $event.value })"
          name="ownerId"
        >
          <mat-option value="">Anyone</mat-option>
          <mat-option value="me">Mine</mat-option>
          <mat-option value="none">Unowned</mat-option>
        </mat-select>
      </app-form-field>
    </form>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      align-items: flex-start;
    }
  `,
})
export class IntelFilters {
  protected readonly store = inject(IntelStore);

  protected set(
    field: keyof Pick<IntelQuery, 'from' | 'to' | 'source' | 'campaign'>,
    event: Event,
  ): void {
    void this.store.update({ [field]: (event.target as HTMLInputElement).value });
  }
}
