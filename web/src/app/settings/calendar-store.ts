import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { CalendarClient, CalendarDto, UpdateCalendarRequest } from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';
import { problemAt, problemsByPath } from './settings-problems';

/** The tenant's calendar (time zone, working hours, holidays) on which SLA targets in business hours count. */
@Injectable()
export class CalendarStore {
  private readonly client = inject(CalendarClient);

  readonly calendar = signal<CalendarDto | null>(null);
  readonly loading = signal(false);
  readonly saving = signal(false);
  readonly error = signal<Problem | null>(null);
  readonly notice = signal<string | null>(null);
  private readonly problems = signal<Record<string, string>>({});

  errorAt(path: string): string | null {
    return problemAt(this.problems(), path);
  }

  async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.calendar.set(await firstValueFrom(this.client.getCalendar()));
    } catch (e) {
      this.error.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }

  /** True when saved; a 400 puts each message beside its field, anything else shows on top. */
  async save(request: UpdateCalendarRequest): Promise<boolean> {
    this.saving.set(true);
    this.error.set(null);
    this.notice.set(null);
    this.problems.set({});
    try {
      this.calendar.set(await firstValueFrom(this.client.updateCalendar(request)));
      this.notice.set('Saved. Open SLA clocks were recomputed on the new calendar.');
      return true;
    } catch (e) {
      const problem = toProblem(e);
      if (problem.status === 400 && Object.keys(problem.errors).length)
        this.problems.set(problemsByPath(problem));
      else this.error.set(problem);
      return false;
    } finally {
      this.saving.set(false);
    }
  }
}
