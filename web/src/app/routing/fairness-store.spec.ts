import { TestBed } from '@angular/core/testing';
import { Subject, of } from 'rxjs';
import { FairnessDto, RoutingClient } from '../api/l2r-api';
import { FairnessStore } from './fairness-store';

describe('FairnessStore', () => {
  it('asks for the period and drops a response that arrives after a newer request', async () => {
    const slow = new Subject<FairnessDto>();
    const client = {
      getFairness: vi
        .fn()
        .mockReturnValueOnce(slow)
        .mockReturnValueOnce(of({ teams: [{ name: 'Inbound', received: 3, members: [] }] })),
    };
    TestBed.configureTestingModule({
      providers: [FairnessStore, { provide: RoutingClient, useValue: client }],
    });
    const store = TestBed.inject(FairnessStore);

    const first = store.load('2030-01-01T00:00:00Z', '2030-01-31T00:00:00Z');
    await store.load('2030-02-01T00:00:00Z', '2030-02-28T00:00:00Z');
    slow.next({ from: '2030-01-01T00:00:00Z', to: '2030-01-31T00:00:00Z', teams: [] });
    slow.complete();
    await first;

    expect(client.getFairness).toHaveBeenLastCalledWith(
      '2030-02-01T00:00:00Z',
      '2030-02-28T00:00:00Z',
    );
    expect(store.ledger()?.teams?.map((t) => t.name)).toEqual(['Inbound']);
    expect(store.loading()).toBe(false);
  });
});
