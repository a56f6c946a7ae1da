import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MatDialog } from '@angular/material/dialog';
import { of, throwError } from 'rxjs';
import { LeadsClient, Role } from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import { apiError, card, fakeAuth, fakeHub, leadChange, leadDto } from '../../testing/fakes';
import { LeadPage } from './lead-page';

describe('LeadPage', () => {
  const lead = leadDto({
    id: 'l1',
    state: 'MQL',
    version: 4,
    firstName: 'Ada',
    lastName: 'Lovelace',
    name: 'Ada Lovelace',
    email: 'ada@x.test',
    company: 'Analytical',
    totalScore: 50,
    fitScore: 30,
    engagementScore: 20,
    // A second clock is running now (the one below, met, was an earlier stay in MQL).
    sla: {
      clockId: 'c2',
      termId: 'first-touch',
      termName: 'First touch',
      status: 'Running',
      startedAt: new Date(Date.now() - 3600_000).toISOString(),
      warnAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      dueAt: new Date(Date.now() + 4 * 3600_000 + 30_000).toISOString(),
      warned: false,
      breached: false,
    },
  });
  let client: Record<string, ReturnType<typeof vi.fn>>;
  let dialog: { open: ReturnType<typeof vi.fn> };
  let hub: ReturnType<typeof fakeHub>;

  async function render(roles: Role[]) {
    client = {
      getLead: vi.fn(() => of(lead)),
      getLeadTransitions: vi.fn(() =>
        of([
          {
            trigger: 'Accept',
            to: 'SalesAccepted',
            allowed: true,
            criteriaMet: false,
            reasonList: 'None',
            criteria: [
              {
                id: 'p',
                description: 'A phone number to call',
                passed: false,
                actual: 'Phone is empty',
              },
            ],
          },
          {
            trigger: 'Disqualify',
            to: 'Disqualified',
            allowed: true,
            criteriaMet: true,
            reasonList: 'Disqualify',
            criteria: [],
          },
        ]),
      ),
      getLeadHistory: vi.fn(() =>
        of({
          transitions: [
            {
              id: 'c1',
              kind: 'Created',
              to: 'Raw',
              actorKind: 'User',
              actorName: 'Mia Marketing',
              occurredAt: '2026-10-30T08:00:00Z',
              agreementVersion: 3,
              criteria: [],
            },
            {
              id: 'h1',
              kind: 'Moved',
              from: 'Scored',
              to: 'MQL',
              trigger: 'Qualify',
              actorKind: 'System',
              occurredAt: '2026-11-01T10:00:00Z',
              agreementVersion: 3,
              criteria: [
                {
                  id: 'fit',
                  description: 'Fit score at least 30',
                  passed: true,
                  actual: 'fit score 30',
                },
              ],
            },
          ],
          changes: [],
        }),
      ),
      listActivities: vi.fn(() =>
        of([
          {
            id: 'a1',
            type: 'Webinar',
            occurredAt: '2026-11-01T09:00:00Z',
            title: 'Pricing webinar',
          },
        ]),
      ),
      getLeadScore: vi.fn(() =>
        of({
          fit: 30,
          engagement: 20,
          total: 50,
          items: [
            {
              kind: 'Fit',
              source: 'size',
              description: 'Company has at least 200 employees',
              points: 20,
            },
          ],
        }),
      ),
      getLeadFeedback: vi.fn(() =>
        of([
          {
            transitionId: 't9',
            at: '2026-11-02T09:00:00Z',
            trigger: 'Reject',
            from: 'MQL',
            to: 'Nurture',
            reasonCode: 'no-budget',
            reasonLabel: 'No budget',
            disputes: {
              kind: 'Criterion',
              id: 'sql-budget',
              description: 'Budget confirmed',
              trigger: 'QualifyForSales',
            },
            note: 'Frozen until Q3',
            byName: 'Sam Sales',
            agreementVersion: 2,
          },
        ]),
      ),
      getLeadSla: vi.fn(() =>
        of([
          {
            id: 'c1',
            termId: 'first-touch',
            termName: 'First touch',
            agreementVersion: 3,
            status: 'Met',
            targetHours: 4,
            basis: 'BusinessHours',
            warningPercent: 75,
            startedAt: '2026-11-02T09:00:00Z',
            warnAt: '2026-11-02T12:00:00Z',
            dueAt: '2026-11-02T13:00:00Z',
            stoppedAt: '2026-11-02T10:30:00Z',
            stopReason: 'EmailSent',
            pauses: [
              {
                pausedAt: '2026-11-02T09:30:00Z',
                resumedAt: '2026-11-02T10:00:00Z',
                stage: 'Nurture',
              },
            ],
          },
        ]),
      ),
      updateLead: vi.fn(),
      fireTrigger: vi.fn(),
    };
    dialog = { open: vi.fn() };
    hub = fakeHub();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: LeadsClient, useValue: client },
        { provide: AuthStore, useValue: fakeAuth(roles) },
        hub.provider,
      ],
    });
    TestBed.overrideProvider(MatDialog, { useValue: dialog });
    const fixture = TestBed.createComponent(LeadPage);
    fixture.componentRef.setInput('id', 'l1');
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture;
  }

  it('shows the feedback the lead was given, with the clause it disputes', async () => {
    const fixture = await render(['Marketing']);
    const entry = (fixture.nativeElement as HTMLElement).querySelector(
      '[data-testid=feedback-entry]',
    )!;
    const text = entry.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('No budget · Reject by Sam Sales');
    expect(text).toContain('Disputes: Criterion: Budget confirmed');
    expect(text).toContain('Frozen until Q3');
    expect(text).toContain('agreement v2');
  });

  it('shows the moves available now and why the others are blocked', async () => {
    const el: HTMLElement = (await render(['Sales'])).nativeElement;
    expect(el.querySelector('[data-trigger=Disqualify]')!.textContent).toContain(
      'Disqualify → Disqualified',
    );
    const blocked = el.querySelector('[data-blocked=Accept]')!;
    expect(blocked.textContent).toContain('blocked: criteria not met');
    expect(blocked.textContent).toContain('A phone number to call');
    expect(blocked.textContent).toContain('Phone is empty');
  });

  it('shows history with the agreement version and criteria, the journey and the score breakdown', async () => {
    const el: HTMLElement = (await render(['Sales'])).nativeElement;
    const entry = el.querySelector('[data-testid=history-entry]')!;
    expect(entry.textContent).toContain('Scored → MQL');
    expect(entry.textContent).toContain('agreement v3');
    expect(entry.textContent).toContain('by the agreement (automatic)');
    expect(entry.textContent).toContain('Fit score at least 30');
    const oldest = el.querySelectorAll('[data-testid=history-entry]')[1];
    expect(oldest.getAttribute('data-kind')).toBe('Created');
    expect(oldest.textContent).toContain('Created in Raw · by Mia Marketing');
    expect(el.querySelector('[data-testid=activities]')!.textContent).toContain('Pricing webinar');
    expect(el.textContent).toContain('Company has at least 200 employees');
  });

  it('lets marketing record activities but not the sales checklist', async () => {
    const el: HTMLElement = (await render(['Marketing'])).nativeElement;
    expect(el.querySelector('[data-testid=activity-form]')).not.toBeNull();
    expect(el.querySelector('[data-testid=save-sales]')).toBeNull();
    expect(el.textContent).toContain('Sales records these.');
  });

  it('shows the SLA clocks: term, target and basis, due, how it was met, and its pauses', async () => {
    const el: HTMLElement = (await render(['Sales'])).nativeElement;
    const clock = el.querySelector('[data-testid=sla-clock]')!;
    const text = clock.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('First touch');
    expect(clock.querySelector('[data-testid=sla-status]')!.textContent).toBe('Met');
    expect(text).toContain('4 h business hours, warning at 75% · agreement v3');
    expect(clock.querySelector('[data-testid=sla-stopped]')!.textContent).toContain('Email sent');
    expect(text).toContain('Paused in Nurture');
    // A met clock no longer counts down; the running one counts down in the header.
    expect(clock.querySelector('[data-testid=sla]')).toBeNull();
    expect(el.querySelector('app-lead-header')!.textContent).toContain('First touch 4h 00m left');
  });

  it('lets sales log a touch (call, meeting or email sent) and offers nothing else', async () => {
    const fixture = await render(['Sales']);
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('#activity-title')!.textContent).toBe('Log a touch');
    (el.querySelector('[data-testid=activity-type]') as HTMLElement).click();
    fixture.detectChanges();
    await fixture.whenStable();
    const options = Array.from(document.querySelectorAll('mat-option')).map((o) =>
      o.textContent!.trim(),
    );
    expect(options).toEqual(['Call', 'Meeting', 'Email sent']);
  });

  it('explains a stale edit and keeps what the user typed', async () => {
    const fixture = await render(['Sales']);
    client['updateLead'].mockReturnValue(throwError(() => apiError(412, { title: 'Stale' })));
    client['getLead'].mockReturnValue(of({ ...lead, version: 5, phone: '+1 555' }));
    const phone = fixture.nativeElement.querySelector('input[name=phone]') as HTMLInputElement;
    phone.value = '+44 20';
    phone.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    (
      fixture.nativeElement.querySelector('[data-testid=save-profile]') as HTMLButtonElement
    ).click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(client['updateLead'].mock.calls[0]).toEqual(['l1', { phone: '+44 20' }, '"4"']);
    const conflict = fixture.nativeElement.querySelector('[data-testid=conflict]') as HTMLElement;
    expect(conflict.textContent).toContain('Someone else saved this lead');
    expect(conflict.textContent).toContain('+44 20');
    expect(conflict.textContent).toContain('+1 555');
  });

  it('asks for a reason before a disqualify, then moves the lead and says where to', async () => {
    const fixture = await render(['Sales']);
    dialog.open.mockReturnValue({ afterClosed: () => of({ reasonCode: 'spam', note: '' }) });
    client['fireTrigger'].mockReturnValue(
      of({
        lead: { ...lead, state: 'Disqualified', version: 5 },
        transitions: [{ kind: 'Moved', from: 'MQL', to: 'Disqualified', trigger: 'Disqualify' }],
      }),
    );
    (fixture.nativeElement.querySelector('[data-trigger=Disqualify]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(dialog.open.mock.calls[0][1].data.title).toBe('Disqualify: Ada Lovelace');
    expect(client['fireTrigger'].mock.calls[0]).toEqual([
      'l1',
      { trigger: 'Disqualify', reasonCode: 'spam', note: undefined },
      '"4"',
    ]);
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid=lead-notice]')!.textContent).toContain(
      'Moved to Disqualified.',
    );
    expect(el.querySelector('[data-testid=lead-state]')!.textContent).toBe('Disqualified');
  });

  it('links a lead merged into another to the survivor', async () => {
    const fixture = await render(['Marketing']);
    client['getLead'].mockReturnValue(
      throwError(() =>
        apiError(404, {
          title: 'Not found.',
          detail: 'Lead gone was merged into lead keep.',
          mergedInto: 'keep',
          location: '/api/leads/keep',
        }),
      ),
    );
    fixture.componentRef.setInput('id', 'gone');
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[role=alert]')!.textContent).toContain('was merged into');
    expect(el.querySelector('[data-testid=merged-into]')!.getAttribute('href')).toBe('/leads/keep');
  });

  it('refreshes itself when someone else moves the lead, and ignores the echo of its own version', async () => {
    const fixture = await render(['Sales']);
    const moved = { ...lead, state: 'SalesAccepted' as const, version: 5, ownerName: 'Sam Rep' };
    client['getLead'].mockClear();
    hub.push('leadChanged', leadChange(card('MQL', { id: 'l1', version: 4 })));
    expect(client['getLead']).not.toHaveBeenCalled();
    client['getLead'].mockReturnValue(of(moved));
    hub.push(
      'leadChanged',
      leadChange(card('SalesAccepted', { id: 'l1', version: 5 }), { fromState: 'MQL' }),
    );
    await fixture.whenStable();
    fixture.detectChanges();
    const el: HTMLElement = fixture.nativeElement;
    expect(client['getLead']).toHaveBeenCalledWith('l1');
    expect(el.querySelector('[data-testid=lead-notice]')!.textContent).toContain(
      'Sam Rep moved this lead to Sales accepted.',
    );
  });

  it('does not announce a move to the stage the page already shows (the echo of its own activity, a version later)', async () => {
    const fixture = await render(['Sales']);
    client['getLead'].mockClear();
    hub.push(
      'leadChanged',
      leadChange(card(lead.state!, { id: 'l1', version: 9 }), { fromState: 'Scored' }),
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(client['getLead']).toHaveBeenCalledWith('l1');
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('[data-testid=lead-notice]')
        ?.textContent ?? '',
    ).not.toContain('moved this lead');
  });

  it('ignores pushes about other leads', async () => {
    await render(['Sales']);
    client['getLead'].mockClear();
    hub.push('leadChanged', leadChange(card('SQL', { id: 'other', version: 9 })));
    expect(client['getLead']).not.toHaveBeenCalled();
  });
});
