import { signal } from '@angular/core';
import { vi } from 'vitest';
import {
  ApiException,
  CardDto,
  IntelTagDto,
  LeadDto,
  LeadState,
  LeadTrigger,
  Role,
  SlaSummaryDto,
  TransitionOptionDto,
} from '../app/api/l2r-api';
import { HubLink, LIVE_HUB, LeadChange } from '../app/core/live-store';

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

/** A lead as the API returns it, with neutral values for what a test does not set. */
/** An open SLA clock as a card or a lead summarises it: running, started an hour ago, nothing recorded yet. */
export function slaSummary(overrides: Partial<SlaSummaryDto> = {}): SlaSummaryDto {
  return {
    clockId: 'clock-1',
    termId: 'mql-response',
    termName: 'MQL response',
    status: 'Running',
    startedAt: new Date(Date.now() - 3600_000).toISOString(),
    warned: false,
    breached: false,
    ...overrides,
  };
}

export function leadDto(overrides: Partial<LeadDto> & Pick<LeadDto, 'id'>): LeadDto {
  const at = new Date().toISOString();
  return {
    state: 'Raw',
    version: 1,
    name: 'Lead',
    budget: false,
    authority: false,
    need: false,
    timeline: false,
    fitScore: 0,
    engagementScore: 0,
    totalScore: 0,
    customFields: {},
    stageEnteredAt: at,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** A move the lead page or board offers: allowed, met, no reason, unless a test says otherwise. */
export function option(
  trigger: LeadTrigger,
  to: LeadState,
  overrides: Partial<TransitionOptionDto> = {},
): TransitionOptionDto {
  return {
    trigger,
    to,
    allowed: true,
    autoAdvance: false,
    criteriaMet: true,
    reasonList: 'None',
    reasons: [],
    criteria: [],
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
    isSignedIn: signal(true),
    currentAccessToken: () => Promise.resolve('token'),
    roles: signal(roles),
    isAdmin: () => roles.includes('Admin'),
    isMarketing: () => roles.includes('Marketing'),
    isSales: () => roles.includes('Sales'),
    hasRole: (...wanted: Role[]) => wanted.some((r) => roles.includes(r)),
  };
}

/** A tag of the tenant's lists. */
export function intelTag(
  overrides: Partial<IntelTagDto> & Pick<IntelTagDto, 'id' | 'label'>,
): IntelTagDto {
  return {
    kind: 'Competitor',
    retired: false,
    mergedIntoId: undefined,
    mentions: 0,
    version: 1,
    ...overrides,
  };
}

/**
 * A board hub connection the test drives: `push` delivers a server message, `drop`/`restore` play a lost and a
 * recovered connection. `provider` goes into a TestBed's providers.
 */
export function fakeHub() {
  const handlers = new Map<string, (arg: unknown) => void>();
  let reconnecting: (() => void) | undefined;
  let reconnected: (() => void) | undefined;
  const link = {
    on: vi.fn((method: string, handler: (arg: unknown) => void) => handlers.set(method, handler)),
    onreconnecting: vi.fn((cb: () => void) => (reconnecting = cb)),
    onreconnected: vi.fn((cb: () => void) => (reconnected = cb)),
    onclose: vi.fn(),
    start: vi.fn(() => Promise.resolve()),
    stop: vi.fn(() => Promise.resolve()),
  };
  const connect = vi.fn((_token: () => Promise<string>) => link as unknown as HubLink);
  return {
    link,
    connect,
    provider: { provide: LIVE_HUB, useValue: connect },
    push: (method: 'leadChanged' | 'boardReload', arg: unknown) => handlers.get(method)?.(arg),
    drop: () => reconnecting?.(),
    restore: () => reconnected?.(),
  };
}

/** A push for a lead: moved by Sam Rep unless the test says otherwise. */
export function leadChange(card: CardDto | null, overrides: Partial<LeadChange> = {}): LeadChange {
  return {
    leadId: card?.id ?? 'gone',
    kind: 'moved',
    fromState: null,
    card,
    actorName: 'Sam Rep',
    at: new Date().toISOString(),
    ...overrides,
  };
}
