import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { DriftAlertDto, MetricsClient } from '../api/l2r-api';
import { settle } from '../../testing/fakes';
import { DriftBanner } from './drift-banner';

const alert: DriftAlertDto = {
  id: 'a1',
  measure: 'MqlAcceptanceRate',
  agreementVersion: 3,
  episode: 1,
  threshold: 0.6,
  valueAtStart: 0.55,
  startedAt: '2026-11-20T08:00:00Z',
  current: {
    measure: 'MqlAcceptanceRate',
    threshold: 0.6,
    value: 0.42,
    accepted: 21,
    rejected: 29,
    minimumSample: 20,
    sufficient: true,
    crossed: true,
    windowFrom: '2026-10-28T10:15:00Z',
    windowTo: '2026-11-27T10:15:00Z',
  },
};

async function render(alerts: DriftAlertDto[]) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      { provide: MetricsClient, useValue: { listDriftAlerts: () => of(alerts) } },
    ],
  });
  const fixture = TestBed.createComponent(DriftBanner);
  fixture.detectChanges();
  await settle();
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('DriftBanner', () => {
  it('shows the measure, its floor and the decisions behind it', async () => {
    const text = (await render([alert]))
      .querySelector('[data-testid=drift-banner]')!
      .textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('MQL acceptance is 42%, below its floor of 60%');
    expect(text).toContain('21 accepted, 29 rejected in the last 30 days, agreement v3');
  });

  it("links to the rejections' reasons over the alert's window", async () => {
    const link = (await render([alert])).querySelector('[data-testid=drift-reasons]')!;
    const href = decodeURIComponent(link.getAttribute('href')!);
    expect(href).toBe(
      '/metrics?mode=Period&from=2026-10-28T10:15:00Z&to=2026-11-27T10:15:00Z&trigger=Reject#reasons',
    );
  });

  it('names a reject rate above its ceiling', async () => {
    const ceiling = {
      ...alert,
      measure: 'RejectRate' as const,
      threshold: 0.3,
      current: { ...alert.current, value: 0.58 },
    };
    expect((await render([ceiling])).textContent).toContain(
      'The MQL reject rate is 58%, above its ceiling of 30%',
    );
  });

  it('is absent without alerts', async () => {
    expect((await render([])).querySelector('[data-testid=drift-banner]')).toBeNull();
  });
});
