import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { ApiClientDto, ClientsClient, IssuedClientSecretDto } from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';

/** A secret the API has just issued: the only time anyone sees it in clear. */
export interface ShownSecret {
  clientName: string;
  clientId: string;
  secret: string;
  rotated: boolean;
}

/**
 * The tenant's API clients, for admins. Provide it on the page: an issued secret then lives only as long as the page
 * (leaving drops it with the store), and is never written anywhere else.
 */
@Injectable()
export class ClientsStore {
  private readonly client = inject(ClientsClient);

  readonly clients = signal<ApiClientDto[]>([]);
  readonly loading = signal(false);
  readonly error = signal<Problem | null>(null);
  readonly shownSecret = signal<ShownSecret | null>(null);

  async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.clients.set(await firstValueFrom(this.client.listClients()));
    } catch (e) {
      this.error.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }

  create(name: string, scopes: string[]): Promise<Problem | null> {
    return this.run(async () => {
      const issued = await firstValueFrom(this.client.createClient({ name, scopes }));
      this.clients.update((list) => [...list, issued.client]);
      this.show(issued, false);
    });
  }

  /**
   * Issues a second secret. Both work until the old one is ended; `endOldNow` ends it at once, for a secret that
   * leaked, where an overlap would keep it usable.
   */
  rotate(clientId: string, endOldNow: boolean): Promise<Problem | null> {
    return this.run(async () => {
      const issued = await firstValueFrom(this.client.rotateClientSecret(clientId));
      let client = issued.client;
      if (endOldNow) {
        for (const old of client.secrets.filter((s) => s.id !== issued.secretId && !s.revokedAt)) {
          client = await firstValueFrom(this.client.endClientSecret(clientId, old.id));
        }
      }
      this.replace(client);
      this.show(issued, true);
    });
  }

  /** Ends one secret: the end of a rotation's overlap. */
  endSecret(clientId: string, secretId: string): Promise<Problem | null> {
    return this.run(async () =>
      this.replace(await firstValueFrom(this.client.endClientSecret(clientId, secretId))),
    );
  }

  revoke(clientId: string): Promise<Problem | null> {
    return this.run(async () =>
      this.replace(await firstValueFrom(this.client.revokeClient(clientId))),
    );
  }

  dismissSecret(): void {
    this.shownSecret.set(null);
  }

  private show(issued: IssuedClientSecretDto, rotated: boolean): void {
    this.shownSecret.set({
      clientName: issued.client.name,
      clientId: issued.client.clientId,
      secret: issued.clientSecret,
      rotated,
    });
  }

  private replace(client: ApiClientDto): void {
    this.clients.update((list) => list.map((c) => (c.id === client.id ? client : c)));
  }

  /** Runs an action; a 404 means the client went away meanwhile, so the list is reloaded. */
  private async run(action: () => Promise<void>): Promise<Problem | null> {
    try {
      await action();
      return null;
    } catch (e) {
      const problem = toProblem(e);
      if (problem.status === 404) void this.load();
      return problem;
    }
  }
}
