import { Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { of, throwError } from 'rxjs';
import {
  FollowUpClient,
  MetricsClient,
  ReasonsReportDto,
  ScorecardDto,
  SlaMetricsDto,
} from '../api/l2r-api';
import { apiError, settle } from '../../testing/fakes';
import { stage, waterfall } from '../../testing/metrics-fakes';
import { Chart } from './chart';
import { MetricsPage } from './metrics-page';
import { ReasonsReport } from './reasons-report';
import { ScorecardSection } from './scorecard-section';
import { TrendReport } from './trend-report';

/** ECharts needs a real layout; the page's own tables carry the numbers these specs check. */
@Component({ selector: 'app-chart', template: '' })
class FakeChart {
  readonly options = input<unknown>();
  readonly label = input<string>();
}

const reasons: ReasonsReportDto = {
  mode: 'Cohort',
  from: '2026-08-01T00:00:00Z',
  to: '2026-11-01T00:00:00Z',
  total: 40,
  reasons: [
    {
      trigger: 'Reject',
      code: 'no-budget',
      label: 'No budget',
      disputes: {
        kind: 'Criterion',
        id: 'sql-budget',
        description: 'Budget confirmed',
        trigger: 'QualifyForSales',
      },
      count: 25,
      share: 0.625,
    },
    {
      trigger: 'Reject',
      code: 'timing',
      label: 'Bad timing',
      disputes: null as never,
      count: 15,
      share: 0.375,
    },
  ],
  clauses: [
    {
      clause: {
        kind: 'Criterion',
        id: 'sql-budget',
        description: 'Budget confirmed',
        trigger: 'QualifyForSales',
      },
      count: 25,
      share: 0.625,
      reasonCodes: ['no-budget'],
    },
  ],
  bySource: [
    {
      key: 'web',
      label: 'web',
      count: 40,
      reasons: [{ trigger: 'Reject', code: 'no-budget', count: 25 }],
    },
  ],
  byCampaign: [],
  notes: [
    {
      leadId: 'l7',
      leadName: 'Ada Lovelace',
      trigger: 'Reject',
      code: 'no-budget',
      label: 'No budget',
      note: 'Frozen until Q3',
      byUserId: 'u1',
      byName: 'Sam Sales',
      at: '2026-10-02T09:00:00Z',
    },
  ],
};

const sla: SlaMetricsDto = {
  from: '2026-08-01T00:00:00Z',
  to: '2026-11-01T00:00:00Z',
  total: {
    clocks: 50,
    metOnTime: 40,
    metLate: 5,
    breached: 8,
    open: 3,
    ended: 2,
    metOnTimePercent: 83.3,
    medianHoursToMeet: 2.5,
    p90HoursToMeet: 9,
  },
  byTerm: [],
  byOwner: [
    {
      key: 'u1',
      label: 'Sam Sales',
      tally: {
        clocks: 20,
        open: 0,
        ended: 0,
        metOnTime: 18,
        metLate: 1,
        breached: 1,
        metOnTimePercent: 94.7,
      },
    },
  ],
  bySource: [],
};

const point = (
  from: string,
  value: number | undefined,
  sample: number,
  met: boolean | undefined,
) => ({
  from,
  to: from,
  value,
  sample,
  met,
});

const scorecard: ScorecardDto = {
  agreementVersion: 3,
  bucket: 'Month',
  from: '2026-08-01T00:00:00Z',
  to: '2026-11-01T00:00:00Z',
  goals: [
    {
      id: 'acceptance',
      description: 'MQL acceptance ≥ 60%',
      name: 'MQL acceptance',
      measure: 'MqlAcceptanceRate',
      unit: 'share',
      higherIsBetter: true,
      target: 0.6,
      minimumSample: 10,
      formula: 'MQLs accepted ÷ (accepted + rejected)',
      overall: point('2026-08-01T00:00:00Z', 0.525, 40, false),
      points: [
        point('2026-08-01T00:00:00Z', 0.7, 20, true),
        point('2026-09-01T00:00:00Z', 0.35, 20, false),
        point('2026-10-01T00:00:00Z', 1, 2, undefined),
      ],
    },
    {
      id: 'response',
      description: 'Median time to first response ≤ 4 h',
      name: 'Median time to first response',
      measure: 'MedianHoursToFirstResponse',
      unit: 'hours',
      higherIsBetter: false,
      target: 4,
      minimumSample: 10,
      formula: 'Median hours from entering MQL to the response',
      overall: point('2026-08-01T00:00:00Z', 2.25, 30, true),
      points: [],
    },
  ],
};

// The first render compiles the whole page (Material fields, tables, tooltips), which can pass 5 s on a busy machine.
describe('MetricsPage', { timeout: 20_000 }, () => {
  let metrics: Record<string, ReturnType<typeof vi.fn>>;

  async function open(url: string) {
    metrics = {
      getWaterfall: vi.fn((...args: unknown[]) =>
        of(
          args[7] === 'Source'
            ? waterfall({
                groupBy: 'Source',
                groups: [
                  { ...waterfall().groups[0], key: 'web', label: 'web' },
                  { ...waterfall().groups[0], key: '', label: '(no source)' },
                ],
              })
            : waterfall({ mode: args[2] as 'Cohort' }),
        ),
      ),
      listWaterfallLeads: vi.fn(() =>
        of({
          items: [
            {
              leadId: 'l7',
              name: 'Ada Lovelace',
              stage: 'MQL',
              enteredAt: '2026-09-01T00:00:00Z',
              leftAt: '2026-09-02T00:00:00Z',
              outcome: 'Rejected',
              exitTrigger: 'Reject',
              reasonCode: 'no-budget',
              agreementVersion: 2,
            },
          ],
          total: 40,
          page: 1,
          pageSize: 25,
        }),
      ),
      getReasons: vi.fn(() => of(reasons)),
      getTrend: vi.fn(() => of({ mode: 'Cohort', bucket: 'Week', buckets: [] })),
      listDriftAlerts: vi.fn(() => of([])),
      getScorecard: vi.fn(() => of(scorecard)),
    };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'metrics', component: MetricsPage }]),
        { provide: MetricsClient, useValue: metrics },
        { provide: FollowUpClient, useValue: { getSlaMetrics: vi.fn(() => of(sla)) } },
      ],
    });
    for (const host of [MetricsPage, ReasonsReport, TrendReport, ScorecardSection]) {
      TestBed.overrideComponent(host, {
        remove: { imports: [Chart] },
        add: { imports: [FakeChart] },
      });
    }
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await settle();
    harness.detectChanges();
    return { harness, el: harness.routeNativeElement as HTMLElement };
  }

  const figure = (el: HTMLElement, stageName: string, key: string) =>
    el.querySelector(
      `tr[data-stage=${stageName}] td[data-figure=${key}] button`,
    ) as HTMLButtonElement;

  it('shows each shared goal against its target, with a verdict only where enough cases were judged', async () => {
    const { el } = await open('/metrics?bucket=Month');
    expect(metrics['getScorecard'].mock.calls[0][7]).toBe('Month');
    const goals = Array.from(el.querySelectorAll('[data-testid=scorecard-goal]'));
    expect(goals.map((g) => g.querySelector('h3')!.textContent!.trim())).toEqual([
      'MQL acceptance ≥ 60%',
      'Median time to first response ≤ 4 h',
    ]);
    const text = (g: Element, id: string) =>
      g.querySelector(`[data-testid=${id}]`)!.textContent!.trim();
    expect([text(goals[0], 'goal-value'), text(goals[0], 'goal-verdict')]).toEqual([
      '52.5%',
      'missed',
    ]);
    expect(goals[0].classList).toContain('missed');
    expect(goals[0].textContent).toContain('met in 1 of 2 months judged');
    expect([text(goals[1], 'goal-value'), text(goals[1], 'goal-verdict')]).toEqual([
      '2.3 h',
      'met',
    ]);
  });

  it('loads the view the URL describes and explains the mode', async () => {
    const { el } = await open('/metrics?mode=Period&source=web');
    expect(metrics['getWaterfall'].mock.calls[0].slice(2, 4)).toEqual(['Period', 'web']);
    expect(el.querySelector('[data-testid=mode-explanation]')!.textContent).toContain(
      'Period: every entry and outcome',
    );
    expect(figure(el, 'MQL', 'rejected').textContent!.trim()).toBe('40');
  });

  it('opens the leads behind a number: the list says how many, and links to each lead', async () => {
    const { harness, el } = await open('/metrics');
    figure(el, 'MQL', 'rejected').click();
    await settle();
    harness.detectChanges();
    expect(metrics['listWaterfallLeads'].mock.calls[0].slice(0, 2)).toEqual(['MQL', 'Rejected']);
    const drill = el.querySelector('[data-testid=drill-down]')!;
    expect(drill.querySelector('h2')!.textContent).toContain('MQL entries that were rejected');
    expect(drill.querySelector('[data-testid=drill-total]')!.textContent!.trim()).toBe('40');
    expect(drill.querySelector('[data-testid=drill-mismatch]')).toBeNull();
    expect(drill.querySelector('a')!.getAttribute('href')).toBe('/leads/l7');
  });

  it('shows a table per group when grouped, and drills into the group', async () => {
    const { harness, el } = await open('/metrics?groupBy=Source');
    expect(
      Array.from(el.querySelectorAll('[data-testid=group-label]')).map((h) =>
        h.textContent!.trim(),
      ),
    ).toEqual(['web', '(no source)']);
    const compared = el.querySelectorAll('[data-testid=group-comparison] tbody tr');
    expect(Array.from(compared).map((tr) => tr.querySelector('th')!.textContent!.trim())).toEqual([
      'web',
      '(no source)',
    ]);
    figure(
      el.querySelector('[data-testid=waterfall-table][data-group=""]') as HTMLElement,
      'SQL',
      'stillIn',
    ).click();
    await settle();
    harness.detectChanges();
    expect(metrics['listWaterfallLeads'].mock.calls[0].slice(9, 11)).toEqual(['Source', '']);
  });

  it('explains an empty waterfall instead of showing zeros', async () => {
    const { harness, el } = await open('/metrics');
    metrics['getWaterfall'].mockReturnValue(
      of(
        waterfall({
          mode: 'Period',
          groups: [{ key: 'all', label: 'All', stages: [stage('MQL')] }],
        }),
      ),
    );
    await harness.navigateByUrl('/metrics?mode=Period');
    await settle();
    harness.detectChanges();
    expect(el.querySelector('[data-testid=waterfall-empty]')!.textContent).toContain(
      'Moves made in the period will appear here',
    );
  });

  it("shows the API's problem with the view, naming the parameter", async () => {
    const { harness, el } = await open('/metrics');
    metrics['getWaterfall'].mockReturnValue(
      throwError(() =>
        apiError(400, {
          title: 'One or more validation errors occurred.',
          errors: { from: ['The period must start before it ends.'] },
        }),
      ),
    );
    await harness.navigateByUrl('/metrics?from=2026-12-01&to=2026-11-01');
    await settle();
    harness.detectChanges();
    const problem = el.querySelector('[data-testid=waterfall-problem]')!.textContent!;
    expect(problem).toContain('One or more validation errors occurred.');
    expect(problem).toContain('from: The period must start before it ends.');
  });

  it('lists the reasons with the clause each disputes, the notes, and SLA compliance', async () => {
    const { el } = await open('/metrics');
    const rows = Array.from(el.querySelectorAll('[data-testid=reason-rows] tbody tr')).map((tr) =>
      Array.from((tr as HTMLTableRowElement).cells)
        .map((c) => c.textContent!.replace(/\s+/g, ' ').trim())
        .join(' | '),
    );
    expect(rows).toEqual([
      'No budget · Reject | Criterion: Budget confirmed | 25 | 62.5%',
      'Bad timing · Reject | names no clause | 15 | 37.5%',
    ]);
    expect(el.querySelector('[data-testid=reason-notes]')!.textContent).toContain(
      'Frozen until Q3',
    );
    expect(el.querySelector('[data-testid=sla-on-time]')!.textContent!.trim()).toBe('83.3%');
    expect(el.querySelector('[data-testid=sla-owner]')!.textContent).toContain('Sam Sales');
    expect(el.querySelector('[data-testid=trend-empty]')).not.toBeNull();
  });
});
