import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { OutOfOffice, WorkingDay } from '../api/l2r-api';
import { FieldControl, FormField } from '../core/form-field';
import { problemLines } from '../core/problem';
import { AvailabilityStore } from './availability-store';
import { WorkingHours, weekOrdered } from './working-hours';

/** A UTC instant as a `datetime-local` input shows it (the user's local time), and back. */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}
export const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : '');

/**
 * A user's working hours (their own, or the tenant's) and out-of-office periods. Without `userId` it is the signed-in
 * user's own page; with one (from the users admin page) an admin edits that user's.
 */
@Component({
  selector: 'app-availability-page',
  imports: [
    RouterLink,
    FieldControl,
    FormField,
    MatButtonModule,
    MatCheckboxModule,
    MatInputModule,
    MatProgressBarModule,
    WorkingHours,
  ],
  providers: [AvailabilityStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box dense-fields" [class.page]="!!userId()" data-testid="availability">
      @if (userId()) {
        <a routerLink="/admin/users">← Users</a>
        <h2>Availability of {{ store.userName() ?? '…' }}</h2>
      } @else {
        <h2>My availability</h2>
      }
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading availability" />
      }
      @if (store.error(); as p) {
        <div class="error-box" role="alert">{{ lines(p).join('\\n') }}</div>
      }
      @if (store.availability()) {
        <h3>Working hours</h3>
        <mat-checkbox
          [checked]="ownHours() === null"
          (change)="useTenantHours($event.checked)"
          data-testid="use-tenant-hours"
          >Same as the tenant's calendar</mat-checkbox
        >
        @if (store.errorAt('workingHours'); as e) {
          <p class="error" role="alert">{{ e }}</p>
        }
        <app-working-hours
          [hours]="ownHours() ?? store.tenantHours()"
          [readonly]="ownHours() === null"
          [errorAt]="errorAt"
          (hoursChange)="ownHours.set($event)"
        />

        <h3>Out of office</h3>
        <p class="muted">Times are in your browser's time zone.</p>
        @if (store.errorAt('outOfOffice'); as e) {
          <p class="error" role="alert">{{ e }}</p>
        }
        <ul class="away" data-testid="out-of-office">
          @for (period of away(); track $index; let i = $index) {
            <li data-testid="away-period">
              <app-form-field label="From" [error]="store.errorAt('outOfOffice[' + i + '].from')">
                <input
                  *appFieldControl
                  matInput
                  type="datetime-local"
                  [value]="local(period.from)"
                  (change)="setAway(i, { from: instant($event) })"
                  data-testid="away-from"
                />
              </app-form-field>
              <app-form-field label="Until" [error]="store.errorAt('outOfOffice[' + i + '].to')">
                <input
                  *appFieldControl
                  matInput
                  type="datetime-local"
                  [value]="local(period.to)"
                  (change)="setAway(i, { to: instant($event) })"
                  data-testid="away-to"
                />
              </app-form-field>
              <app-form-field label="Note" [error]="store.errorAt('outOfOffice[' + i + '].note')">
                <input
                  *appFieldControl
                  matInput
                  [value]="period.note ?? ''"
                  (input)="setAway(i, { note: text($event) })"
                  data-testid="away-note"
                />
              </app-form-field>
              <button mat-button type="button" (click)="removeAway(i)">Remove</button>
            </li>
          } @empty {
            <li class="muted">No absences planned.</li>
          }
        </ul>
        <button mat-stroked-button type="button" (click)="addAway()" data-testid="add-away">
          Add an absence
        </button>
        <div class="actions">
          <button
            mat-flat-button
            type="button"
            (click)="save()"
            [disabled]="store.saving()"
            data-testid="save-availability"
          >
            {{ store.saving() ? 'Saving…' : 'Save availability' }}
          </button>
          @if (store.notice(); as n) {
            <span class="ok" role="status" data-testid="availability-notice">{{ n }}</span>
          }
        </div>
      }
    </section>
  `,
  styles: `
    .away {
      list-style: none;
      padding: 0;
      margin: 0 0 8px;
    }
    .away li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .away app-form-field {
      width: 220px;
    }
    .actions {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-top: 16px;
    }
    .ok {
      color: #1b5e20;
    }
  `,
})
export class AvailabilityPage {
  /** From the route `admin/users/:userId/availability`; absent on the user's own page. */
  readonly userId = input<string>();

  protected readonly store = inject(AvailabilityStore);
  protected readonly lines = problemLines;
  protected readonly local = toLocalInput;
  protected readonly errorAt = (path: string) => this.store.errorAt(path);

  /** null: the tenant's hours apply (the API's meaning of null). */
  protected readonly ownHours = linkedSignal<WorkingDay[] | null>(
    () => this.store.availability()?.workingHours ?? null,
  );
  protected readonly away = linkedSignal<OutOfOffice[]>(
    () => this.store.availability()?.outOfOffice ?? [],
  );
  private readonly target = computed(() => this.userId() ?? null);

  constructor() {
    effect(() => void this.store.load(this.target()));
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected instant(event: Event): string {
    return fromLocalInput(this.text(event));
  }

  /** Opting out of the tenant's hours starts from them, so a rep only changes what differs. */
  protected useTenantHours(on: boolean): void {
    this.ownHours.set(on ? null : structuredClone(this.store.tenantHours()));
  }

  protected addAway(): void {
    const from = new Date();
    from.setHours(0, 0, 0, 0);
    from.setDate(from.getDate() + 1);
    const to = new Date(from);
    to.setDate(to.getDate() + 1);
    this.away.update((list) => [...list, { from: from.toISOString(), to: to.toISOString() }]);
  }

  protected removeAway(index: number): void {
    this.away.update((list) => list.filter((_, i) => i !== index));
  }

  protected setAway(index: number, change: Partial<OutOfOffice>): void {
    this.away.update((list) => list.map((p, i) => (i === index ? { ...p, ...change } : p)));
  }

  protected save(): Promise<boolean> {
    const hours = this.ownHours();
    return this.store.save({
      workingHours: hours === null ? undefined : weekOrdered(hours),
      outOfOffice: this.away().map((p) => ({ ...p, note: p.note?.trim() || undefined })),
    });
  }
}
