import { TestBed } from '@angular/core/testing';
import { Subject, of, throwError } from 'rxjs';
import { FollowUpClient, MetricsClient, WaterfallDto } from '../api/l2r-api';
import { apiError } from '../../testing/fakes';
import { CsvDownload } from './csv-download';
import { DEFAULT_QUERY } from './metrics-query';
import { MetricsStore } from './metrics-store';

const waterfall = (key: string): WaterfallDto => ({
  mode: 'Cohort',
  from: '2026-08-01T00:00:00Z',
  to: '2026-11-01T00:00:00Z',
  groupBy: undefined as never,
  groups: [{ key, label: key, stages: [] }],
});

describe('MetricsStore', () => {
  let metrics: Record<string, ReturnType<typeof vi.fn>>;
  let followUp: { getSlaMetrics: ReturnType<typeof vi.fn> };
  let csv: { save: ReturnType<typeof vi.fn> };
  let store: MetricsStore;

  beforeEach(() => {
    metrics = {
      getWaterfall: vi.fn(() => of(waterfall('all'))),
      getReasons: vi.fn(() => of({ total: 0, reasons: [], clauses: [] })),
      getTrend: vi.fn(() => of({ buckets: [] })),
      getScorecard: vi.fn(() => of({ goals: [] })),
    };
    followUp = { getSlaMetrics: vi.fn(() => of({ total: { clocks: 0 } })) };
    csv = { save: vi.fn(async () => null) };
    TestBed.configureTestingModule({
      providers: [
        MetricsStore,
        { provide: MetricsClient, useValue: metrics },
        { provide: FollowUpClient, useValue: followUp },
        { provide: CsvDownload, useValue: csv },
      ],
    });
    store = TestBed.inject(MetricsStore);
  });

  it('loads every report for the query, each with the same period and filters', async () => {
    await store.load({
      ...DEFAULT_QUERY,
      mode: 'Period',
      from: '2026-08-01',
      to: '2026-10-31',
      source: 'web',
      groupBy: 'Source',
      bucket: 'Month',
      trigger: 'Reject',
    });
    const filters = [
      '2026-08-01T00:00:00Z',
      '2026-11-01T00:00:00.000Z',
      'Period',
      'web',
      undefined,
      undefined,
      undefined,
    ];
    expect(metrics['getWaterfall']).toHaveBeenCalledWith(...filters, 'Source');
    expect(metrics['getReasons']).toHaveBeenCalledWith(...filters, undefined, 'Reject');
    expect(metrics['getTrend']).toHaveBeenCalledWith(...filters, 'Month');
    expect(metrics['getScorecard']).toHaveBeenCalledWith(...filters, 'Month');
    expect(followUp.getSlaMetrics).toHaveBeenCalledWith(
      '2026-08-01T00:00:00Z',
      '2026-11-01T00:00:00.000Z',
    );
    expect(store.waterfall().value?.groups[0].key).toBe('all');
    expect(store.sla().value?.total?.clocks).toBe(0);
  });

  it('shows the problem of a report that failed and still the others', async () => {
    metrics['getReasons'].mockReturnValue(
      throwError(() =>
        apiError(400, {
          title: 'One or more validation errors occurred.',
          errors: { trigger: ['Unknown move.'] },
        }),
      ),
    );
    await store.load(DEFAULT_QUERY);
    expect(store.reasons().problem?.errors).toEqual({ trigger: ['Unknown move.'] });
    expect(store.reasons().value).toBeNull();
    expect(store.waterfall().value).not.toBeNull();
  });

  it('drops the answer to an older query', async () => {
    const slow = new Subject<WaterfallDto>();
    metrics['getWaterfall'].mockReturnValueOnce(slow).mockReturnValueOnce(of(waterfall('newer')));
    const first = store.load(DEFAULT_QUERY);
    await store.load({ ...DEFAULT_QUERY, mode: 'Period' });
    slow.next(waterfall('older'));
    slow.complete();
    await first;
    expect(store.waterfall().value?.groups[0].key).toBe('newer');
  });

  it('downloads each report as CSV with the query the page shows', async () => {
    await store.load({ ...DEFAULT_QUERY, groupBy: 'Owner', trigger: 'Recycle', bucket: 'Month' });
    await store.download('waterfall');
    await store.download('reasons');
    await store.download('trend');
    expect(csv.save.mock.calls).toEqual([
      ['/api/metrics/waterfall', { mode: 'Cohort', groupBy: 'Owner' }, 'l2r-waterfall.csv'],
      ['/api/metrics/reasons', { mode: 'Cohort', trigger: 'Recycle' }, 'l2r-reasons.csv'],
      ['/api/metrics/trend', { mode: 'Cohort', bucket: 'Month' }, 'l2r-trend.csv'],
    ]);
  });

  it('says why a download failed', async () => {
    csv.save.mockResolvedValueOnce({
      status: 403,
      title: 'Your role does not allow this.',
      errors: {},
      criteria: [],
    });
    await store.download('waterfall');
    expect(store.downloadProblem()?.status).toBe(403);
  });
});
