import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { TeamDto, TeamRequest, TeamsClient, UserDto, UsersClient } from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';

/** The tenant's teams and the users who can be their members, for the admin's teams page. */
@Injectable()
export class TeamsStore {
  private readonly teamsClient = inject(TeamsClient);
  private readonly usersClient = inject(UsersClient);

  readonly teams = signal<TeamDto[]>([]);
  readonly users = signal<UserDto[]>([]);
  readonly loading = signal(false);
  readonly error = signal<Problem | null>(null);

  async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const [teams, users] = await Promise.all([
        firstValueFrom(this.teamsClient.listTeams()),
        firstValueFrom(this.usersClient.listUsers()),
      ]);
      this.teams.set(teams);
      this.users.set(users.filter((u) => u.isActive));
    } catch (e) {
      this.error.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }

  /** Creates the team, or replaces the one with <code>id</code>; answers the refusal, if any. */
  async save(id: string | null, request: TeamRequest): Promise<Problem | null> {
    return this.run(async () => {
      if (id === null) {
        const created = await firstValueFrom(this.teamsClient.createTeam(request));
        this.teams.update((list) => [...list, created].sort(byName));
      } else {
        const saved = await firstValueFrom(this.teamsClient.updateTeam(id, request));
        this.teams.update((list) => list.map((t) => (t.id === id ? saved : t)).sort(byName));
      }
    });
  }

  async remove(id: string): Promise<Problem | null> {
    return this.run(async () => {
      await firstValueFrom(this.teamsClient.deleteTeam(id));
      this.teams.update((list) => list.filter((t) => t.id !== id));
    });
  }

  private async run(action: () => Promise<void>): Promise<Problem | null> {
    try {
      await action();
      return null;
    } catch (e) {
      return toProblem(e);
    }
  }
}

function byName(a: TeamDto, b: TeamDto): number {
  return (a.name ?? '').localeCompare(b.name ?? '');
}
