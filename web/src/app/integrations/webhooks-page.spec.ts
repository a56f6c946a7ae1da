import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Observable, of, throwError } from 'rxjs';
import { WebhookDto, WebhooksClient } from '../api/l2r-api';
import { apiError, settle } from '../../testing/fakes';
import { delivery, validationProblem, webhook } from '../../testing/integrations-fakes';
import { WebhooksPage } from './webhooks-page';

async function render(list: Observable<WebhookDto[]> = of([webhook()])) {
  const client = {
    listWebhooks: vi.fn(() => list),
    createWebhook: vi.fn(() =>
      of({ webhook: webhook({ id: 'w2', url: 'https://crm.example/in' }), secret: 'whsec_abc' }),
    ),
    updateWebhook: vi.fn(),
    listWebhookDeliveries: vi.fn(() =>
      of([
        delivery({
          eventType: 'lead.created',
          leadSequence: 1,
          attempts: 2,
          lastStatusCode: 500,
          nextAttemptAt: '2026-11-27T10:05:00Z',
          attemptLog: [
            { attemptedAt: '2026-11-27T10:00:01Z', statusCode: 503, latencyMs: 40 },
            {
              attemptedAt: '2026-11-27T10:00:06Z',
              statusCode: 500,
              latencyMs: 35,
              responseSnippet: 'boom',
            },
          ],
        }),
      ]),
    ),
    sendTestWebhook: vi.fn(),
    redeliverWebhook: vi.fn(),
    replayWebhook: vi.fn(),
  };
  TestBed.configureTestingModule({
    providers: [provideRouter([]), { provide: WebhooksClient, useValue: client }],
  });
  const fixture = TestBed.createComponent(WebhooksPage);
  fixture.detectChanges();
  await settle();
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const update = async () => {
    await settle();
    fixture.detectChanges();
  };
  const q = <T extends Element = HTMLElement>(selector: string) =>
    el.querySelector(selector) as T | null;
  const submit = async (url: string, types: string[]) => {
    const input = q<HTMLInputElement>('[data-testid=subscribe-form] input[name=url]')!;
    input.value = url;
    input.dispatchEvent(new Event('input'));
    for (const t of types) q<HTMLInputElement>(`[data-event-type="${t}"] input`)!.click();
    fixture.detectChanges();
    q<HTMLFormElement>('[data-testid=subscribe-form]')!.dispatchEvent(new Event('submit'));
    await update();
  };
  return { client, el, q, update, submit };
}

describe('WebhooksPage', () => {
  it('shows a disabled subscription with the reason, and all events when it names none', async () => {
    const { q } = await render(
      of([
        webhook({
          eventTypes: [],
          enabled: false,
          disabledReason: 'The endpoint answered 410 Gone.',
        }),
      ]),
    );
    const row = q('[data-testid=webhook-row]')!;
    expect(row.textContent).toContain('All events');
    expect(q('[data-testid=webhook-status]')!.textContent).toContain('Disabled');
    expect(q('[data-testid=webhook-status]')!.textContent).toContain(
      'The endpoint answered 410 Gone.',
    );
    expect(row.querySelector('button')!.disabled).toBe(true); // no test event to a disabled one
  });

  it('subscribes with the ticked event types and shows the signing secret once', async () => {
    const { client, q, update, submit } = await render();
    await submit('https://crm.example/in', ['lead.stage_changed']);
    expect(client.createWebhook).toHaveBeenCalledWith({
      url: 'https://crm.example/in',
      eventTypes: ['lead.stage_changed'],
    });
    expect(q<HTMLInputElement>('[data-testid=secret-value]')!.value).toBe('whsec_abc');
    q<HTMLButtonElement>('[data-testid=secret-done]')!.click();
    await update();
    expect(q('[data-testid=secret-box]')).toBeNull();
  });

  it("shows the API's problem with the URL beside it", async () => {
    const { client, q, submit } = await render();
    client.createWebhook.mockReturnValue(
      throwError(() =>
        validationProblem({ url: ['Private, loopback and link-local targets are refused.'] }),
      ),
    );
    await submit('http://127.0.0.1/hooks', []);
    expect(q('[data-testid=subscribe-form] mat-error')!.textContent).toContain(
      'Private, loopback and link-local targets are refused.',
    );
    expect(q('[data-testid=secret-box]')).toBeNull();
  });

  it('opens the delivery log with every attempt, its status code, latency and next retry', async () => {
    const { client, el, q, update } = await render();
    (el.querySelector('button[aria-label^="Delivery log"]') as HTMLButtonElement).click();
    await update();
    expect(client.listWebhookDeliveries).toHaveBeenCalledWith('w1', 50);
    const row = q('[data-testid=delivery]')!;
    expect(row.textContent).toContain('lead.created');
    expect(row.textContent).toContain('lead event #1');
    const attempts = [...row.querySelectorAll('[data-testid=attempt]')].map((a) => a.textContent);
    expect(attempts[0]).toContain('503');
    expect(attempts[0]).toContain('40 ms');
    expect(attempts[1]).toContain('boom');
    expect(row.textContent).toMatch(/Nov 27, 2026/); // the next retry of a pending delivery
  });

  it('says clearly when the role does not allow the page (403)', async () => {
    const { q } = await render(
      throwError(() => apiError(403, { title: 'Your role does not allow this.' })),
    );
    expect(q('[role=alert]')!.textContent).toContain('Your role does not allow this.');
    expect(q('[data-testid=webhook-row]')).toBeNull();
  });
});
