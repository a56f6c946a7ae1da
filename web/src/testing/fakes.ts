import { signal } from '@angular/core';
import { ApiException, CardDto, LeadState, Role } from '../app/api/l2r-api';

/** An error as the NSwag client throws it: status plus the ProblemDetails JSON text. */
export function apiError(status: number, body: object): ApiException {
  return new ApiException(
    'A server side error occurred.',
    status,
    JSON.stringify({ status, ...body }),
    {},
    null,
  );
}

let n = 0;
export function card(state: LeadState, overrides: Partial<CardDto> = {}): CardDto {
  n++;
  return {
    id: `lead-${n}`,
    name: `Lead ${n}`,
    company: `Company ${n}`,
    totalScore: 40,
    fitScore: 25,
    engagementScore: 15,
    scoredAt: new Date(Date.now() - 3600_000).toISOString(),
    ownerId: undefined,
    ownerName: undefined,
    source: 'web',
    campaign: 'spring',
    state,
    stageEnteredAt: new Date(Date.now() - 3 * 3600_000 - 60_000).toISOString(),
    version: 1,
    ...overrides,
  };
}

/** Lets pending promise chains (stores awaiting fake observables) finish. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve));

/** A signed-in user for components that read the AuthStore: just the members they use. */
export function fakeAuth(roles: Role[], id = 'me') {
  const user = signal({ id, displayName: 'Me', email: 'me@acme.test', roles });
  return {
    user,
    roles: signal(roles),
    isAdmin: () => roles.includes('Admin'),
    isMarketing: () => roles.includes('Marketing'),
    isSales: () => roles.includes('Sales'),
    hasRole: (...wanted: Role[]) => wanted.some((r) => roles.includes(r)),
  };
}
