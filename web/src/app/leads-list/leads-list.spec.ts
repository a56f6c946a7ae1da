import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { MatDialog } from '@angular/material/dialog';
import { of, throwError } from 'rxjs';
import { AgreementClient, LeadsClient, Role, UsersClient } from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import { apiError, fakeAuth, settle } from '../../testing/fakes';
import { LeadsList } from './leads-list';

describe('LeadsList', () => {
  const rows = [
    {
      id: 'l1',
      name: 'Ada Lovelace',
      email: 'ada@x.test',
      company: 'Analytical',
      state: 'MQL',
      totalScore: 55,
      fitScore: 30,
      engagementScore: 25,
      stageEnteredAt: '2026-11-01T00:00:00Z',
      createdAt: '2026-11-01T00:00:00Z',
      updatedAt: '2026-11-20T00:00:00Z',
      version: 3,
    },
    {
      id: 'l2',
      name: 'Grace Hopper',
      email: 'grace@x.test',
      company: 'Navy',
      state: 'MQL',
      totalScore: 40,
      fitScore: 20,
      engagementScore: 20,
      stageEnteredAt: '2026-11-02T00:00:00Z',
      createdAt: '2026-11-02T00:00:00Z',
      updatedAt: '2026-11-21T00:00:00Z',
      version: 1,
    },
  ];
  let leads: Record<string, ReturnType<typeof vi.fn>>;
  let dialog: { open: ReturnType<typeof vi.fn> };

  async function render(roles: Role[] = ['Sales'], url = '/leads?stage=MQL') {
    localStorage.clear();
    leads = {
      listLeads: vi.fn(() => of({ items: rows, total: 2, page: 1, pageSize: 50 })),
      bulkFireTrigger: vi.fn(() =>
        of({
          results: [
            { leadId: 'l1', outcome: 'Moved', state: 'Nurture', version: 4 },
            {
              leadId: 'l2',
              outcome: 'Refused',
              state: 'MQL',
              problem: {
                status: 422,
                type: 'guard',
                title: 'The agreement does not allow this yet.',
                detail: 'Unmet criteria.',
                criteria: [
                  { id: 'c', description: 'Owner assigned', passed: false, actual: 'none' },
                ],
              },
            },
          ],
          changed: 1,
          failed: 1,
        }),
      ),
      createLead: vi.fn(),
    };
    dialog = { open: vi.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'leads', component: LeadsList }]),
        { provide: LeadsClient, useValue: leads },
        {
          provide: AgreementClient,
          useValue: {
            getActiveAgreement: () =>
              of({ agreement: { reasons: { reject: [{ code: 'no-need', label: 'No need' }] } } }),
          },
        },
        { provide: UsersClient, useValue: { listUsers: () => of([]) } },
        { provide: AuthStore, useValue: fakeAuth(roles) },
      ],
    });
    TestBed.overrideProvider(MatDialog, { useValue: dialog });
    const router = TestBed.inject(Router);
    await router.navigateByUrl(url);
    const fixture = TestBed.createComponent(LeadsList);
    fixture.detectChanges();
    await settle();
    fixture.detectChanges();
    return { fixture, router, el: fixture.nativeElement as HTMLElement };
  }

  it('lists the leads the URL’s filters select, with the default columns', async () => {
    const { el } = await render();
    expect(leads['listLeads'].mock.calls[0][0]).toEqual(['MQL']);
    expect(el.querySelectorAll('[data-testid=lead-row]').length).toBe(2);
    expect(el.querySelector('[data-testid=list-total]')!.textContent).toContain('2 leads');
    const headers = Array.from(el.querySelectorAll('thead th')).map((th) => th.textContent!.trim());
    expect(headers).toEqual([
      '',
      'Name',
      'Email',
      'Company',
      'Stage',
      'Score',
      'Owner',
      'Source',
      'Updated',
    ]);
  });

  it('sorts by a column through the URL', async () => {
    const { el, router } = await render();
    const navigate = vi.spyOn(router, 'navigate');
    (el.querySelector('[data-sort=TotalScore]') as HTMLButtonElement).click();
    expect(navigate.mock.calls[0][1]!.queryParams).toEqual({
      stage: ['MQL'],
      sort: 'TotalScore',
      order: 'Asc',
    });
  });

  it('remembers the chosen columns in this browser', async () => {
    const { fixture, el } = await render();
    (
      fixture.componentInstance as unknown as { toggleColumn(k: string, on: boolean): void }
    ).toggleColumn('title', true);
    fixture.detectChanges();
    expect(JSON.parse(localStorage.getItem('l2r.leads-list.columns')!)).toContain('title');
    expect(el.querySelector('thead')!.textContent).toContain('Title');
  });

  it('fires one trigger with one reason for the selection and shows each lead’s result', async () => {
    const { fixture, el } = await render();
    dialog.open.mockReturnValue({ afterClosed: () => of({ reasonCode: 'no-need', note: '' }) });
    const page = fixture.componentInstance as unknown as {
      store: { togglePage(on: boolean): void };
    };
    page.store.togglePage(true);
    fixture.detectChanges();
    const bulk = fixture.debugElement.query((d) => d.name === 'app-bulk-actions')
      .componentInstance as {
      trigger: { set(t: string): void };
      move(): Promise<void>;
    };
    bulk.trigger.set('Reject');
    await bulk.move();
    fixture.detectChanges();
    expect(dialog.open.mock.calls[0][1].data).toEqual({
      title: 'Reject: 2 leads',
      leadName: '2 leads',
      reasons: [{ code: 'no-need', label: 'No need' }],
    });
    expect(leads['bulkFireTrigger']).toHaveBeenCalledWith({
      leadIds: ['l1', 'l2'],
      trigger: 'Reject',
      reasonCode: 'no-need',
      note: undefined,
    });
    const report = el.querySelector('[data-testid=bulk-report]')!;
    expect(report.textContent).toContain('1 changed, 1 not');
    expect(report.querySelector('[data-outcome=Refused]')!.textContent).toContain(
      '✗ Owner assigned — none',
    );
    expect(report.querySelector('[data-outcome=Moved]')!.textContent).toContain('Ada Lovelace');
  });

  it('offers owner assignment to sales but not to marketing', async () => {
    const sales = await render(['Sales']);
    const page = sales.fixture.componentInstance as unknown as {
      store: { togglePage(on: boolean): void };
    };
    page.store.togglePage(true);
    sales.fixture.detectChanges();
    expect(sales.el.querySelector('[data-testid=bulk-assign]')).not.toBeNull();
    TestBed.resetTestingModule();
    const marketing = await render(['Marketing']);
    (
      marketing.fixture.componentInstance as unknown as { store: { togglePage(on: boolean): void } }
    ).store.togglePage(true);
    marketing.fixture.detectChanges();
    expect(marketing.el.querySelector('[data-testid=bulk-actions]')).not.toBeNull();
    expect(marketing.el.querySelector('[data-testid=bulk-assign]')).toBeNull();
  });

  it('creates a lead, showing a validation problem beside its field and linking a duplicate email to the lead that has it', async () => {
    const { fixture, el } = await render();
    (el.querySelector('[data-testid=new-lead-open]') as HTMLButtonElement).click();
    fixture.detectChanges();
    const form = el.querySelector('[data-testid=new-lead] form') as HTMLFormElement;
    leads['createLead'].mockReturnValueOnce(
      throwError(() =>
        apiError(400, {
          title: 'Validation failed',
          errors: { CompanySize: ['Must be positive.'] },
        }),
      ),
    );
    form.dispatchEvent(new Event('submit'));
    await settle();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid=new-lead]')!.textContent).toContain('Must be positive.');
    expect(el.querySelector('input[name=companySize]')!.getAttribute('aria-invalid')).toBe('true');

    leads['createLead'].mockReturnValueOnce(
      throwError(() =>
        apiError(409, {
          title: 'Conflict',
          detail: 'Lead old-1 already has the email ada@x.test.',
          existingLeadId: 'old-1',
        }),
      ),
    );
    form.dispatchEvent(new Event('submit'));
    await settle();
    fixture.detectChanges();
    expect(el.textContent).toContain('already has the email');
    expect(el.querySelector('[data-testid=existing-lead]')!.getAttribute('href')).toBe(
      '/leads/old-1',
    );
  });
});
