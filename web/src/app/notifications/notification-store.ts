import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { filter, firstValueFrom } from 'rxjs';
import { FollowUpClient, NotificationDto } from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';

/** The API has no push channel yet: the bell asks again this often, and on every navigation. */
export const POLL_MS = 60_000;

/** The signed-in user's SLA warnings and breaches, and how many are unread. */
@Injectable()
export class NotificationStore {
  private readonly client = inject(FollowUpClient);

  readonly items = signal<NotificationDto[]>([]);
  readonly unread = signal(0);
  readonly error = signal<Problem | null>(null);

  private loadToken = 0;

  constructor() {
    const id = setInterval(() => void this.load(), POLL_MS);
    const navigations = inject(Router)
      .events.pipe(filter((e) => e instanceof NavigationEnd))
      .subscribe(() => void this.load());
    inject(DestroyRef).onDestroy(() => {
      clearInterval(id);
      navigations.unsubscribe();
    });
  }

  async load(): Promise<void> {
    const token = ++this.loadToken;
    try {
      const list = await firstValueFrom(this.client.listNotifications(undefined, 20));
      if (token !== this.loadToken) return; // an older poll answering late must not undo a newer one
      this.items.set(list.items ?? []);
      this.unread.set(list.unreadCount ?? 0);
      this.error.set(null);
    } catch (e) {
      if (token === this.loadToken) this.error.set(toProblem(e));
    }
  }

  /** Marks one read at once (the count drops before the server answers); a refusal reloads the truth. */
  async markRead(n: NotificationDto): Promise<void> {
    if (!n.id || n.readAt) return;
    this.loadToken++; // a poll already on its way would bring the notification back as unread
    const readAt = new Date().toISOString();
    this.items.update((list) => list.map((i) => (i.id === n.id ? { ...i, readAt } : i)));
    this.unread.update((u) => Math.max(0, u - 1));
    try {
      const saved = await firstValueFrom(this.client.markNotificationRead(n.id));
      this.items.update((list) => list.map((i) => (i.id === saved.id ? saved : i)));
    } catch {
      await this.load();
    }
  }
}
