import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Role } from '../api/l2r-api';
import { AuthStore } from './auth-store';

export const authGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthStore);
  return auth.isSignedIn()
    ? true
    : inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

export const roleGuard =
  (...roles: Role[]): CanActivateFn =>
  () => {
    const auth = inject(AuthStore);
    return auth.hasRole(...roles) ? true : inject(Router).createUrlTree(['/board']);
  };

/** The login and sign-up pages are for signed-out visitors. */
export const anonymousGuard: CanActivateFn = () => {
  const auth = inject(AuthStore);
  return auth.isSignedIn() ? inject(Router).createUrlTree(['/board']) : true;
};
