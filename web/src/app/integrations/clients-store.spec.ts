import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
import { ClientsClient } from '../api/l2r-api';
import { apiError } from '../../testing/fakes';
import { apiClient, validationProblem } from '../../testing/integrations-fakes';
import { ClientsStore } from './clients-store';

const rotated = apiClient({
  secrets: [
    { id: 's1', hint: 'aaaa', createdAt: '2026-11-20T09:00:00Z' },
    { id: 's2', hint: 'bbbb', createdAt: '2026-11-27T09:00:00Z' },
  ],
});

describe('ClientsStore', () => {
  let client: Record<string, ReturnType<typeof vi.fn>>;
  let store: ClientsStore;

  beforeEach(async () => {
    client = {
      listClients: vi.fn(() => of([apiClient()])),
      createClient: vi.fn(() =>
        of({
          client: apiClient({ id: 'c2', clientId: 'acme.c2', name: 'CRM sync' }),
          secretId: 's9',
          clientSecret: 'secret-c2',
        }),
      ),
      rotateClientSecret: vi.fn(() =>
        of({ client: rotated, secretId: 's2', clientSecret: 'secret-new' }),
      ),
      endClientSecret: vi.fn(() =>
        of(
          apiClient({
            secrets: [
              { ...rotated.secrets[0], revokedAt: '2026-11-27T09:01:00Z' },
              rotated.secrets[1],
            ],
          }),
        ),
      ),
      revokeClient: vi.fn(() =>
        of(apiClient({ isActive: false, revokedAt: '2026-11-27T09:00:00Z' })),
      ),
    };
    TestBed.configureTestingModule({
      providers: [ClientsStore, { provide: ClientsClient, useValue: client }],
    });
    store = TestBed.inject(ClientsStore);
    await store.load();
  });

  it('creates a client with its name and scopes and shows its secret once', async () => {
    expect(await store.create('CRM sync', ['leads:read', 'leads:write'])).toBeNull();
    expect(client['createClient']).toHaveBeenCalledWith({
      name: 'CRM sync',
      scopes: ['leads:read', 'leads:write'],
    });
    expect(store.clients().map((c) => c.clientId)).toEqual(['acme.c1', 'acme.c2']);
    expect(store.shownSecret()).toEqual({
      clientName: 'CRM sync',
      clientId: 'acme.c2',
      secret: 'secret-c2',
      rotated: false,
    });
    store.dismissSecret();
    expect(store.shownSecret()).toBeNull();
  });

  it('rotates with an overlap: both secrets stay until the old one is ended', async () => {
    expect(await store.rotate('c1', false)).toBeNull();
    expect(client['endClientSecret']).not.toHaveBeenCalled();
    expect(store.clients()[0].secrets.filter((s) => !s.revokedAt)).toHaveLength(2);
    expect(store.shownSecret()).toMatchObject({ secret: 'secret-new', rotated: true });

    await store.endSecret('c1', 's1');
    expect(client['endClientSecret']).toHaveBeenCalledWith('c1', 's1');
    expect(
      store
        .clients()[0]
        .secrets.filter((s) => !s.revokedAt)
        .map((s) => s.id),
    ).toEqual(['s2']);
  });

  it('rotates without an overlap: the old secret ends at once, the new one is kept', async () => {
    expect(await store.rotate('c1', true)).toBeNull();
    expect(client['endClientSecret']).toHaveBeenCalledTimes(1);
    expect(client['endClientSecret']).toHaveBeenCalledWith('c1', 's1');
    expect(
      store
        .clients()[0]
        .secrets.filter((s) => !s.revokedAt)
        .map((s) => s.id),
    ).toEqual(['s2']);
  });

  it('revokes', async () => {
    await store.revoke('c1');
    expect(store.clients()[0].isActive).toBe(false);
  });

  it('returns the field errors of a refused create and shows no secret', async () => {
    client['createClient'].mockReturnValue(
      throwError(() => validationProblem({ scopes: ['Grant the client at least one scope.'] })),
    );
    const problem = await store.create('CRM sync', []);
    expect(problem?.errors['scopes']).toEqual(['Grant the client at least one scope.']);
    expect(store.shownSecret()).toBeNull();
  });

  it('reloads the list when a client is gone (404)', async () => {
    client['revokeClient'].mockReturnValue(
      throwError(() => apiError(404, { title: 'API client not found.' })),
    );
    client['listClients'].mockReturnValue(of([]));
    expect((await store.revoke('c1'))?.status).toBe(404);
    await Promise.resolve();
    expect(client['listClients']).toHaveBeenCalledTimes(2);
    expect(store.clients()).toEqual([]);
  });
});
