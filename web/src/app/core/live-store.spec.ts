import { TestBed } from '@angular/core/testing';
import { AuthStore } from './auth-store';
import { LeadChange, LiveStore } from './live-store';
import { card, fakeAuth, fakeHub, leadChange, settle } from '../../testing/fakes';

describe('LiveStore', () => {
  let hub: ReturnType<typeof fakeHub>;
  let auth: ReturnType<typeof fakeAuth>;

  function create(firstStartFails = false): LiveStore {
    hub = fakeHub();
    if (firstStartFails) hub.link.start.mockRejectedValueOnce(new Error('down'));
    auth = fakeAuth(['Sales']);
    TestBed.configureTestingModule({
      providers: [{ provide: AuthStore, useValue: auth }, hub.provider],
    });
    const store = TestBed.inject(LiveStore);
    TestBed.tick();
    return store;
  }

  afterEach(() => vi.useRealTimers());

  it('connects while signed in, with the current token, and passes the pushes on', async () => {
    const store = create();
    await settle();
    expect(hub.link.start).toHaveBeenCalledTimes(1);
    expect(await hub.connect.mock.calls[0][0]()).toBe('token');
    expect(store.status()).toBe('connected');
    const seen: LeadChange[] = [];
    store.leadChanged.subscribe((c) => seen.push(c));
    const change = leadChange(card('SQL'));
    hub.push('leadChanged', change);
    expect(seen).toEqual([change]);
  });

  it('says it is reconnecting, and asks for a reload once it is back', async () => {
    const store = create();
    await settle();
    let resynced = 0;
    store.resynced.subscribe(() => resynced++);
    hub.drop();
    expect(store.status()).toBe('reconnecting');
    hub.restore();
    expect(store.status()).toBe('connected');
    expect(resynced).toBe(1);
  });

  it('retries a first connection that failed, then asks for a reload', async () => {
    vi.useFakeTimers();
    const store = create(true);
    let resynced = 0;
    store.resynced.subscribe(() => resynced++);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.status()).toBe('offline');
    await vi.advanceTimersByTimeAsync(1000);
    expect(hub.link.start).toHaveBeenCalledTimes(2);
    expect(store.status()).toBe('connected');
    expect(resynced).toBe(1);
  });

  it('starts again when the server closes the connection (an expired token), asking for a fresh token', async () => {
    vi.useFakeTimers();
    const store = create();
    await vi.advanceTimersByTimeAsync(0);
    const closed = hub.link.onclose.mock.calls[0][0] as () => void;
    closed();
    expect(store.status()).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1000);
    expect(hub.link.start).toHaveBeenCalledTimes(2);
    expect(store.status()).toBe('connected');
  });

  it('disconnects on sign-out', async () => {
    const store = create();
    await settle();
    auth.isSignedIn.set(false);
    TestBed.tick();
    expect(hub.link.stop).toHaveBeenCalled();
    expect(store.status()).toBe('offline');
  });
});
