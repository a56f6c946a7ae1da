import {
  DestroyRef,
  Injectable,
  InjectionToken,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import {
  HubConnection,
  HubConnectionBuilder,
  IRetryPolicy,
  LogLevel,
  RetryContext,
} from '@microsoft/signalr';
import { Observable, Subject } from 'rxjs';
import { API_BASE_URL, CardDto, LeadState } from '../api/l2r-api';
import { AuthStore } from './auth-store';

// The generated client covers HTTP only: these are the hub's messages, as the live-board contract defines them.

export type LeadChangeKind =
  'created' | 'moved' | 'edited' | 'assigned' | 'sla' | 'merged' | 'deleted';

/** One lead changed, pushed after its transaction committed. */
export interface LeadChange {
  leadId: string;
  kind: LeadChangeKind;
  fromState: LeadState | null;
  /** The board card as GET /api/board returns it; null when the lead is gone (merged away or deleted). */
  card: CardDto | null;
  /** A person ("Sam Rep"), a system actor ("Auto-advance", "SLA check", "Import") or an API client's name. */
  actorName: string | null;
  /** Commit time, ISO-8601 UTC. */
  at: string;
}

/** A bulk write (import, activation, bulk endpoints) changed too many leads to push one by one. */
export interface BoardReload {
  /** The columns to reload; empty means all. */
  states: LeadState[];
  reason: 'import' | 'activation' | 'bulk';
  actorName: string | null;
  at: string;
}

/**
 * Whether a push is newer than the version shown. The lead's version orders them: the echo of the user's own change,
 * or a push overtaken by a newer one, carries a version already shown. An SLA clock lives beside the lead, so its
 * warning or breach changes the card under the same version.
 */
export function isNewer(change: LeadChange, shownVersion: number): boolean {
  const version = change.card?.version ?? Infinity;
  return version > shownVersion || (change.kind === 'sla' && version === shownVersion);
}

export type LiveStatus = 'connected' | 'reconnecting' | 'offline';

export const HUB_PATH = '/hubs/board';

/** The part of a SignalR connection the store drives, so a test can hand in a fake. */
export type HubLink = Pick<
  HubConnection,
  'on' | 'onreconnecting' | 'onreconnected' | 'onclose' | 'start' | 'stop'
>;

/** Backoff from half a second doubling to 30 s, with jitter so clients do not return in step; it never gives up. */
export const RECONNECT_BACKOFF: IRetryPolicy = {
  nextRetryDelayInMilliseconds: ({ previousRetryCount }: RetryContext) =>
    Math.round(Math.min(30_000, 500 * 2 ** previousRetryCount) * (0.8 + Math.random() * 0.4)),
};

/** Builds the board hub's connection; the token is asked for at every (re)connect, so it is never a stale one. */
export const LIVE_HUB = new InjectionToken<(accessToken: () => Promise<string>) => HubLink>(
  'LIVE_HUB',
  {
    providedIn: 'root',
    factory: () => {
      const base = inject(API_BASE_URL, { optional: true }) ?? '';
      return (accessTokenFactory) =>
        new HubConnectionBuilder()
          .withUrl(base + HUB_PATH, { accessTokenFactory })
          .withAutomaticReconnect(RECONNECT_BACKOFF)
          .configureLogging(LogLevel.Warning)
          .build();
    },
  },
);

/**
 * The live board's connection: open while someone is signed in, closed on sign-out. Boards and lead pages listen to
 * its pushes; after a gap (a reconnect, or a first connection that needed retries) `resynced` tells them to reload,
 * since whatever was pushed meanwhile is lost.
 */
@Injectable({ providedIn: 'root' })
export class LiveStore {
  private readonly auth = inject(AuthStore);
  private readonly connect = inject(LIVE_HUB);

  readonly status = signal<LiveStatus>('offline');

  private readonly leadChanges = new Subject<LeadChange>();
  private readonly reloads = new Subject<BoardReload>();
  private readonly resyncs = new Subject<void>();
  readonly leadChanged: Observable<LeadChange> = this.leadChanges.asObservable();
  readonly boardReload: Observable<BoardReload> = this.reloads.asObservable();
  readonly resynced: Observable<void> = this.resyncs.asObservable();

  private link: HubLink | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retries = 0;

  constructor() {
    effect(() => {
      const signedIn = this.auth.isSignedIn();
      untracked(() => (signedIn ? this.open() : this.close()));
    });
    inject(DestroyRef).onDestroy(() => this.close());
  }

  private open(): void {
    if (this.link) return;
    const link = this.connect(() => this.auth.currentAccessToken());
    this.link = link;
    link.on('leadChanged', (change: LeadChange) => this.leadChanges.next(change));
    link.on('boardReload', (reload: BoardReload) => this.reloads.next(reload));
    link.onreconnecting(() => this.isCurrent(link) && this.status.set('reconnecting'));
    link.onreconnected(() => {
      if (!this.isCurrent(link)) return;
      this.status.set('connected');
      this.resyncs.next();
    });
    // The automatic reconnect never gives up, so a close is the server's (its token expired, or access was taken
    // away): start again with a fresh token; if access is really gone, the HTTP calls sign the user out.
    link.onclose(() => {
      if (!this.isCurrent(link)) return;
      this.status.set('reconnecting');
      this.retryLater(link);
    });
    void this.start(link, false);
  }

  private async start(link: HubLink, afterGap: boolean): Promise<void> {
    try {
      await link.start();
    } catch {
      if (this.isCurrent(link)) this.retryLater(link);
      return;
    }
    if (!this.isCurrent(link)) return;
    this.retries = 0;
    this.status.set('connected');
    if (afterGap) this.resyncs.next();
  }

  /** SignalR's automatic reconnect only covers a connection that was up; a failed start retries here, same backoff. */
  private retryLater(link: HubLink): void {
    clearTimeout(this.retryTimer);
    const delay = RECONNECT_BACKOFF.nextRetryDelayInMilliseconds({
      previousRetryCount: this.retries++,
      elapsedMilliseconds: 0,
      retryReason: new Error('not connected'),
    });
    this.retryTimer = setTimeout(() => void this.start(link, true), delay ?? 30_000);
  }

  private close(): void {
    clearTimeout(this.retryTimer);
    const link = this.link;
    this.link = null;
    this.retries = 0;
    this.status.set('offline');
    void link?.stop();
  }

  private isCurrent(link: HubLink): boolean {
    return this.link === link;
  }
}
