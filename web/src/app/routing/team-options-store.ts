import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { TeamDto, TeamsClient } from '../api/l2r-api';

/** The tenant's teams as choices (routing rules, fallback): loaded once; an unreachable list leaves the choices empty. */
@Injectable()
export class TeamOptionsStore {
  private readonly client = inject(TeamsClient);

  readonly teams = signal<TeamDto[]>([]);

  async load(): Promise<void> {
    try {
      this.teams.set(await firstValueFrom(this.client.listTeams()));
    } catch {
      this.teams.set([]);
    }
  }

  nameOf(id: string | undefined): string {
    return this.teams().find((t) => t.id === id)?.name ?? 'an unknown team';
  }
}
