import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { of, throwError } from 'rxjs';
import { AgreementClient, AgreementVersionDto, Role } from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import { draftDto } from '../../testing/agreement-fakes';
import { apiError, fakeAuth, settle } from '../../testing/fakes';
import { AgreementPage } from './agreement-page';

const active = {
  id: 'a1',
  version: 3,
  status: 'Active',
  createdAt: '2026-11-01T00:00:00Z',
  activatedAt: '2026-11-02T00:00:00Z',
  agreement: {
    scoring: {
      fitRules: [
        {
          id: 'size',
          condition: { id: 'c', description: 'Company has at least 200 employees' },
          points: 20,
        },
      ],
      engagementRules: [{ activityType: 'Webinar', points: 15, halfLifeDays: 30 }],
    },
    transitions: [
      {
        trigger: 'Qualify',
        roles: ['Marketing'],
        autoAdvance: true,
        criteria: [{ id: 'fit', description: 'Fit score at least 30' }],
      },
      { trigger: 'Reject', roles: ['Sales'], autoAdvance: false, criteria: [] },
    ],
    reasons: {
      reject: [{ code: 'no-need', label: 'No current need' }],
      recycle: [],
      loss: [],
      disqualify: [],
      reopen: [],
    },
    slas: { mqlResponseHours: 48, salesAcceptedToSqlDays: 14 },
  },
} as unknown as AgreementVersionDto;

function render(client: object, roles: Role[] = ['Sales']) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      {
        provide: AgreementClient,
        useValue: {
          listAgreementVersions: () => of([{ id: 'a1', version: 3, status: 'Active' }]),
          getOpenDraft: () => of({ draft: null }),
          getAgreementVersion: () => of(draftDto({ version: 3, status: 'Active' })),
          listVersionTransitions: () => of({ version: 3, total: 0, byTrigger: [] }),
          ...client,
        },
      },
      { provide: AuthStore, useValue: fakeAuth(roles) },
    ],
  });
  const fixture = TestBed.createComponent(AgreementPage);
  fixture.detectChanges();
  return fixture;
}

describe('AgreementPage', () => {
  it('states the guards, scoring, reasons and SLAs in plain language', async () => {
    const fixture = render({
      getActiveAgreement: () => of(active),
      getAgreementDiagram: () => of({ mermaid: '' }),
    });
    await settle();
    fixture.detectChanges();
    const text = (fixture.nativeElement as HTMLElement).textContent!;
    expect(text).toContain('Version 3 · Active');
    expect(text).toContain('Qualify as MQL');
    expect(text).toContain('Scored → MQL');
    expect(text).toContain('Fit score at least 30');
    expect(text).toContain('automatic when met');
    expect(text).toContain('and a reason');
    expect(text).toContain('Company has at least 200 employees');
    expect(text).toContain('+15');
    expect(text).toContain('No current need');
    expect(text).toContain('48 hours');
    expect(text).toContain('14 days');
  });

  it('shows a readable error when the agreement cannot be loaded', async () => {
    const fixture = render({
      getActiveAgreement: () => throwError(() => apiError(403, {})),
      getAgreementDiagram: () => of({ mermaid: '' }),
    });
    await settle();
    fixture.detectChanges();
    expect(fixture.nativeElement.querySelector('[role=alert]').textContent).toContain(
      'Your role does not allow this.',
    );
  });

  it('lets an admin start a draft and opens it', async () => {
    const createDraft = vi.fn(() => of(draftDto({ id: 'd7' })));
    const fixture = render(
      {
        getActiveAgreement: () => of(active),
        getAgreementDiagram: () => of({ mermaid: '' }),
        createDraft,
      },
      ['Admin'],
    );
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await settle();
    fixture.detectChanges();
    (fixture.nativeElement.querySelector('[data-testid=start-draft]') as HTMLButtonElement).click();
    await settle();
    expect(createDraft).toHaveBeenCalledWith({ fromVersion: undefined });
    expect(navigate).toHaveBeenCalledWith(['/agreement/drafts', 'd7']);
  });

  it('points everyone at the open draft and what it still needs; only admins may start one', async () => {
    const fixture = render({
      getActiveAgreement: () => of(active),
      getAgreementDiagram: () => of({ mermaid: '' }),
      getOpenDraft: () => of({ draft: draftDto({ missingApprovals: ['Sales'] }) }),
    });
    await settle();
    fixture.detectChanges();
    const panel = fixture.nativeElement.querySelector('[data-testid=draft-panel]') as HTMLElement;
    expect(panel.textContent).toContain('Draft version 2');
    expect(panel.textContent).toContain('Still needs the approval of Sales');
    expect(panel.querySelector('[data-testid=open-draft]')!.textContent).toContain(
      'Review the draft',
    );
    expect(panel.querySelector('[data-testid=start-draft]')).toBeNull();
  });
});
