import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
import {
  LeadDto,
  LeadHistoryDto,
  LeadMovesDto,
  LeadsClient,
  RecordActivityResultDto,
  ScoreBreakdownDto,
} from '../api/l2r-api';
import { apiError, option } from '../../testing/fakes';
import { LeadStore } from './lead-store';

describe('LeadStore', () => {
  let client: Record<string, ReturnType<typeof vi.fn>>;
  let store: LeadStore;
  const lead = (version: number, extra: object = {}) => ({
    id: 'l1',
    state: 'Scored',
    version,
    firstName: 'Ada',
    phone: '1',
    ...extra,
  });

  beforeEach(async () => {
    client = {
      getLead: vi.fn(() => of(lead(1))),
      getLeadTransitions: vi.fn(() => of([])),
      getLeadHistory: vi.fn(() =>
        of({
          // Oldest first, as the server orders it: creation and the automatic move after it share an instant.
          transitions: [
            { id: 'c1', kind: 'Created', to: 'Raw', occurredAt: '2026-01-01T09:00:00Z' },
            { id: 'h1', kind: 'Moved', to: 'Scored', occurredAt: '2026-01-01T09:00:00Z' },
            { id: 'h2', kind: 'Moved', to: 'MQL', occurredAt: '2026-02-01T09:00:00Z' },
          ],
          changes: [],
        }),
      ),
      listActivities: vi.fn(() => of([])),
      getLeadScore: vi.fn(() => of({ fit: 10, engagement: 5, total: 15, items: [] })),
      getLeadFeedback: vi.fn(() => of([{ transitionId: 'f1', reasonCode: 'no-budget' }])),
      getLeadSla: vi.fn(() => of([])),
      updateLead: vi.fn(),
      fireTrigger: vi.fn(),
      recordActivity: vi.fn(),
    };
    TestBed.configureTestingModule({
      providers: [LeadStore, { provide: LeadsClient, useValue: client }],
    });
    store = TestBed.inject(LeadStore);
    await store.load('l1');
  });

  it('loads the lead, its moves, history (newest first), journey, score and feedback', () => {
    expect(store.lead()?.version).toBe(1);
    expect(store.transitionsNewestFirst().map((t) => t.id)).toEqual(['h2', 'h1', 'c1']);
    expect(store.score()?.total).toBe(15);
    expect(store.feedback().map((f) => f.reasonCode)).toEqual(['no-budget']);
  });

  it("names the lead by the server's display name, never by rebuilding it from its parts", async () => {
    client['getLead'].mockReturnValue(of(lead(1, { name: 'ada@x.test', firstName: undefined })));
    await store.load('l1');
    expect(store.name()).toBe('ada@x.test');
    client['getLead'].mockReturnValue(of(lead(1, { name: 'Ada King', lastName: 'Lovelace' })));
    await store.load('l1');
    expect(store.name()).toBe('Ada King');
  });

  it('saves only the given fields with If-Match of the version it showed', async () => {
    client['updateLead'].mockReturnValue(
      of({ lead: { id: 'l1', version: 2, phone: '2' }, transitions: [] }),
    );
    const outcome = await store.save({ phone: '2' });
    expect(outcome.ok).toBe(true);
    const [id, body, ifMatch] = client['updateLead'].mock.calls[0];
    expect([id, ifMatch]).toEqual(['l1', '"1"']);
    expect(body).toMatchObject({ phone: '2' });
    expect(store.lead()?.version).toBe(2);
  });

  it('turns a stale save (412) into a conflict that keeps both versions', async () => {
    client['updateLead'].mockReturnValueOnce(throwError(() => apiError(412, { title: 'Stale' })));
    client['getLead'].mockReturnValue(of(lead(5, { phone: '9' })));
    const outcome = await store.save({ phone: '2' });
    expect(outcome.ok).toBe(false);
    expect(store.conflict()).toMatchObject({
      mine: { phone: '2' },
      latest: { version: 5, phone: '9' },
    });

    client['updateLead'].mockReturnValue(of({ lead: { id: 'l1', version: 6, phone: '2' } }));
    await store.overwriteWithMine();
    expect(client['updateLead'].mock.calls[1][2]).toBe('"5"');
    expect(store.conflict()).toBeNull();
    expect(store.lead()?.version).toBe(6);
  });

  it('records an activity and reports the auto-advance that followed', async () => {
    client['recordActivity'].mockReturnValue(
      of({
        lead: { id: 'l1', state: 'MQL', version: 2 },
        transitions: [{ kind: 'Moved', from: 'Scored', to: 'MQL', trigger: 'Qualify' }],
      }),
    );
    const outcome = await store.recordActivity({ type: 'Webinar' as never });
    expect(outcome.ok && outcome.value[0].to).toBe('MQL');
    expect(store.lead()?.state).toBe('MQL');
    expect(client['getLeadHistory']).toHaveBeenCalledTimes(2);
  });

  it('tells the page what an action did: nothing to save, saved, or why not', async () => {
    await store.save({});
    expect(client['updateLead']).not.toHaveBeenCalled();
    expect(store.notice()).toEqual({ kind: 'ok', lines: ['Nothing changed.'] });

    client['updateLead'].mockReturnValue(of({ lead: { id: 'l1', version: 2, phone: '2' } }));
    const saving = store.save({ phone: '2' });
    expect(store.busy()).toBe(true);
    await saving;
    expect(store.busy()).toBe(false);
    expect(store.notice()).toEqual({ kind: 'ok', lines: ['Saved.'] });

    client['fireTrigger'].mockReturnValue(
      throwError(() => apiError(409, { title: 'Not a move from here' })),
    );
    await store.fire(option('Accept', 'SalesAccepted'));
    expect(store.notice()?.kind).toBe('error');
    expect(store.notice()?.lines.join(' ')).toContain('Not a move from here');
  });
});
