import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  inject,
  linkedSignal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { AuthStore } from '../core/auth-store';
import { FieldControl, FormField } from '../core/form-field';
import { problemLines } from '../core/problem';
import { CalendarStore } from './calendar-store';
import { WorkingHours, weekOrdered } from './working-hours';

/** Every IANA zone the browser knows, for the time zone field's suggestions. */
const TIME_ZONES: readonly string[] = Intl.supportedValuesOf?.('timeZone') ?? [];

/** The tenant's calendar: time zone, working hours and holidays. Admins edit it; everyone else reads it. */
@Component({
  selector: 'app-calendar-page',
  imports: [
    FieldControl,
    FormField,
    MatButtonModule,
    MatInputModule,
    MatProgressBarModule,
    WorkingHours,
  ],
  providers: [CalendarStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box dense-fields" data-testid="calendar">
      <h2>Tenant calendar</h2>
      <p class="muted">
        SLA targets in business hours count only these hours, in this time zone, and skip holidays.
        @if (readonly()) {
          Only an admin can change them.
        }
      </p>
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the calendar" />
      }
      @if (store.error(); as p) {
        <div class="error-box" role="alert">{{ lines(p).join('\\n') }}</div>
      }
      @if (store.calendar()) {
        <app-form-field
          label="Time zone"
          [error]="store.errorAt('timeZone')"
          hint="e.g. Europe/Berlin"
        >
          <input
            *appFieldControl
            matInput
            list="time-zones"
            [value]="timeZone()"
            [readonly]="readonly()"
            (input)="timeZone.set(text($event))"
            data-testid="time-zone"
          />
        </app-form-field>
        <datalist id="time-zones">
          @for (zone of zones; track zone) {
            <option [value]="zone"></option>
          }
        </datalist>

        <h3>Working hours</h3>
        @if (store.errorAt('workingHours'); as e) {
          <p class="error" role="alert">{{ e }}</p>
        }
        <app-working-hours
          [hours]="hours()"
          [readonly]="readonly()"
          [errorAt]="errorAt"
          (hoursChange)="hours.set($event)"
        />

        <h3>Holidays</h3>
        @if (store.errorAt('holidays'); as e) {
          <p class="error" role="alert">{{ e }}</p>
        }
        <ul class="holidays" data-testid="holidays">
          @for (day of holidays(); track $index) {
            <li data-testid="holiday">
              <app-form-field label="Date" [error]="store.errorAt('holidays[' + $index + ']')">
                <input
                  *appFieldControl
                  matInput
                  type="date"
                  [value]="day"
                  [readonly]="readonly()"
                  (change)="setHoliday($index, $event)"
                />
              </app-form-field>
              @if (!readonly()) {
                <button mat-button type="button" (click)="removeHoliday($index)">Remove</button>
              }
            </li>
          } @empty {
            <li class="muted">No holidays.</li>
          }
        </ul>
        @if (!readonly()) {
          <button mat-stroked-button type="button" (click)="addHoliday()" data-testid="add-holiday">
            Add a holiday
          </button>
          <div class="actions">
            <button
              mat-flat-button
              type="button"
              (click)="save()"
              [disabled]="store.saving()"
              data-testid="save-calendar"
            >
              {{ store.saving() ? 'Saving…' : 'Save calendar' }}
            </button>
            @if (store.notice(); as n) {
              <span class="ok" role="status" data-testid="calendar-notice">{{ n }}</span>
            }
          </div>
        }
      }
    </section>
  `,
  styles: `
    app-form-field {
      width: 260px;
    }
    .holidays {
      list-style: none;
      padding: 0;
      margin: 0 0 8px;
    }
    .holidays li {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .holidays app-form-field {
      width: 200px;
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
export class CalendarPage implements OnInit {
  protected readonly store = inject(CalendarStore);
  private readonly auth = inject(AuthStore);
  protected readonly readonly = computed(() => !this.auth.isAdmin());
  protected readonly zones = TIME_ZONES;
  protected readonly lines = problemLines;
  protected readonly errorAt = (path: string) => this.store.errorAt(path);

  // The working copy starts from, and is reset by, what the server last said.
  protected readonly timeZone = linkedSignal(() => this.store.calendar()?.timeZone ?? '');
  protected readonly hours = linkedSignal(() => this.store.calendar()?.workingHours ?? []);
  protected readonly holidays = linkedSignal(() => this.store.calendar()?.holidays ?? []);

  ngOnInit(): void {
    void this.store.load();
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected addHoliday(): void {
    this.holidays.update((days) => [...days, '']);
  }

  protected removeHoliday(index: number): void {
    this.holidays.update((days) => days.filter((_, i) => i !== index));
  }

  protected setHoliday(index: number, event: Event): void {
    const value = this.text(event);
    this.holidays.update((days) => days.map((d, i) => (i === index ? value : d)));
  }

  protected save(): Promise<boolean> {
    return this.store.save({
      timeZone: this.timeZone().trim(),
      workingHours: weekOrdered(this.hours()),
      holidays: this.holidays().filter(Boolean),
    });
  }
}
