import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { MetricsClient } from '../api/l2r-api';
import { CsvDownload } from './csv-download';
import { CSV_MAX_ROWS, DRILL_PAGE_SIZE, DrillDownStore, DrillSelection } from './drill-down-store';
import { DEFAULT_QUERY } from './metrics-query';

describe('DrillDownStore', () => {
  let client: { listWaterfallLeads: ReturnType<typeof vi.fn> };
  let csv: { save: ReturnType<typeof vi.fn> };
  let store: DrillDownStore;
  const query = {
    ...DEFAULT_QUERY,
    mode: 'Period' as const,
    source: 'web',
    groupBy: 'Source' as const,
  };
  const rejected: DrillSelection = {
    stage: 'MQL',
    count: 'Rejected',
    groupBy: 'Source',
    group: 'web',
    groupLabel: 'web',
    title: 'MQL entries that were rejected',
    expected: 30,
  };

  beforeEach(() => {
    client = {
      listWaterfallLeads: vi.fn(() =>
        of({
          items: [{ leadId: 'l1', name: 'Ada' }],
          total: 30,
          page: 1,
          pageSize: DRILL_PAGE_SIZE,
        }),
      ),
    };
    csv = { save: vi.fn(async () => null) };
    TestBed.configureTestingModule({
      providers: [
        DrillDownStore,
        { provide: MetricsClient, useValue: client },
        { provide: CsvDownload, useValue: csv },
      ],
    });
    store = TestBed.inject(DrillDownStore);
  });

  it('lists the entries behind the number: same filters, its stage, count and group', async () => {
    await store.open(rejected, query);
    expect(client.listWaterfallLeads).toHaveBeenCalledWith(
      'MQL',
      'Rejected',
      undefined,
      undefined,
      'Period',
      'web',
      undefined,
      undefined,
      undefined,
      'Source',
      'web',
      1,
      DRILL_PAGE_SIZE,
    );
    expect(store.total()).toBe(30);
    expect(store.pages()).toBe(2);
    await store.goTo(2);
    expect(client.listWaterfallLeads.mock.calls[1][11]).toBe(2);
    expect(store.page()).toBe(2);
  });

  it('asks for no group when the waterfall is not grouped', async () => {
    await store.open({ stage: 'SQL', count: 'Left', title: 'x', expected: 4 }, DEFAULT_QUERY);
    const args = client.listWaterfallLeads.mock.calls[0];
    expect(args.slice(9, 11)).toEqual([undefined, undefined]);
  });

  it('downloads the whole list (up to the largest page) as CSV', async () => {
    await store.open(rejected, query);
    await store.download();
    expect(csv.save).toHaveBeenCalledWith(
      '/api/metrics/waterfall/leads',
      {
        mode: 'Period',
        source: 'web',
        stage: 'MQL',
        outcome: 'Rejected',
        groupBy: 'Source',
        group: 'web',
        pageSize: String(CSV_MAX_ROWS),
      },
      'l2r-MQL-Rejected.csv',
    );
  });

  it('forgets the list when closed', async () => {
    await store.open(rejected, query);
    store.close();
    expect(store.selection()).toBeNull();
    expect(store.items()).toEqual([]);
  });
});
