import { Injectable, inject, signal } from '@angular/core';
import { Observable, firstValueFrom } from 'rxjs';
import {
  AvailabilityDto,
  CalendarClient,
  UpdateAvailabilityRequest,
  UsersClient,
  WorkingDay,
} from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';
import { problemAt, problemsByPath } from './settings-problems';

/**
 * One user's working hours and out-of-office periods: the signed-in user's own (`userId` null), or, for an admin,
 * anyone's. The tenant's hours come along as the starting point for a personal override.
 */
@Injectable()
export class AvailabilityStore {
  private readonly client = inject(CalendarClient);
  private readonly users = inject(UsersClient);

  readonly availability = signal<AvailabilityDto | null>(null);
  readonly tenantHours = signal<WorkingDay[]>([]);
  /** Whose availability this is, when an admin edits someone else's. */
  readonly userName = signal<string | null>(null);
  readonly loading = signal(false);
  readonly saving = signal(false);
  readonly error = signal<Problem | null>(null);
  readonly notice = signal<string | null>(null);
  private readonly problems = signal<Record<string, string>>({});
  private userId: string | null = null;

  errorAt(path: string): string | null {
    return problemAt(this.problems(), path);
  }

  async load(userId: string | null): Promise<void> {
    this.userId = userId;
    this.loading.set(true);
    this.error.set(null);
    try {
      const [availability, calendar] = await Promise.all([
        firstValueFrom(
          userId ? this.client.getUserAvailability(userId) : this.client.getMyAvailability(),
        ),
        firstValueFrom(this.client.getCalendar()),
      ]);
      this.availability.set(availability);
      this.tenantHours.set(calendar.workingHours ?? []);
      if (userId) {
        const user = await firstValueFrom(this.users.getUser(userId));
        this.userName.set(user.displayName || user.email || null);
      }
    } catch (e) {
      this.error.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }

  async save(request: UpdateAvailabilityRequest): Promise<boolean> {
    const call: Observable<AvailabilityDto> = this.userId
      ? this.client.updateUserAvailability(this.userId, request)
      : this.client.updateMyAvailability(request);
    this.saving.set(true);
    this.error.set(null);
    this.notice.set(null);
    this.problems.set({});
    try {
      this.availability.set(await firstValueFrom(call));
      this.notice.set('Saved.');
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
