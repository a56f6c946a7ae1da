import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
import { IntelClient } from '../api/l2r-api';
import { apiError, intelTag } from '../../testing/fakes';
import { IntelTagsStore } from './intel-tags-store';

describe('IntelTagsStore', () => {
  let client: Record<string, ReturnType<typeof vi.fn>>;
  let store: IntelTagsStore;

  beforeEach(async () => {
    client = {
      listIntelTags: vi.fn(() =>
        of([
          intelTag({ id: 'hub', label: 'HubSpot' }),
          intelTag({ id: 'old', label: 'Old CRM', retired: true }),
          intelTag({ id: 'pain', label: 'Manual reporting', kind: 'Pain' }),
        ]),
      ),
      addIntelTag: vi.fn(() => of(intelTag({ id: 'pipe', label: 'Pipedrive' }))),
      updateIntelTag: vi.fn(() => of(intelTag({ id: 'hub', label: 'HubSpot', retired: true }))),
      mergeIntelTag: vi.fn(() => of(intelTag({ id: 'hub', label: 'HubSpot' }))),
    };
    TestBed.configureTestingModule({ providers: [{ provide: IntelClient, useValue: client }] });
    store = TestBed.inject(IntelTagsStore);
    await store.ensureLoaded();
  });

  it('loads once, with retired tags kept for curation but never offered', async () => {
    await store.ensureLoaded();
    expect(client['listIntelTags']).toHaveBeenCalledTimes(1);
    expect(client['listIntelTags']).toHaveBeenCalledWith(undefined, true);
    expect(
      store
        .offered()
        .get('Competitor')!
        .map((t) => t.id),
    ).toEqual(['hub']);
    expect(
      store
        .offered()
        .get('Pain')!
        .map((t) => t.id),
    ).toEqual(['pain']);
    expect(store.byId('old')?.label).toBe('Old CRM');
  });

  it('adds a tag on the fly and offers it at once; an existing label comes back as the same tag', async () => {
    const added = await store.add('Competitor', 'Pipedrive');
    expect(client['addIntelTag']).toHaveBeenCalledWith({ kind: 'Competitor', label: 'Pipedrive' });
    expect(added?.id).toBe('pipe');
    client['addIntelTag'].mockReturnValueOnce(of(intelTag({ id: 'hub', label: 'HubSpot' })));
    expect((await store.add('Competitor', 'hubspot'))?.id).toBe('hub');
    expect(
      store
        .offered()
        .get('Competitor')!
        .map((t) => t.id),
    ).toEqual(['hub', 'pipe']);
  });

  it('retires a tag, so it is no longer offered', async () => {
    expect(await store.update(store.byId('hub')!, 'HubSpot', true)).toBe(true);
    expect(store.offered().get('Competitor')).toEqual([]);
  });

  it('reads the lists again after a merge, and keeps the problem of a refused change', async () => {
    expect(await store.merge(store.byId('old')!, store.byId('hub')!)).toBe(true);
    expect(client['mergeIntelTag']).toHaveBeenCalledWith('old', 'hub');
    expect(client['listIntelTags']).toHaveBeenCalledTimes(2);

    client['updateIntelTag'].mockReturnValueOnce(
      throwError(() => apiError(403, { title: 'Forbidden', status: 403 })),
    );
    expect(await store.update(store.byId('hub')!, 'X', false)).toBe(false);
    expect(store.problem()?.status).toBe(403);
  });
});
