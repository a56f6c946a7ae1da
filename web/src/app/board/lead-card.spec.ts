import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { LeadState, LeadTrigger, TransitionOptionDto } from '../api/l2r-api';
import { card, slaSummary } from '../../testing/fakes';
import { LeadCard } from './lead-card';

describe('LeadCard', () => {
  it('shows name, company, score split, owner, source and time in stage, and labels itself', () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(LeadCard);
    fixture.componentRef.setInput(
      'card',
      card('MQL', {
        name: 'Ada Lovelace',
        company: 'Analytical',
        totalScore: 62,
        fitScore: 40,
        engagementScore: 22,
        ownerName: 'Sam',
        source: 'webinar',
      }),
    );
    fixture.detectChanges();
    const el: HTMLElement = fixture.nativeElement;
    const text = el.textContent!;
    expect(text).toContain('Ada Lovelace');
    expect(text).toContain('Analytical');
    expect(text).toContain('62');
    expect(text).toContain('40/22');
    expect(text).toContain('Sam');
    expect(text).toContain('webinar');
    expect(text).toContain('3h');
    expect(el.querySelector('[data-testid=score-as-of]')).toBeNull();
    expect(el.querySelector('article')!.getAttribute('aria-label')).toContain(
      'Ada Lovelace, Analytical, score 62, owner Sam, in MQL',
    );
    expect(el.querySelector('[data-testid=move-menu]')!.getAttribute('aria-label')).toBe(
      'Move Ada Lovelace to…',
    );
  });

  it('says how old its stored score is once it is older than a day, and explains why', () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(LeadCard);
    const el: HTMLElement = fixture.nativeElement;
    const asOf = () => el.querySelector<HTMLElement>('[data-testid=score-as-of]');

    fixture.componentRef.setInput(
      'card',
      card('Scored', { scoredAt: new Date(Date.now() - 23 * 3600_000).toISOString() }),
    );
    fixture.detectChanges();
    expect(asOf()).toBeNull();

    fixture.componentRef.setInput(
      'card',
      card('Scored', {
        name: 'Ava Weber',
        totalScore: 113,
        scoredAt: new Date(Date.now() - 3 * 86_400_000 - 60_000).toISOString(),
      }),
    );
    fixture.detectChanges();
    expect(asOf()!.textContent!.trim()).toBe('score as of 3d ago');
    expect(asOf()!.title).toContain(
      'refreshes it whenever the lead is written and in the daily sweep',
    );
    expect(el.querySelector('.score')!.textContent).toContain('113');
    expect(el.querySelector('article')!.getAttribute('aria-label')).toContain(
      'score 113 (score as of 3d ago)',
    );
  });

  describe('SLA countdown', () => {
    const start = new Date('2030-01-07T09:00:00Z').getTime();
    beforeEach(() => {
      vi.useFakeTimers();
      vi.setSystemTime(start);
    });
    afterEach(() => vi.useRealTimers());

    it('counts down on the shared clock, without new data, and turns to warning then breach colours', () => {
      TestBed.configureTestingModule({ providers: [provideRouter([])] });
      const fixture = TestBed.createComponent(LeadCard);
      fixture.componentRef.setInput(
        'card',
        card('MQL', {
          name: 'Ada Lovelace',
          stageEnteredAt: new Date(start).toISOString(),
          sla: slaSummary({
            termId: 'first-touch',
            termName: 'First touch',
            status: 'Running',
            startedAt: new Date(start).toISOString(),
            warnAt: new Date(start + 90 * 60_000).toISOString(),
            dueAt: new Date(start + 2 * 3600_000).toISOString(),
            warned: false,
            breached: false,
          }),
        }),
      );
      fixture.detectChanges();
      const el: HTMLElement = fixture.nativeElement;
      const sla = () => el.querySelector<HTMLElement>('[data-testid=sla]')!;
      expect(sla().textContent!.trim()).toBe('2h 00m left');
      expect(sla().dataset['tone']).toBe('ok');

      vi.advanceTimersByTime(31 * 60_000);
      fixture.detectChanges();
      expect(sla().textContent!.trim()).toBe('1h 29m left');
      expect(sla().dataset['tone']).toBe('ok');

      vi.advanceTimersByTime(59 * 60_000);
      fixture.detectChanges();
      expect(sla().textContent!.trim()).toBe('30m left');
      expect(sla().classList).toContain('warning');

      vi.advanceTimersByTime(31 * 60_000);
      fixture.detectChanges();
      expect(sla().textContent!.trim()).toBe('1m late');
      expect(sla().classList).toContain('breach');
      expect(el.querySelector('article')!.getAttribute('aria-label')).toContain(
        'in MQL for 2h, SLA 1m late',
      );
    });

    it('shows a paused clock as paused, and no countdown without a clock', () => {
      TestBed.configureTestingModule({ providers: [provideRouter([])] });
      const fixture = TestBed.createComponent(LeadCard);
      fixture.componentRef.setInput(
        'card',
        card('SalesAccepted', {
          sla: slaSummary({ termId: 'sal', status: 'Paused', warned: false }),
        }),
      );
      fixture.detectChanges();
      const el: HTMLElement = fixture.nativeElement;
      expect(el.querySelector('[data-testid=sla]')!.textContent!.trim()).toBe('Paused');
      expect(el.querySelector<HTMLElement>('[data-testid=sla]')!.dataset['tone']).toBe('paused');

      fixture.componentRef.setInput('card', card('Nurture'));
      fixture.detectChanges();
      expect(el.querySelector('[data-testid=sla]')).toBeNull();
      expect(el.querySelector('.age')!.textContent!.trim()).toBe('3h');
    });
  });

  it('offers the moves in its menu and says why one is not possible', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(LeadCard);
    fixture.componentRef.setInput('card', card('MQL'));
    fixture.componentRef.setInput('options', [
      {
        trigger: 'Accept',
        to: 'SalesAccepted',
        allowed: true,
        criteriaMet: false,
        criteria: [{ id: 'p', description: 'Phone present', passed: false }],
      },
      { trigger: 'Reject', to: 'Nurture', allowed: false, criteriaMet: true },
    ]);
    const moves: string[] = [];
    fixture.componentInstance.move.subscribe((o) => moves.push(o.trigger!));
    fixture.detectChanges();
    (fixture.nativeElement.querySelector('[data-testid=move-menu]') as HTMLButtonElement).click();
    fixture.detectChanges();
    await fixture.whenStable();
    const items = Array.from(document.querySelectorAll<HTMLButtonElement>('[mat-menu-item]'));
    expect(items.map((i) => i.textContent!.trim())).toEqual([
      'Accept → Sales accepted · criteria not met',
      'Reject → Nurture · not your role',
    ]);
    expect(items[0].title).toBe('Not met: Phone present');
    expect(items[1].disabled).toBe(true);
    items[0].click();
    expect(moves).toEqual(['Accept']);
  });
});
