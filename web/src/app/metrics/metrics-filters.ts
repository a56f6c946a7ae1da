import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MetricsGrouping, WaterfallMode } from '../api/l2r-api';
import { FieldControl, FormField } from '../core/form-field';
import { MODE_EXPLANATIONS } from './figures';
import { DEFAULT_QUERY, GROUPINGS, apiPeriod } from './metrics-query';
import { MetricsStore } from './metrics-store';
import { MetricsUrl } from './metrics-url';

const GROUP_LABELS: Record<MetricsGrouping, string> = {
  Source: 'Source',
  Campaign: 'Campaign',
  Owner: 'Owner',
  AgreementVersion: 'Agreement version',
};

const DAY = 86_400_000;
const dateOf = (instant: number) => new Date(instant).toISOString().slice(0, 10);

/** Mode, period, filters and grouping of the metrics page; every change goes to the URL. */
@Component({
  selector: 'app-metrics-filters',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatInputModule,
    MatSelectModule,
    FormField,
    FieldControl,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="filters"
      role="search"
      aria-label="Metrics view"
      (submit)="$event.preventDefault()"
    >
      <mat-button-toggle-group
        [value]="q().mode"
        (change)="url.set({ mode: $event.value })"
        aria-label="Mode"
        hideSingleSelectionIndicator
        data-testid="mode"
      >
        @for (m of modes; track m) {
          <mat-button-toggle [value]="m" [attr.data-mode]="m">{{ m }}</mat-button-toggle>
        }
      </mat-button-toggle-group>
      <app-form-field label="From">
        <input
          *appFieldControl
          matInput
          type="date"
          name="from"
          [value]="shownFrom()"
          (change)="setDate('from', $event)"
        />
      </app-form-field>
      <app-form-field label="To (inclusive)">
        <input
          *appFieldControl
          matInput
          type="date"
          name="to"
          [value]="shownTo()"
          (change)="setDate('to', $event)"
        />
      </app-form-field>
      <app-form-field label="Source">
        <input
          *appFieldControl
          matInput
          name="source"
          [value]="q().source"
          (change)="url.set({ source: text($event) })"
        />
      </app-form-field>
      <app-form-field label="Campaign">
        <input
          *appFieldControl
          matInput
          name="campaign"
          [value]="q().campaign"
          (change)="url.set({ campaign: text($event) })"
        />
      </app-form-field>
      <app-form-field label="Owner (at entry)">
        <mat-select
          *appFieldControl
          [value]="q().ownerId"
          (valueChange)="url.set({ ownerId: $event })"
          data-testid="owner"
        >
          <mat-option value="">Anyone</mat-option>
          <mat-option value="me">Mine</mat-option>
          <mat-option value="none">Unowned</mat-option>
          @if (otherOwner(); as id) {
            <mat-option [value]="id">{{ ownerLabel() }}</mat-option>
          }
        </mat-select>
      </app-form-field>
      <app-form-field label="Agreement version" class="wide">
        <input
          *appFieldControl
          matInput
          type="number"
          min="1"
          name="agreementVersion"
          [value]="q().agreementVersion ?? ''"
          (change)="setVersion($event)"
        />
      </app-form-field>
      <app-form-field label="Group by">
        <mat-select
          *appFieldControl
          [value]="q().groupBy"
          (valueChange)="url.set({ groupBy: $event })"
          data-testid="group-by"
        >
          <mat-option value="">Nothing</mat-option>
          @for (g of groupings; track g) {
            <mat-option [value]="g">{{ groupLabels[g] }}</mat-option>
          }
        </mat-select>
      </app-form-field>
      <button mat-button type="button" (click)="url.set(defaults)" data-testid="reset">
        Reset
      </button>
    </form>
    <p class="muted mode" data-testid="mode-explanation">{{ explanation() }}</p>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
    }
    app-form-field {
      width: 170px;
    }
    app-form-field.wide {
      width: 190px;
    }
    .mode {
      margin: 0 0 12px;
    }
  `,
})
export class MetricsFilters {
  private readonly store = inject(MetricsStore);
  protected readonly url = inject(MetricsUrl);
  protected readonly q = this.store.query;
  protected readonly modes: WaterfallMode[] = ['Cohort', 'Period'];
  protected readonly groupings = GROUPINGS;
  protected readonly groupLabels = GROUP_LABELS;
  protected readonly defaults = DEFAULT_QUERY;
  protected readonly explanation = computed(() => MODE_EXPLANATIONS[this.q().mode]);

  /** The period as dates, with the API's defaults (`to` now, `from` 90 days before it); `to` is shown inclusive. */
  private readonly end = computed(() => {
    const to = apiPeriod(this.q()).to;
    return to ? Date.parse(to) : Date.now();
  });
  protected readonly shownTo = computed(() => dateOf(this.end() - 1));
  protected readonly shownFrom = computed(() => {
    const from = apiPeriod(this.q()).from;
    return dateOf(from ? Date.parse(from) : this.end() - 90 * DAY);
  });

  /** A user id chosen elsewhere (a shared link): offered so the select can show it. */
  protected readonly otherOwner = computed(() => {
    const id = this.q().ownerId;
    return id && id !== 'me' && id !== 'none' ? id : null;
  });
  protected readonly ownerLabel = computed(() => {
    const waterfall = this.store.waterfall().value;
    const group =
      waterfall?.groupBy === 'Owner'
        ? waterfall.groups.find((g) => g.key === this.otherOwner())
        : null;
    return group?.label ?? 'The owner in the link';
  });

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value.trim();
  }

  protected setDate(which: 'from' | 'to', event: Event): void {
    void this.url.set({ [which]: this.text(event) });
  }

  protected setVersion(event: Event): void {
    const version = Number(this.text(event));
    void this.url.set({
      agreementVersion: Number.isInteger(version) && version > 0 ? version : null,
    });
  }
}
