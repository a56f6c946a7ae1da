import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, throwError } from 'rxjs';
import { AuthStore } from './auth-store';

const ANONYMOUS = ['/api/auth/login', '/api/auth/refresh', '/api/tenants'];

const isApi = (req: HttpRequest<unknown>) => req.url.includes('/api/');
const isAnonymous = (req: HttpRequest<unknown>) => ANONYMOUS.some((path) => req.url.includes(path));
const withToken = (req: HttpRequest<unknown>, token: string) =>
  req.clone({ setHeaders: { Authorization: `Bearer ${token}` } });

/** Adds the bearer token; on a 401 refreshes once (shared by all concurrent requests) and retries. */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApi(req) || isAnonymous(req)) return next(req);
  const auth = inject(AuthStore);
  const token = auth.accessToken();
  if (!token) return next(req);
  return next(withToken(req, token)).pipe(
    catchError((error: unknown) => {
      if (
        !(error instanceof HttpErrorResponse) ||
        error.status !== 401 ||
        req.url.includes('/api/auth/logout')
      ) {
        return throwError(() => error);
      }
      return auth.refreshAccessToken().pipe(
        catchError((refreshError: unknown) => {
          auth.expire();
          return throwError(() => refreshError);
        }),
        switchMap((fresh) => next(withToken(req, fresh))),
      );
    }),
  );
};
