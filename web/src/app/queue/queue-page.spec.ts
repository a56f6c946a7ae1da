import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { FollowUpClient } from '../api/l2r-api';
import { QueuePage } from './queue-page';

describe('QueuePage', () => {
  const start = new Date('2030-01-07T09:00:00Z').getTime();
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(start);
  });
  afterEach(() => vi.useRealTimers());

  it('lists the leads by due time, each linking to its lead and counting down live', async () => {
    const sla = (dueInMinutes: number) => ({
      termName: 'First touch',
      status: 'Running' as const,
      warnAt: new Date(start + (dueInMinutes - 30) * 60_000).toISOString(),
      dueAt: new Date(start + dueInMinutes * 60_000).toISOString(),
    });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        {
          provide: FollowUpClient,
          useValue: {
            getQueue: () =>
              of([
                { id: 'b', name: 'Bea', state: 'MQL', sla: sla(240) },
                { id: 'a', name: 'Ada', state: 'MQL', sla: sla(45) },
              ]),
          },
        },
      ],
    });
    const fixture = TestBed.createComponent(QueuePage);
    fixture.detectChanges();
    await Promise.resolve(); // the store's load resolves on a microtask
    fixture.detectChanges();
    const el: HTMLElement = fixture.nativeElement;
    const rows = () => Array.from(el.querySelectorAll<HTMLElement>('[data-testid=queue-item]'));
    expect(rows().map((r) => r.querySelector('a')!.textContent!.trim())).toEqual(['Ada', 'Bea']);
    expect(rows()[0].querySelector('a')!.getAttribute('href')).toBe('/leads/a');
    const first = () => rows()[0].querySelector<HTMLElement>('[data-testid=sla]')!;
    expect(first().textContent!.trim()).toBe('45m left');
    expect(first().dataset['tone']).toBe('ok');

    vi.advanceTimersByTime(16 * 60_000);
    fixture.detectChanges();
    expect(first().textContent!.trim()).toBe('29m left');
    expect(first().dataset['tone']).toBe('warning');
  });
});
