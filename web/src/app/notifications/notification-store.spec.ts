import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { of, throwError } from 'rxjs';
import { FollowUpClient, NotificationListDto } from '../api/l2r-api';
import { apiError } from '../../testing/fakes';
import { NotificationStore, POLL_MS } from './notification-store';

describe('NotificationStore', () => {
  let client: {
    listNotifications: ReturnType<typeof vi.fn>;
    markNotificationRead: ReturnType<typeof vi.fn>;
  };
  const list: NotificationListDto = {
    items: [
      {
        id: 'n1',
        kind: 'SlaBreach',
        leadId: 'l1',
        message: 'Ada: MQL response breached',
        createdAt: '2030-01-07T10:00:00Z',
      },
      {
        id: 'n2',
        kind: 'SlaWarning',
        leadId: 'l2',
        message: 'Bea: due soon',
        readAt: '2030-01-07T08:00:00Z',
        createdAt: '2030-01-07T09:00:00Z',
      },
    ],
    unreadCount: 1,
  };

  beforeEach(() => {
    vi.useFakeTimers();
    client = {
      listNotifications: vi.fn(() => of(list)),
      markNotificationRead: vi.fn((id: string) => of({ ...list.items![0], id, readAt: 'now' })),
    };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'x', children: [] }]),
        NotificationStore,
        { provide: FollowUpClient, useValue: client },
      ],
    });
  });
  afterEach(() => vi.useRealTimers());

  it('loads the list and the unread count, and asks again every minute', async () => {
    const store = TestBed.inject(NotificationStore);
    await store.load();
    expect(store.unread()).toBe(1);
    expect(store.items().map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(client.listNotifications).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(POLL_MS);
    expect(client.listNotifications).toHaveBeenCalledTimes(2);
  });

  it('asks again after a navigation', async () => {
    TestBed.inject(NotificationStore);
    vi.useRealTimers();
    await TestBed.inject(Router).navigateByUrl('/x');
    expect(client.listNotifications).toHaveBeenCalledTimes(1);
  });

  it('marks one read at once and keeps what the server says', async () => {
    const store = TestBed.inject(NotificationStore);
    await store.load();
    const done = store.markRead(store.items()[0]);
    expect(store.unread()).toBe(0);
    await done;
    expect(client.markNotificationRead).toHaveBeenCalledWith('n1');
    expect(store.items()[0].readAt).toBe('now');
    // Already read: nothing to send.
    await store.markRead(store.items()[1]);
    expect(client.markNotificationRead).toHaveBeenCalledTimes(1);
  });

  it('reloads the truth when marking read fails', async () => {
    const store = TestBed.inject(NotificationStore);
    await store.load();
    client.markNotificationRead.mockReturnValue(throwError(() => apiError(404, {})));
    await store.markRead(store.items()[0]);
    expect(store.unread()).toBe(1);
    expect(client.listNotifications).toHaveBeenCalledTimes(2);
  });
});
