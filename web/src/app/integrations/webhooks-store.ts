import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { WebhookDeliveryDto, WebhookDto, WebhooksClient } from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';

/** A subscription's signing secret, just made: the only time anyone sees it in clear. */
export interface ShownWebhookSecret {
  url: string;
  secret: string;
}

/** How long a test event's outcome is awaited: the first attempt is made within the relay's next pass. */
export const TEST_WATCH = { tries: 15, intervalMs: 1000 };

/**
 * The tenant's webhook subscriptions and the delivery log of the one an admin opened. Provide it on the page, so a
 * signing secret lives only as long as the page.
 */
@Injectable()
export class WebhooksStore {
  private readonly client = inject(WebhooksClient);

  readonly webhooks = signal<WebhookDto[]>([]);
  readonly loading = signal(false);
  readonly error = signal<Problem | null>(null);
  readonly shownSecret = signal<ShownWebhookSecret | null>(null);

  /** The subscription whose delivery log is open, and that log (newest first). */
  readonly openId = signal<string | null>(null);
  readonly deliveries = signal<WebhookDeliveryDto[]>([]);
  readonly deliveriesLoading = signal(false);
  readonly deliveriesError = signal<Problem | null>(null);

  /** The last test event sent, as its delivery stands now. */
  readonly test = signal<WebhookDeliveryDto | null>(null);

  async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.webhooks.set(await firstValueFrom(this.client.listWebhooks()));
    } catch (e) {
      this.error.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }

  /** Subscribes a URL; no event types means every type. */
  subscribe(url: string, eventTypes: string[]): Promise<Problem | null> {
    return this.run(async () => {
      const created = await firstValueFrom(this.client.createWebhook({ url, eventTypes }));
      this.webhooks.update((list) => [...list, created.webhook]);
      if (created.secret)
        this.shownSecret.set({ url: created.webhook.url, secret: created.secret });
    });
  }

  /** Enabling again also clears the reason the API disabled it for (410, or failing for days). */
  setEnabled(webhook: WebhookDto, enabled: boolean): Promise<Problem | null> {
    return this.run(async () => {
      const updated = await firstValueFrom(
        this.client.updateWebhook(webhook.id, {
          url: webhook.url,
          eventTypes: webhook.eventTypes,
          enabled,
          rotateSecret: false,
        }),
      );
      this.webhooks.update((list) => list.map((w) => (w.id === webhook.id ? updated.webhook : w)));
    });
  }

  dismissSecret(): void {
    this.shownSecret.set(null);
  }

  async openLog(webhookId: string): Promise<void> {
    this.openId.set(webhookId);
    this.deliveries.set([]);
    await this.loadDeliveries();
  }

  closeLog(): void {
    this.openId.set(null);
    this.deliveries.set([]);
    this.deliveriesError.set(null);
  }

  async loadDeliveries(): Promise<void> {
    const id = this.openId();
    if (!id) return;
    this.deliveriesLoading.set(true);
    this.deliveriesError.set(null);
    try {
      const log = await firstValueFrom(this.client.listWebhookDeliveries(id, 50));
      if (this.openId() === id) this.deliveries.set(log);
    } catch (e) {
      this.deliveriesError.set(toProblem(e));
    } finally {
      this.deliveriesLoading.set(false);
    }
  }

  /**
   * Queues a webhook.test event, then follows its delivery until the first attempt is made (or the watch ends), so
   * the admin sees the receiver's answer without reloading.
   */
  sendTest(webhookId: string): Promise<Problem | null> {
    return this.run(async () => {
      let delivery = await firstValueFrom(this.client.sendTestWebhook(webhookId));
      this.test.set(delivery);
      await this.openLog(webhookId);
      for (let i = 0; i < TEST_WATCH.tries && delivery.attempts === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, TEST_WATCH.intervalMs));
        if (this.openId() !== webhookId) return; // the admin moved on to another log
        await this.loadDeliveries();
        delivery = this.deliveries().find((d) => d.id === delivery.id) ?? delivery;
        this.test.set(delivery);
      }
    });
  }

  /** Sends one delivery's event again (same body and webhook-id) as a new delivery at the top of the log. */
  redeliver(deliveryId: string): Promise<Problem | null> {
    return this.run(async () => {
      const again = await firstValueFrom(this.client.redeliverWebhook(deliveryId));
      this.deliveries.update((log) => [again, ...log]);
    });
  }

  /** How many events the last replay queued. */
  readonly replayed = signal<number | null>(null);

  /** Queues again every event since a time that the subscription wants, in feed order. */
  replay(webhookId: string, since: Date): Promise<Problem | null> {
    return this.run(async () => {
      this.replayed.set(null);
      const result = await firstValueFrom(
        this.client.replayWebhook(webhookId, { since: since.toISOString() }),
      );
      this.replayed.set(result.queued);
      await this.loadDeliveries();
    });
  }

  /** Runs an action; a 404 means the subscription (or delivery) went away meanwhile, so the list is reloaded. */
  private async run(action: () => Promise<void>): Promise<Problem | null> {
    try {
      await action();
      return null;
    } catch (e) {
      const problem = toProblem(e);
      if (problem.status === 404) {
        this.closeLog();
        void this.load();
      }
      return problem;
    }
  }
}
