import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { LeadsClient } from '../api/l2r-api';
import { leadDto } from '../../testing/fakes';
import { DuplicatesStore } from './duplicates-store';

describe('DuplicatesStore', () => {
  const keep = leadDto({
    id: 'keep',
    version: 7,
    name: 'Ada Lovelace',
    email: 'ada@x.test',
    title: 'Manager',
    company: 'Analytical',
    customFields: { tier: 'gold' },
  });
  const absorb = leadDto({
    id: 'absorb',
    name: 'Ada Lovelace',
    email: 'ada@x.test',
    title: 'Director',
    company: 'Analytical',
    phone: '+44 1',
    customFields: { tier: 'silver' },
  });
  let client: Record<string, ReturnType<typeof vi.fn>>;
  let store: DuplicatesStore;

  beforeEach(() => {
    client = {
      listDuplicateLeads: vi.fn(() => of([])),
      getLead: vi.fn((id: string) => of(id === 'keep' ? keep : absorb)),
      mergeLeads: vi.fn(() => of({ lead: { ...keep, version: 8 }, transitions: [] })),
    };
    TestBed.configureTestingModule({
      providers: [DuplicatesStore, { provide: LeadsClient, useValue: client }],
    });
    store = TestBed.inject(DuplicatesStore);
  });

  it('lists only the fields the two hold differently, keeping the survivor’s value unless it has none', async () => {
    await store.compare('keep', 'absorb');
    expect(store.choices().map((c) => [c.field, c.survivorValue, c.absorbedValue, c.side])).toEqual(
      [
        ['phone', '', '+44 1', 'Absorbed'],
        ['title', 'Manager', 'Director', 'Survivor'],
        ['custom.tier', 'gold', 'silver', 'Survivor'],
      ],
    );
    store.swap();
    expect(store.pair()!.survivor.id).toBe('absorb');
    expect(store.chosen()).toEqual({
      phone: 'Survivor',
      title: 'Survivor',
      'custom.tier': 'Survivor',
    });
  });

  it('merges with the chosen values, guarded by the survivor’s version, then lists the duplicates again', async () => {
    await store.compare('keep', 'absorb');
    store.choose('title', 'Absorbed');
    expect(await store.merge(' same person ')).toBe(true);
    expect(client['mergeLeads']).toHaveBeenCalledWith(
      'keep',
      {
        absorbedLeadId: 'absorb',
        fields: { phone: 'Absorbed', title: 'Absorbed', 'custom.tier': 'Survivor' },
        note: 'same person',
      },
      '"7"',
    );
    expect(store.merged()).toEqual({
      survivor: { ...keep, version: 8 },
      absorbedId: 'absorb',
      absorbedName: 'Ada Lovelace',
    });
    expect(store.pair()).toBeNull();
    expect(client['listDuplicateLeads']).toHaveBeenCalled();
  });
});
