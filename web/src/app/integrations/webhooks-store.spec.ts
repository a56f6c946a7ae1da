import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
import { WebhooksClient } from '../api/l2r-api';
import { apiError } from '../../testing/fakes';
import { delivery, validationProblem, webhook } from '../../testing/integrations-fakes';
import { TEST_WATCH, WebhooksStore } from './webhooks-store';

describe('WebhooksStore', () => {
  let client: Record<string, ReturnType<typeof vi.fn>>;
  let store: WebhooksStore;

  beforeEach(async () => {
    client = {
      listWebhooks: vi.fn(() => of([webhook()])),
      createWebhook: vi.fn(() =>
        of({ webhook: webhook({ id: 'w2', url: 'https://crm.example/in' }), secret: 'whsec_abc' }),
      ),
      updateWebhook: vi.fn(() => of({ webhook: webhook({ enabled: true }) })),
      listWebhookDeliveries: vi.fn(() => of([delivery()])),
      sendTestWebhook: vi.fn(() => of(delivery())),
      redeliverWebhook: vi.fn(() => of(delivery({ id: 'd2' }))),
      replayWebhook: vi.fn(() => of({ queued: 3 })),
    };
    TestBed.configureTestingModule({
      providers: [WebhooksStore, { provide: WebhooksClient, useValue: client }],
    });
    store = TestBed.inject(WebhooksStore);
    await store.load();
  });

  afterEach(() => vi.useRealTimers());

  it('subscribes a URL to event types and shows the signing secret once', async () => {
    expect(await store.subscribe('https://crm.example/in', ['lead.stage_changed'])).toBeNull();
    expect(client['createWebhook']).toHaveBeenCalledWith({
      url: 'https://crm.example/in',
      eventTypes: ['lead.stage_changed'],
    });
    expect(store.webhooks().map((w) => w.id)).toEqual(['w1', 'w2']);
    expect(store.shownSecret()).toEqual({ url: 'https://crm.example/in', secret: 'whsec_abc' });
    store.dismissSecret();
    expect(store.shownSecret()).toBeNull();
  });

  it('returns the field errors of a refused subscription', async () => {
    client['createWebhook'].mockReturnValue(
      throwError(() => validationProblem({ url: ['Private addresses are refused.'] })),
    );
    const problem = await store.subscribe('http://10.0.0.1/', []);
    expect(problem?.errors['url']).toEqual(['Private addresses are refused.']);
    expect(store.shownSecret()).toBeNull();
  });

  it('enables a disabled subscription with its URL and types unchanged', async () => {
    const disabled = webhook({ enabled: false, disabledReason: 'The endpoint answered 410 Gone.' });
    await store.setEnabled(disabled, true);
    expect(client['updateWebhook']).toHaveBeenCalledWith('w1', {
      url: disabled.url,
      eventTypes: disabled.eventTypes,
      enabled: true,
      rotateSecret: false,
    });
    expect(store.webhooks()[0].enabled).toBe(true);
  });

  it('follows a test event until its first attempt and shows the answer', async () => {
    vi.useFakeTimers();
    const attempted = delivery({
      status: 'Succeeded',
      attempts: 1,
      lastStatusCode: 200,
      attemptLog: [{ attemptedAt: '2026-11-27T10:00:01Z', statusCode: 200, latencyMs: 12 }],
    });
    client['listWebhookDeliveries']
      .mockReturnValueOnce(of([delivery()]))
      .mockReturnValueOnce(of([delivery()]))
      .mockReturnValue(of([attempted]));
    const sent = store.sendTest('w1');
    await vi.advanceTimersByTimeAsync(TEST_WATCH.intervalMs * 3);
    expect(await sent).toBeNull();
    expect(store.test()).toEqual(attempted);
    expect(store.openId()).toBe('w1');
    expect(store.deliveries()).toEqual([attempted]);
  });

  it('redelivers at the top of the log and replays since a time', async () => {
    await store.openLog('w1');
    await store.redeliver('d1');
    expect(store.deliveries().map((d) => d.id)).toEqual(['d2', 'd1']);
    const since = new Date('2026-11-27T09:00:00Z');
    expect(await store.replay('w1', since)).toBeNull();
    expect(client['replayWebhook']).toHaveBeenCalledWith('w1', {
      since: '2026-11-27T09:00:00.000Z',
    });
    expect(store.replayed()).toBe(3);
  });

  it('closes the log and reloads the list when the subscription is gone (404)', async () => {
    await store.openLog('w1');
    client['replayWebhook'].mockReturnValue(
      throwError(() => apiError(404, { title: 'Webhook not found.' })),
    );
    client['listWebhooks'].mockReturnValue(of([]));
    expect((await store.replay('w1', new Date()))?.status).toBe(404);
    expect(store.openId()).toBeNull();
    await Promise.resolve();
    expect(store.webhooks()).toEqual([]);
  });
});
