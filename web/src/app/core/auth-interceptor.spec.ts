import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Subject, firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth-interceptor';
import { AuthStore } from './auth-store';

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let refreshes: Subject<string>;
  let store: {
    accessToken: ReturnType<typeof vi.fn>;
    refreshAccessToken: ReturnType<typeof vi.fn>;
    expire: ReturnType<typeof vi.fn>;
  };

  beforeEach(() => {
    refreshes = new Subject<string>();
    store = {
      accessToken: vi.fn(() => 'old'),
      refreshAccessToken: vi.fn(() => refreshes),
      expire: vi.fn(),
    };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        { provide: AuthStore, useValue: store },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  it('sends the bearer token to the API but not to login', () => {
    http.get('/api/board').subscribe();
    http.post('/api/auth/login', {}).subscribe();
    expect(backend.expectOne('/api/board').request.headers.get('Authorization')).toBe('Bearer old');
    expect(backend.expectOne('/api/auth/login').request.headers.has('Authorization')).toBe(false);
  });

  it('refreshes on 401 and retries with the new token', async () => {
    const result = firstValueFrom(http.get<{ ok: boolean }>('/api/board'));
    backend.expectOne('/api/board').flush(null, { status: 401, statusText: 'Unauthorized' });
    refreshes.next('new');
    refreshes.complete();
    const retry = backend.expectOne('/api/board');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new');
    retry.flush({ ok: true });
    expect(await result).toEqual({ ok: true });
  });

  it('ends the session when the refresh is refused', async () => {
    const result = firstValueFrom(http.get('/api/board')).catch((e) => e);
    backend.expectOne('/api/board').flush(null, { status: 401, statusText: 'Unauthorized' });
    refreshes.error(new Error('revoked'));
    expect((await result).message).toBe('revoked');
    expect(store.expire).toHaveBeenCalled();
  });

  it('passes other errors through untouched', async () => {
    const result = firstValueFrom(http.get('/api/board')).catch((e) => e);
    backend.expectOne('/api/board').flush(null, { status: 403, statusText: 'Forbidden' });
    expect((await result).status).toBe(403);
    expect(store.refreshAccessToken).not.toHaveBeenCalled();
  });
});
