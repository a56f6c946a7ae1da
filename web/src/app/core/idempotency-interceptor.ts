import { HttpInterceptorFn } from '@angular/common/http';

const HEADER = 'Idempotency-Key';

/**
 * The generated client sends `Idempotency-Key` even when it was given no key, as an empty value, and the API refuses an
 * empty key with 400. The header is optional in the contract, so an empty one is dropped: no key means no header.
 */
export const idempotencyInterceptor: HttpInterceptorFn = (req, next) =>
  req.headers.has(HEADER) && !req.headers.get(HEADER)
    ? next(req.clone({ headers: req.headers.delete(HEADER) }))
    : next(req);
