import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
import { FollowUpClient, QueueItemDto, SlaSummaryDto } from '../api/l2r-api';
import { apiError, slaSummary } from '../../testing/fakes';
import { QueueStore } from './queue-store';

const item = (id: string, sla?: Partial<SlaSummaryDto>): QueueItemDto => ({
  id,
  name: `Lead ${id}`,
  state: 'MQL',
  totalScore: 50,
  stageEnteredAt: '2030-01-07T09:00:00Z',
  version: 1,
  sla: sla && slaSummary(sla),
});

describe('QueueStore', () => {
  function setup(getQueue: () => unknown) {
    TestBed.configureTestingModule({
      providers: [QueueStore, { provide: FollowUpClient, useValue: { getQueue } }],
    });
    return TestBed.inject(QueueStore);
  }

  it('orders the queue by due time: running clocks first, then paused ones, then leads without a clock', async () => {
    const store = setup(() =>
      of([
        item('none'),
        item('paused', { status: 'Paused' }),
        item('late', { status: 'Running', dueAt: '2030-01-07T10:00:00Z' }),
        item('later', { status: 'Running', dueAt: '2030-01-08T09:00:00Z' }),
        item('soon', { status: 'Running', dueAt: '2030-01-07T12:30:00Z' }),
      ]),
    );
    await store.load();
    expect(store.queue().map((i) => i.id)).toEqual(['late', 'soon', 'later', 'paused', 'none']);
  });

  it('keeps the problem when the queue cannot load', async () => {
    const store = setup(() => throwError(() => apiError(403, { title: 'Forbidden' })));
    await store.load();
    expect(store.error()?.status).toBe(403);
    expect(store.loading()).toBe(false);
  });
});
