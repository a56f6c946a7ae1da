import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  untracked,
} from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { AgreementChange, ChangeArea } from '../api/l2r-api';
import { FieldControl, FormField } from '../core/form-field';
import { DiffStore } from './diff-store';

const AREAS: { area: ChangeArea; name: string }[] = [
  { area: 'Transition', name: 'Moves and criteria' },
  { area: 'Scoring', name: 'Scoring' },
  { area: 'Reasons', name: 'Reasons' },
  { area: 'Slas', name: 'Service levels' },
];

/** What changed between two versions, in plain language ("Qualify: engagement score threshold 25 → 10"). */
@Component({
  selector: 'app-version-diff',
  imports: [FieldControl, FormField, MatProgressBarModule, MatSelectModule],
  providers: [DiffStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" data-testid="diff">
      @if (versions().length > 1) {
        <div class="pickers dense-fields">
          <app-form-field label="From version">
            <mat-select
              *appFieldControl
              [value]="from()"
              (valueChange)="from.set($event)"
              data-testid="diff-from"
            >
              @for (v of versions(); track v) {
                <mat-option [value]="v">Version {{ v }}</mat-option>
              }
            </mat-select>
          </app-form-field>
          <span aria-hidden="true">→</span>
          <app-form-field label="To version">
            <mat-select
              *appFieldControl
              [value]="to()"
              (valueChange)="to.set($event)"
              data-testid="diff-to"
            >
              @for (v of versions(); track v) {
                <mat-option [value]="v">Version {{ v }}</mat-option>
              }
            </mat-select>
          </app-form-field>
        </div>
      } @else if (from() && to()) {
        <h2>Changes from version {{ from() }} to version {{ to() }}</h2>
      }
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Comparing versions" />
      }
      @if (store.error(); as p) {
        <div class="error-box" role="alert">{{ p.title }}{{ p.detail ? ' ' + p.detail : '' }}</div>
      }
      @if (store.diff(); as d) {
        @for (g of groups(); track g.area) {
          <h3>{{ g.name }}</h3>
          <ul>
            @for (c of g.changes; track $index) {
              <li data-testid="change">{{ c.description }}</li>
            }
          </ul>
        } @empty {
          <p class="muted" data-testid="no-changes">
            Versions {{ d.from }} and {{ d.to }} say the same thing.
          </p>
        }
      } @else if (!from() || !to()) {
        <p class="muted">There is only one version so far.</p>
      }
    </section>
  `,
  styles: `
    .pickers {
      display: flex;
      gap: 12px;
      align-items: center;
      margin-bottom: 8px;
    }
    h3 {
      font-size: 14px;
      margin: 10px 0 4px;
    }
    ul {
      margin: 0;
      padding-left: 18px;
    }
  `,
})
export class VersionDiff {
  /** Versions to pick from (newest first); none means a fixed comparison of `initialFrom` → `initialTo`. */
  readonly versions = input<number[]>([]);
  readonly initialFrom = input<number | undefined>(undefined);
  readonly initialTo = input<number | undefined>(undefined);
  /** Changes when the compared content may have changed (a draft's revision): compare again. */
  readonly revision = input<number | undefined>(undefined);

  protected readonly store = inject(DiffStore);
  protected readonly from = linkedSignal(() => this.initialFrom() ?? this.versions()[1]);
  protected readonly to = linkedSignal(() => this.initialTo() ?? this.versions()[0]);

  protected readonly groups = computed(() => {
    const changes: AgreementChange[] = this.store.diff()?.changes ?? [];
    return AREAS.map((a) => ({ ...a, changes: changes.filter((c) => c.area === a.area) })).filter(
      (g) => g.changes.length,
    );
  });

  constructor() {
    effect(() => {
      const from = this.from();
      const to = this.to();
      this.revision();
      if (from && to) untracked(() => void this.store.compare(from, to));
    });
  }
}
