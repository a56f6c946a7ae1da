import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatInputModule } from '@angular/material/input';
import { DayOfWeek, WorkingDay } from '../api/l2r-api';
import { FieldControl, FormField } from '../core/form-field';

export const WEEK: DayOfWeek[] = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

/**
 * Working days in week order, Monday first. The forms send hours in this order, so the API's `workingHours[i]`
 * problems name the row the editor shows at that position.
 */
export function weekOrdered(hours: readonly WorkingDay[]): WorkingDay[] {
  return [...hours].sort((a, b) => WEEK.indexOf(a.day!) - WEEK.indexOf(b.day!));
}

/** "09:00:00" → "09:00" for a time input; the API keeps seconds. */
const hhmm = (time: string | undefined) => (time ?? '').slice(0, 5);

/** The hours of each weekday (one span a day, as the API allows): a day is worked or not, from start to end. */
@Component({
  selector: 'app-working-hours',
  imports: [FieldControl, FormField, MatCheckboxModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="week" role="group" [attr.aria-label]="label()" data-testid="working-hours">
      @for (row of rows(); track row.day) {
        <div class="day" [attr.data-day]="row.day" data-path="workingHours">
          <mat-checkbox
            [checked]="row.on"
            [disabled]="readonly()"
            (change)="toggle(row.day, $event.checked)"
            [attr.data-testid]="'works-' + row.day"
            >{{ row.day }}</mat-checkbox
          >
          @if (row.on) {
            <app-form-field label="From" [error]="errorAt()(row.path + '.start')">
              <input
                *appFieldControl
                matInput
                type="time"
                [value]="row.start"
                [readonly]="readonly()"
                (change)="setTime(row.day, 'start', $event)"
                [attr.data-testid]="'start-' + row.day"
              />
            </app-form-field>
            <app-form-field label="To" [error]="errorAt()(row.path + '.end')">
              <input
                *appFieldControl
                matInput
                type="time"
                [value]="row.end"
                [readonly]="readonly()"
                (change)="setTime(row.day, 'end', $event)"
                [attr.data-testid]="'end-' + row.day"
              />
            </app-form-field>
          } @else {
            <span class="muted off">Not a working day</span>
          }
        </div>
      }
    </div>
  `,
  styles: `
    .day {
      display: flex;
      align-items: center;
      gap: 12px;
      min-height: 64px;
    }
    mat-checkbox {
      width: 140px;
    }
    app-form-field {
      width: 140px;
    }
  `,
})
export class WorkingHours {
  readonly hours = input.required<WorkingDay[]>();
  readonly readonly = input(false);
  readonly label = input('Working hours');
  /** Problems by path (`workingHours[2].end`), from the page's store. */
  readonly errorAt = input<(path: string) => string | null>(() => null);
  readonly hoursChange = output<WorkingDay[]>();

  protected readonly rows = computed(() => {
    const ordered = weekOrdered(this.hours());
    return WEEK.map((day) => {
      const i = ordered.findIndex((h) => h.day === day);
      const h = ordered[i];
      return {
        day,
        on: !!h,
        start: hhmm(h?.start),
        end: hhmm(h?.end),
        path: `workingHours[${i}]`,
      };
    });
  });

  protected toggle(day: DayOfWeek, on: boolean): void {
    const rest = this.hours().filter((h) => h.day !== day);
    this.hoursChange.emit(
      weekOrdered(on ? [...rest, { day, start: '09:00:00', end: '17:00:00' }] : rest),
    );
  }

  protected setTime(day: DayOfWeek, which: 'start' | 'end', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (!value) return;
    this.hoursChange.emit(
      this.hours().map((h) => (h.day === day ? { ...h, [which]: `${value}:00` } : h)),
    );
  }
}
