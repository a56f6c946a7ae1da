import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Subject, of, throwError } from 'rxjs';
import { AuthClient, Role, TenantsClient, TokenResponse } from '../api/l2r-api';
import { AuthStore, SESSION_KEY } from './auth-store';

const tokens = (n: number): TokenResponse => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  accessTokenExpiresAt: new Date().toISOString(),
  refreshTokenExpiresAt: new Date().toISOString(),
  user: {
    id: 'u1',
    tenantId: 't1',
    email: 'sales@acme.test',
    displayName: 'Sam Sales',
    tenantSlug: 'acme',
    tenantName: 'Acme',
    roles: ['Sales'],
  },
});

describe('AuthStore', () => {
  let auth: {
    login: ReturnType<typeof vi.fn>;
    refresh: ReturnType<typeof vi.fn>;
    logout: ReturnType<typeof vi.fn>;
  };

  beforeEach(() => {
    localStorage.clear();
    auth = {
      login: vi.fn(() => of(tokens(1))),
      refresh: vi.fn(),
      logout: vi.fn(() => of(undefined)),
    };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: AuthClient, useValue: auth },
        { provide: TenantsClient, useValue: {} },
      ],
    });
  });

  it('signs in, keeps the session in localStorage and exposes the roles', async () => {
    const store = TestBed.inject(AuthStore);
    await store.login(' acme ', 'sales@acme.test', 'pw');
    expect(auth.login.mock.calls[0][0]).toMatchObject({
      tenant: 'acme',
      email: 'sales@acme.test',
      password: 'pw',
    });
    expect(store.isSignedIn()).toBe(true);
    expect(store.isSales()).toBe(true);
    expect(store.isAdmin()).toBe(false);
    expect(JSON.parse(localStorage.getItem(SESSION_KEY)!).refreshToken).toBe('refresh-1');
  });

  it('shares one refresh request between concurrent callers', async () => {
    const store = TestBed.inject(AuthStore);
    await store.login('acme', 'sales@acme.test', 'pw');
    const pending = new Subject<TokenResponse>();
    auth.refresh.mockReturnValue(pending);
    const seen: string[] = [];
    store.refreshAccessToken().subscribe((t) => seen.push(t));
    store.refreshAccessToken().subscribe((t) => seen.push(t));
    pending.next(tokens(2));
    pending.complete();
    expect(auth.refresh).toHaveBeenCalledTimes(1);
    expect(auth.refresh.mock.calls[0][0]).toMatchObject({ refreshToken: 'refresh-1' });
    expect(seen).toEqual(['access-2', 'access-2']);
    expect(store.accessToken()).toBe('access-2');
  });

  it('logs out by revoking the refresh token and forgetting the session, even if the server fails', async () => {
    const store = TestBed.inject(AuthStore);
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await store.login('acme', 'sales@acme.test', 'pw');
    auth.logout.mockReturnValue(throwError(() => new Error('offline')));
    await store.logout();
    expect(auth.logout.mock.calls[0][0]).toMatchObject({ refreshToken: 'refresh-1' });
    expect(store.isSignedIn()).toBe(false);
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login']);
  });
});
