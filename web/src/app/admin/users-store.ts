import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { Role, UserDto, UsersClient } from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';

/** The tenant's users, for admins. */
@Injectable()
export class UsersStore {
  private readonly client = inject(UsersClient);

  readonly users = signal<UserDto[]>([]);
  readonly loading = signal(false);
  readonly error = signal<Problem | null>(null);

  async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.users.set(await firstValueFrom(this.client.listUsers()));
    } catch (e) {
      this.error.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }

  async create(
    email: string,
    displayName: string,
    password: string,
    roles: Role[],
  ): Promise<Problem | null> {
    return this.run(async () => {
      const user = await firstValueFrom(
        this.client.createUser({ email, displayName, password, roles }),
      );
      this.users.update((list) => [...list, user]);
    });
  }

  async setRoles(id: string, roles: Role[]): Promise<Problem | null> {
    return this.run(async () =>
      this.replace(await firstValueFrom(this.client.setUserRoles(id, { roles }))),
    );
  }

  async deactivate(id: string): Promise<Problem | null> {
    return this.run(async () => this.replace(await firstValueFrom(this.client.deactivateUser(id))));
  }

  private replace(user: UserDto): void {
    this.users.update((list) => list.map((u) => (u.id === user.id ? user : u)));
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
