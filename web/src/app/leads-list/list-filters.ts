import { ChangeDetectionStrategy, Component, OnDestroy, inject, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { FieldControl, FormField } from '../core/form-field';
import { STATE_ORDER, stateLabel } from '../core/labels';
import { EMPTY_LIST_FILTERS, LeadListFilters, LeadsListStore } from './leads-list-store';

type TypedKey = 'source' | 'campaign' | 'text';
type NumberKey = 'minScore' | 'maxScore';
type DayKey = 'createdFrom' | 'createdTo' | 'updatedFrom' | 'updatedTo';

/** The list's filters: the board's (owner, source, campaign, text) plus stages, score range and dates. */
@Component({
  selector: 'app-list-filters',
  imports: [FieldControl, FormField, MatButtonModule, MatInputModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="filters"
      role="search"
      aria-label="Filter the leads"
      (submit)="$event.preventDefault()"
    >
      <app-form-field label="Search name, email, company" class="f-text">
        <input
          *appFieldControl
          matInput
          type="search"
          [value]="f().text"
          (input)="typed('text', $event)"
          data-testid="list-text"
        />
      </app-form-field>
      <app-form-field label="Stage" class="f-stage">
        <mat-select
          *appFieldControl
          multiple
          [value]="f().stages"
          (valueChange)="changed.emit({ stages: $event })"
          data-testid="list-stage"
        >
          @for (s of states; track s) {
            <mat-option [value]="s">{{ stateLabel(s) }}</mat-option>
          }
        </mat-select>
      </app-form-field>
      <app-form-field label="Owner">
        <mat-select
          *appFieldControl
          [value]="f().owner"
          (valueChange)="changed.emit({ owner: $event })"
          data-testid="list-owner"
        >
          <mat-option value="">Anyone</mat-option>
          <mat-option value="me">Mine</mat-option>
          <mat-option value="none">Unassigned</mat-option>
          @for (o of store.owners(); track o.id) {
            <mat-option [value]="o.id">{{ o.name }}</mat-option>
          }
        </mat-select>
      </app-form-field>
      <app-form-field label="Source">
        <input *appFieldControl matInput [value]="f().source" (input)="typed('source', $event)" />
      </app-form-field>
      <app-form-field label="Campaign">
        <input
          *appFieldControl
          matInput
          [value]="f().campaign"
          (input)="typed('campaign', $event)"
          data-testid="list-campaign"
        />
      </app-form-field>
      <app-form-field label="Score from" class="f-num">
        <input
          *appFieldControl
          matInput
          type="number"
          [value]="f().minScore ?? ''"
          (change)="number('minScore', $event)"
        />
      </app-form-field>
      <app-form-field label="Score to" class="f-num">
        <input
          *appFieldControl
          matInput
          type="number"
          [value]="f().maxScore ?? ''"
          (change)="number('maxScore', $event)"
        />
      </app-form-field>
      @for (d of days; track d.key) {
        <app-form-field [label]="d.label" class="f-day">
          <input
            *appFieldControl
            matInput
            type="date"
            [value]="f()[d.key]"
            (change)="day(d.key, $event)"
            [attr.data-testid]="'list-' + d.key"
          />
        </app-form-field>
      }
      <button mat-button type="button" (click)="changed.emit(empty)">Clear filters</button>
    </form>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0 8px;
      align-items: center;
    }
    app-form-field {
      width: 150px;
    }
    .f-text {
      width: 240px;
    }
    .f-stage {
      width: 200px;
    }
    .f-num {
      width: 120px;
    }
  `,
})
export class ListFilters implements OnDestroy {
  protected readonly store = inject(LeadsListStore);
  /** What the user changed; the page turns it into the URL, which drives the store. */
  readonly changed = output<Partial<LeadListFilters>>();
  protected readonly f = this.store.filters;
  protected readonly states = STATE_ORDER;
  protected readonly stateLabel = stateLabel;
  protected readonly empty = EMPTY_LIST_FILTERS;
  protected readonly days: { key: DayKey; label: string }[] = [
    { key: 'createdFrom', label: 'Created from' },
    { key: 'createdTo', label: 'Created until' },
    { key: 'updatedFrom', label: 'Updated from' },
    { key: 'updatedTo', label: 'Updated until' },
  ];
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  /** Waits for a pause in typing, so the list (and the URL) does not change on every key. */
  protected typed(key: TypedKey, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.changed.emit({ [key]: value }), 300);
  }

  protected number(key: NumberKey, event: Event): void {
    const raw = (event.target as HTMLInputElement).value;
    this.changed.emit({ [key]: raw === '' ? null : Number(raw) });
  }

  protected day(key: DayKey, event: Event): void {
    this.changed.emit({ [key]: (event.target as HTMLInputElement).value });
  }

  ngOnDestroy(): void {
    clearTimeout(this.typingTimer);
  }
}
