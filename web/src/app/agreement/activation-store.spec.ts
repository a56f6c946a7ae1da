import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
import { AgreementActivationDto, AgreementClient } from '../api/l2r-api';
import { apiError } from '../../testing/fakes';
import { ActivationStore, POLL_MS } from './activation-store';

describe('ActivationStore', () => {
  const run = (status: AgreementActivationDto['status'], processed: number, moved = 0) => ({
    id: 'run1',
    version: 2,
    status,
    total: 200,
    processed,
    moved,
  });
  let client: Record<string, ReturnType<typeof vi.fn>>;
  let store: ActivationStore;

  beforeEach(() => {
    vi.useFakeTimers();
    client = { activateDraft: vi.fn(), getActivation: vi.fn() };
    TestBed.configureTestingModule({
      providers: [ActivationStore, { provide: AgreementClient, useValue: client }],
    });
    store = TestBed.inject(ActivationStore);
  });

  afterEach(() => vi.useRealTimers());

  it('follows the re-scoring job until it completes', async () => {
    client['activateDraft'].mockReturnValue(of(run('Running', 0)));
    client['getActivation']
      .mockReturnValueOnce(of(run('Running', 100, 3)))
      .mockReturnValueOnce(of(run('Completed', 200, 6)));
    expect(await store.activate('d1')).toBe(true);
    expect(store.activation()?.status).toBe('Running');
    expect(store.percent()).toBe(0);
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(store.percent()).toBe(50);
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(store.activation()?.status).toBe('Completed');
    expect(store.activation()?.moved).toBe(6);
    await vi.advanceTimersByTimeAsync(POLL_MS * 5);
    expect(client['getActivation']).toHaveBeenCalledTimes(2);
  });

  it('reports a refused activation (approvals missing)', async () => {
    client['activateDraft'].mockReturnValue(
      throwError(() =>
        apiError(409, { title: 'Conflict', detail: 'The draft needs the approval of Sales.' }),
      ),
    );
    expect(await store.activate('d1')).toBe(false);
    expect(store.error()?.detail).toContain('approval of Sales');
    expect(store.activation()).toBeNull();
  });

  it('keeps asking through a server blip, and stops when destroyed', async () => {
    client['activateDraft'].mockReturnValue(of(run('Running', 0)));
    client['getActivation'].mockReturnValue(throwError(() => apiError(503, {})));
    await store.activate('d1');
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(store.error()?.status).toBe(503);
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(client['getActivation']).toHaveBeenCalledTimes(2);
    store.ngOnDestroy();
    await vi.advanceTimersByTimeAsync(POLL_MS * 10);
    expect(client['getActivation']).toHaveBeenCalledTimes(2);
  });
});
