import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
import { AgreementClient, LeadSummaryDto, LeadsClient, UsersClient } from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import { apiError, fakeAuth } from '../../testing/fakes';
import { LIST_PAGE_SIZE, LeadsListStore } from './leads-list-store';

const row = (id: string, overrides: Partial<LeadSummaryDto> = {}): LeadSummaryDto => ({
  id,
  name: `Lead ${id}`,
  state: 'Scored',
  totalScore: 10,
  fitScore: 5,
  engagementScore: 5,
  stageEnteredAt: '2026-11-01T00:00:00Z',
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-02T00:00:00Z',
  version: 1,
  ...overrides,
});

describe('LeadsListStore', () => {
  let leads: Record<string, ReturnType<typeof vi.fn>>;
  let store: LeadsListStore;

  beforeEach(() => {
    leads = {
      // Three pages: a cursor leads to the next, the last has none.
      listLeads: vi.fn((...args: unknown[]) => {
        const cursor = args[15] as string | undefined;
        const items =
          cursor === 'c2'
            ? [row('5')]
            : cursor === 'c1'
              ? [row('3'), row('4')]
              : [row('1'), row('2', { ownerId: 'u9', ownerName: 'Sofia' })];
        const next = cursor === 'c2' ? undefined : cursor === 'c1' ? 'c2' : 'c1';
        return of({ items, total: 5, page: 1, pageSize: LIST_PAGE_SIZE, nextCursor: next });
      }),
      exportLeads: vi.fn(),
      bulkAssignOwner: vi.fn(() =>
        of({
          results: [
            { leadId: '1', outcome: 'Updated', state: 'Scored', version: 2 },
            {
              leadId: '2',
              outcome: 'Refused',
              problem: { status: 403, type: 't', title: 'No', detail: 'No' },
            },
          ],
          changed: 1,
          failed: 1,
        }),
      ),
      bulkFireTrigger: vi.fn(() => of({ results: [], changed: 0, failed: 0 })),
      bulkSetCampaign: vi.fn(() => of({ results: [], changed: 0, failed: 0 })),
      createLead: vi.fn(),
    };
    TestBed.configureTestingModule({
      providers: [
        LeadsListStore,
        { provide: LeadsClient, useValue: leads },
        {
          provide: AgreementClient,
          useValue: {
            getActiveAgreement: vi.fn(() =>
              of({ agreement: { reasons: { reject: [{ code: 'no-need', label: 'No need' }] } } }),
            ),
          },
        },
        { provide: UsersClient, useValue: { listUsers: vi.fn(() => of([])) } },
        { provide: AuthStore, useValue: fakeAuth(['Sales']) },
      ],
    });
    store = TestBed.inject(LeadsListStore);
  });

  it('reads filters and sort from the query string and asks the API with inclusive days made exclusive', async () => {
    await store.applyQuery({
      stage: ['MQL', 'Scored', 'Bogus'],
      owner: 'me',
      text: 'ada',
      minScore: '20',
      createdFrom: '2026-11-01',
      createdTo: '2026-11-30',
      sort: 'TotalScore',
      order: 'Desc',
    });
    const args = leads['listLeads'].mock.calls[0];
    // Board order, unknown stages dropped.
    expect(args.slice(0, 13)).toEqual([
      ['Scored', 'MQL'],
      'me',
      undefined,
      undefined,
      'ada',
      20,
      undefined,
      '2026-11-01',
      '2026-12-01',
      undefined,
      undefined,
      'TotalScore',
      'Desc',
    ]);
    expect(store.total()).toBe(5);
    expect(store.owners()).toEqual([{ id: 'u9', name: 'Sofia' }]);
    // Back to a query string, as it came.
    expect(store.queryWith({ text: 'bob' })).toEqual({
      stage: ['Scored', 'MQL'],
      owner: 'me',
      text: 'bob',
      minScore: 20,
      createdFrom: '2026-11-01',
      createdTo: '2026-11-30',
      sort: 'TotalScore',
      order: 'Desc',
    });
  });

  it('sorts a column ascending first, then descending', async () => {
    await store.applyQuery({});
    expect(store.queryForSort('Name')).toEqual({ sort: 'Name', order: 'Asc' });
    await store.applyQuery({ sort: 'Name', order: 'Asc' });
    expect(store.queryForSort('Name')).toEqual({ sort: 'Name', order: 'Desc' });
    expect(store.queryForSort('Company')).toEqual({ sort: 'Company', order: 'Asc' });
  });

  it('pages forward by the keyset cursor and back by the cursors it kept', async () => {
    await store.load();
    expect(store.items().map((l) => l.id)).toEqual(['1', '2']);
    expect(store.hasPrevious()).toBe(false);
    await store.nextPage();
    await store.nextPage();
    expect(store.items().map((l) => l.id)).toEqual(['5']);
    expect(store.pageNumber()).toBe(3);
    expect(store.nextCursor()).toBeUndefined();
    await store.previousPage();
    expect(store.items().map((l) => l.id)).toEqual(['3', '4']);
    await store.previousPage();
    expect(store.items().map((l) => l.id)).toEqual(['1', '2']);
    expect(leads['listLeads'].mock.calls.map((c) => c[15])).toEqual([
      undefined,
      'c1',
      'c2',
      'c1',
      undefined,
    ]);
  });

  it('assigns the selection, across pages, and reports each lead by name', async () => {
    await store.load();
    store.toggle('1', true);
    await store.nextPage();
    store.toggle('3', true);
    const outcome = await store.assignOwner('me-id', 'me');
    expect(outcome.ok).toBe(true);
    expect(leads['bulkAssignOwner']).toHaveBeenCalledWith({
      leadIds: ['1', '3'],
      ownerId: 'me-id',
    });
    expect(store.bulkReport()!.names).toEqual({ '1': 'Lead 1', '3': 'Lead 3' });
    expect(store.bulkReport()!.result.failed).toBe(1);
    // The page on screen is reloaded, at the same cursor.
    expect(leads['listLeads'].mock.calls.at(-1)![15]).toBe('c1');
  });

  it('fires one trigger with one reason for the selection, and knows which triggers ask for one', async () => {
    await store.load();
    store.togglePage(true);
    expect(await store.reasonsFor('Accept')).toBeNull();
    expect(await store.reasonsFor('Reject')).toEqual([{ code: 'no-need', label: 'No need' }]);
    await store.fireTrigger('Reject', { reasonCode: 'no-need', note: '' }, 'Reject');
    expect(leads['bulkFireTrigger']).toHaveBeenCalledWith({
      leadIds: ['1', '2'],
      trigger: 'Reject',
      reasonCode: 'no-need',
      note: undefined,
    });
    await store.setCampaign('  ');
    expect(leads['bulkSetCampaign']).toHaveBeenCalledWith({ leadIds: ['1', '2'], campaign: '' });
  });

  it('answers a duplicate email with the problem that names the existing lead', async () => {
    leads['createLead'].mockReturnValue(
      throwError(() => apiError(409, { title: 'Conflict', existingLeadId: 'old-1' })),
    );
    const outcome = await store.create({ email: 'ada@x.test' });
    expect(leads['createLead'].mock.calls[0][1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problem.extensions?.['existingLeadId']).toBe('old-1');
  });
});
