import { HttpClient, HttpHeaders, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { idempotencyInterceptor } from './idempotency-interceptor';

describe('idempotencyInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([idempotencyInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  it('drops the empty key the generated client sends when it was given none', () => {
    http
      .post('/api/leads', {}, { headers: new HttpHeaders({ 'Idempotency-Key': '', Accept: 'x' }) })
      .subscribe();
    const req = backend.expectOne('/api/leads');
    expect(req.request.headers.has('Idempotency-Key')).toBe(false);
    expect(req.request.headers.get('Accept')).toBe('x');
  });

  it('keeps a key that was given', () => {
    http
      .post('/api/leads', {}, { headers: new HttpHeaders({ 'Idempotency-Key': 'k1' }) })
      .subscribe();
    expect(backend.expectOne('/api/leads').request.headers.get('Idempotency-Key')).toBe('k1');
  });
});
