import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
import { TeamsClient, UsersClient } from '../api/l2r-api';
import { apiError } from '../../testing/fakes';
import { TeamsStore } from './teams-store';

describe('TeamsStore', () => {
  let teams: Record<string, ReturnType<typeof vi.fn>>;
  let store: TeamsStore;

  beforeEach(async () => {
    teams = {
      listTeams: vi.fn(() =>
        of([{ id: 't2', name: 'Qualification', members: [], routedTo: true }]),
      ),
      createTeam: vi.fn(() => of({ id: 't1', name: 'EMEA sales', members: [], routedTo: false })),
      updateTeam: vi.fn(() => of({ id: 't2', name: 'Inbound', members: [], routedTo: true })),
      deleteTeam: vi.fn(() => of(undefined)),
    };
    const users = {
      listUsers: vi.fn(() =>
        of([
          { id: 'u1', displayName: 'Sofia', isActive: true },
          { id: 'u2', displayName: 'Gone', isActive: false },
        ]),
      ),
    };
    TestBed.configureTestingModule({
      providers: [
        TeamsStore,
        { provide: TeamsClient, useValue: teams },
        { provide: UsersClient, useValue: users },
      ],
    });
    store = TestBed.inject(TeamsStore);
    await store.load();
  });

  it('offers only active users as members', () => {
    expect(store.users().map((u) => u.id)).toEqual(['u1']);
  });

  it('creates, renames and deletes, keeping the list sorted by name', async () => {
    const request = { name: 'EMEA sales', members: [{ userId: 'u1', weight: 2 }] };
    expect(await store.save(null, request)).toBeNull();
    expect(teams['createTeam']).toHaveBeenCalledWith(request);
    expect(store.teams().map((t) => t.name)).toEqual(['EMEA sales', 'Qualification']);

    await store.save('t2', { name: 'Inbound', members: [] });
    expect(store.teams().map((t) => t.name)).toEqual(['EMEA sales', 'Inbound']);

    await store.remove('t1');
    expect(store.teams().map((t) => t.id)).toEqual(['t2']);
  });

  it('answers the 409 of a team the agreement routes to, and keeps it', async () => {
    teams['deleteTeam'].mockReturnValue(
      throwError(() =>
        apiError(409, {
          title: 'Conflict',
          detail: 'Agreement version 2 routes leads to Qualification.',
        }),
      ),
    );
    const problem = await store.remove('t2');
    expect(problem?.status).toBe(409);
    expect(problem?.detail).toContain('routes leads to Qualification');
    expect(store.teams().map((t) => t.id)).toEqual(['t2']);
  });
});
