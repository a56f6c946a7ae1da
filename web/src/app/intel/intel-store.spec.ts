import { TestBed } from '@angular/core/testing';
import { Subject, of } from 'rxjs';
import { CompetitorReportDto, IntelClient, IntelLeadPageDto } from '../api/l2r-api';
import { DEFAULT_INTEL_QUERY, IntelStore, intelArgs } from './intel-store';

const report = (label: string): CompetitorReportDto => ({
  from: '2026-01-01T00:00:00Z',
  to: '2026-02-01T00:00:00Z',
  bucket: 'Week',
  timeZone: 'UTC',
  buckets: [],
  competitors: [
    {
      tagId: 't',
      label,
      retired: false,
      leads: 3,
      mentions: 4,
      trend: [],
      won: 1,
      lost: 1,
      winRate: 0.5,
    },
  ],
});

const page: IntelLeadPageDto = { items: [], total: 3, page: 1, pageSize: 20 };

describe('IntelStore', () => {
  let client: Record<string, ReturnType<typeof vi.fn>>;
  let store: IntelStore;

  beforeEach(() => {
    client = {
      getIntelCompetitors: vi.fn(() => of(report('HubSpot'))),
      getIntelPains: vi.fn(() => of({ from: '', to: '', groupBy: 'Industry', segments: [] })),
      getIntelReception: vi.fn(() => of({ from: '', to: '', campaigns: [] })),
      getIntelFrequency: vi.fn((kind: string) => of({ kind, from: '', to: '', tags: [] })),
      listIntelLeads: vi.fn(() => of(page)),
    };
    TestBed.configureTestingModule({
      providers: [IntelStore, { provide: IntelClient, useValue: client }],
    });
    store = TestBed.inject(IntelStore);
  });

  it('reads the filters as the API takes them: a "to" day is included whole', () => {
    expect(
      intelArgs({
        ...DEFAULT_INTEL_QUERY,
        from: '2026-03-01',
        to: '2026-03-31',
        source: ' Ads ',
        ownerId: 'me',
      }),
    ).toEqual(['2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', 'Ads', undefined, 'me']);
  });

  it('loads every roll-up with the same filters', async () => {
    await store.load({
      ...DEFAULT_INTEL_QUERY,
      campaign: 'Spring',
      bucket: 'Month',
      groupBy: 'Source',
    });
    const args = [undefined, undefined, undefined, 'Spring', undefined];
    expect(client['getIntelCompetitors']).toHaveBeenCalledWith(...args, 'Month');
    expect(client['getIntelPains']).toHaveBeenCalledWith(...args, 'Source');
    expect(client['getIntelReception']).toHaveBeenCalledWith(...args);
    expect(client['getIntelFrequency']).toHaveBeenCalledWith('Question', ...args);
    expect(client['getIntelFrequency']).toHaveBeenCalledWith('Objection', ...args);
    expect(store.competitors().value?.competitors[0].label).toBe('HubSpot');
  });

  it('drops the answer to an older query', async () => {
    const slow = new Subject<CompetitorReportDto>();
    client['getIntelCompetitors'].mockReturnValueOnce(slow);
    const first = store.load(DEFAULT_INTEL_QUERY);
    await store.load({ ...DEFAULT_INTEL_QUERY, source: 'Ads' });
    slow.next(report('Stale'));
    slow.complete();
    await first;
    expect(store.competitors().value?.competitors[0].label).toBe('HubSpot');
  });

  it('drills down with the count keys, a bucket its own period and a reception its campaign', async () => {
    await store.load({ ...DEFAULT_INTEL_QUERY, campaign: 'Spring' });
    await store.openDrill({ title: 'HubSpot', expected: 3, tagId: 't', outcome: 'Won' });
    expect(client['listIntelLeads']).toHaveBeenLastCalledWith(
      undefined,
      undefined,
      undefined,
      'Spring',
      undefined,
      't',
      undefined,
      undefined,
      'Won',
      undefined,
      undefined,
      1,
      20,
    );
    expect(store.drillTotal()).toBe(3);

    await store.openDrill({
      title: 'Autumn',
      expected: 1,
      verdict: 'Confused',
      campaign: 'Autumn',
      from: 'a',
      to: 'b',
    });
    expect(client['listIntelLeads']).toHaveBeenLastCalledWith(
      'a',
      'b',
      undefined,
      'Autumn',
      undefined,
      undefined,
      undefined,
      'Confused',
      undefined,
      undefined,
      undefined,
      1,
      20,
    );
    store.closeDrill();
    expect(store.drill()).toBeNull();
  });
});
