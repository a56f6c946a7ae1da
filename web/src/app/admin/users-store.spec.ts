import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
import { UsersClient } from '../api/l2r-api';
import { apiError } from '../../testing/fakes';
import { UsersStore } from './users-store';

describe('UsersStore', () => {
  let client: Record<string, ReturnType<typeof vi.fn>>;
  let store: UsersStore;

  beforeEach(async () => {
    client = {
      listUsers: vi.fn(() =>
        of([{ id: 'u1', email: 'a@x.test', displayName: 'A', roles: ['Admin'], isActive: true }]),
      ),
      createUser: vi.fn(() =>
        of({ id: 'u2', email: 'b@x.test', displayName: 'B', roles: ['Sales'], isActive: true }),
      ),
      setUserRoles: vi.fn(() =>
        of({
          id: 'u1',
          email: 'a@x.test',
          displayName: 'A',
          roles: ['Admin', 'Sales'],
          isActive: true,
        }),
      ),
      deactivateUser: vi.fn(() =>
        of({ id: 'u1', email: 'a@x.test', displayName: 'A', roles: ['Admin'], isActive: false }),
      ),
    };
    TestBed.configureTestingModule({
      providers: [UsersStore, { provide: UsersClient, useValue: client }],
    });
    store = TestBed.inject(UsersStore);
    await store.load();
  });

  it('creates, changes roles and deactivates, keeping the list current', async () => {
    expect(await store.create('b@x.test', 'B', 'long-password', ['Sales'])).toBeNull();
    expect(client['createUser']).toHaveBeenCalledWith({
      email: 'b@x.test',
      displayName: 'B',
      password: 'long-password',
      roles: ['Sales'],
    });
    await store.setRoles('u1', ['Admin', 'Sales']);
    expect(client['setUserRoles']).toHaveBeenCalledWith('u1', { roles: ['Admin', 'Sales'] });
    await store.deactivate('u1');
    expect(store.users().map((u) => [u.id, u.roles, u.isActive])).toEqual([
      ['u1', ['Admin'], false],
      ['u2', ['Sales'], true],
    ]);
  });

  it('returns the validation problem of a refused create', async () => {
    client['createUser'].mockReturnValue(
      throwError(() => apiError(409, { title: 'A user with this email exists.' })),
    );
    const problem = await store.create('a@x.test', 'A', 'long-password', ['Sales']);
    expect(problem?.title).toBe('A user with this email exists.');
    expect(store.users()).toHaveLength(1);
  });
});
