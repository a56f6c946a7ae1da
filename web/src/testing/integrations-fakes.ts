import { ApiClientDto, WebhookDeliveryDto, WebhookDto } from '../app/api/l2r-api';

/** An active API client with one secret, unless a test says otherwise. */
export function apiClient(overrides: Partial<ApiClientDto> = {}): ApiClientDto {
  return {
    id: 'c1',
    clientId: 'acme.c1',
    name: 'Website forms',
    scopes: ['leads:write'],
    isActive: true,
    createdAt: '2026-11-20T09:00:00Z',
    version: 1,
    secrets: [{ id: 's1', hint: 'aaaa', createdAt: '2026-11-20T09:00:00Z' }],
    ...overrides,
  };
}

export function webhook(overrides: Partial<WebhookDto> = {}): WebhookDto {
  return {
    id: 'w1',
    url: 'https://example.com/hooks',
    eventTypes: ['lead.created'],
    enabled: true,
    signsWithPreviousSecret: false,
    createdAt: '2026-11-20T09:00:00Z',
    version: 1,
    ...overrides,
  };
}

/** A delivery just queued (no attempt yet), unless a test says otherwise. */
export function delivery(overrides: Partial<WebhookDeliveryDto> = {}): WebhookDeliveryDto {
  return {
    id: 'd1',
    subscriptionId: 'w1',
    eventId: 'e1',
    eventType: 'webhook.test',
    status: 'Pending',
    attempts: 0,
    nextAttemptAt: '2026-11-27T10:00:00Z',
    createdAt: '2026-11-27T10:00:00Z',
    attemptLog: [],
    ...overrides,
  };
}

/** A ProblemDetails as the generated client throws it for a declared 4xx. */
export const validationProblem = (errors: Record<string, string[]>) => ({
  status: 400,
  title: 'One or more validation errors occurred.',
  errors,
});
