import { TestBed } from '@angular/core/testing';
import { Subject, of, throwError } from 'rxjs';
import {
  BoardClient,
  BoardColumnDto,
  BoardDto,
  LeadState,
  LeadTrigger,
  LeadsClient,
  LeadMovesDto,
  ReasonListKind,
} from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import { STATE_ORDER } from '../core/labels';
import { apiError, card, fakeAuth, leadChange, option, slaSummary } from '../../testing/fakes';
import { BoardStore, PAGE_SIZE } from './board-store';

describe('BoardStore', () => {
  let board: { getBoard: ReturnType<typeof vi.fn>; getBoardColumn: ReturnType<typeof vi.fn> };
  let leads: {
    getLeadTransitions: ReturnType<typeof vi.fn>;
    fireTrigger: ReturnType<typeof vi.fn>;
  };
  let store: BoardStore;
  const scored = card('Scored', { id: 's1', version: 3 });

  beforeEach(() => {
    board = {
      getBoard: vi.fn(() =>
        of({
          columns: [
            { state: 'MQL', count: 0, cards: [] },
            { state: 'Scored', count: 41, cards: [scored], nextCursor: 'c1' },
          ],
        }),
      ),
      getBoardColumn: vi.fn(),
    };
    leads = { getLeadTransitions: vi.fn(), fireTrigger: vi.fn() };
    TestBed.configureTestingModule({
      providers: [
        BoardStore,
        { provide: BoardClient, useValue: board },
        { provide: LeadsClient, useValue: leads },
        { provide: AuthStore, useValue: fakeAuth(['Sales'], 'me-id') },
      ],
    });
    store = TestBed.inject(BoardStore);
  });

  it('loads a column for every state in funnel order, with counts', async () => {
    await store.load();
    expect(store.columns().map((c) => c.state)).toEqual(STATE_ORDER);
    expect(store.column('Scored')).toMatchObject({ count: 41, nextCursor: 'c1' });
    expect(store.column('Won')).toMatchObject({ count: 0, cards: [] });
    expect(store.total()).toBe(41);
  });

  it('passes the filters, with "me" for mine and blanks omitted', async () => {
    await store.setFilters({ owner: 'me', text: '  acme ' });
    expect(board.getBoard).toHaveBeenLastCalledWith('me', undefined, undefined, 'acme', PAGE_SIZE);
  });

  it('pages more cards into a column by cursor without duplicates', async () => {
    await store.load();
    const more = card('Scored');
    board.getBoardColumn.mockReturnValue(
      of({ state: 'Scored', count: 41, cards: [scored, more], nextCursor: 'c2' }),
    );
    await store.loadMore('Scored');
    expect(board.getBoardColumn).toHaveBeenCalledWith(
      'Scored',
      'c1',
      undefined,
      undefined,
      undefined,
      undefined,
      PAGE_SIZE,
    );
    expect(store.column('Scored')!.cards.map((c) => c.id)).toEqual(['s1', more.id]);
    expect(store.column('Scored')!.nextCursor).toBe('c2');
  });

  it('moves a card with If-Match and lands it in the final state after auto-advance', async () => {
    await store.load();
    board.getBoardColumn.mockImplementation((state: LeadState) =>
      of({ state, count: 0, cards: [] }),
    );
    leads.fireTrigger.mockReturnValue(
      of({
        lead: {
          id: 's1',
          state: 'MQL',
          version: 4,
          totalScore: 55,
          fitScore: 30,
          engagementScore: 25,
          updatedAt: '2026-11-27T10:00:00Z',
          sla: { termId: 'first-touch', status: 'Running', dueAt: '2026-11-27T14:00:00Z' },
        },
        transitions: [{ kind: 'Moved', from: 'Scored', to: 'MQL', trigger: 'Qualify' }],
      }),
    );
    const outcome = await store.move(scored, option('Qualify', 'MQL'));
    expect(outcome.ok).toBe(true);
    const [id, body, ifMatch] = leads.fireTrigger.mock.calls[0];
    expect([id, ifMatch]).toEqual(['s1', '"3"']);
    expect(body).toMatchObject({ trigger: 'Qualify' });
    expect(board.getBoardColumn).toHaveBeenCalledWith(
      'Scored',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      PAGE_SIZE,
    );
    expect(board.getBoardColumn).toHaveBeenCalledWith(
      'MQL',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      PAGE_SIZE,
    );
    await new Promise((r) => setTimeout(r));
    // The server's first page of MQL is empty here, yet the moved card stays visible on top.
    expect(store.column('MQL')!.cards.map((c) => [c.id, c.state, c.version])).toEqual([
      ['s1', 'MQL', 4],
    ]);
    // The move re-scored and stored the lead: the card takes that score and its time, all three parts together.
    expect(store.column('MQL')!.cards[0]).toMatchObject({
      totalScore: 55,
      fitScore: 30,
      engagementScore: 25,
      scoredAt: '2026-11-27T10:00:00Z',
    });
    // The clock the move started counts down on the card at once.
    expect(store.column('MQL')!.cards[0].sla).toMatchObject({ dueAt: '2026-11-27T14:00:00Z' });
    expect(store.column('Scored')!.cards).toEqual([]);
  });

  it('returns the unmet criteria of a refused move and leaves the card where it was', async () => {
    await store.load();
    leads.fireTrigger.mockReturnValue(
      throwError(() =>
        apiError(422, {
          title: 'Guard not met',
          criteria: [{ id: 'fit', description: 'Fit score at least 30', passed: false }],
        }),
      ),
    );
    const outcome = await store.move(scored, option('Qualify', 'MQL'));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problem.criteria[0].description).toBe('Fit score at least 30');
    expect(store.column('Scored')!.cards.map((c) => c.id)).toEqual(['s1']);
    expect(store.column('Scored')!.count).toBe(41);
  });

  it('keeps the error when the board cannot load', async () => {
    board.getBoard.mockReturnValue(throwError(() => apiError(500, {})));
    await store.load();
    expect(store.error()?.title).toContain('went wrong');
    expect(store.loading()).toBe(false);
  });
});

describe('BoardStore, applying pushed changes', () => {
  let board: { getBoard: ReturnType<typeof vi.fn>; getBoardColumn: ReturnType<typeof vi.fn> };
  let store: BoardStore;
  const high = card('MQL', { id: 'high', totalScore: 80, version: 2, ownerId: 'me-id' });
  const low = card('MQL', { id: 'low', totalScore: 20, version: 2, source: 'event' });
  const ada = card('Scored', { id: 'ada', totalScore: 50, version: 5 });

  const ids = (state: LeadState) => store.column(state)!.cards.map((c) => c.id);
  const count = (state: LeadState) => store.column(state)!.count;

  beforeEach(async () => {
    board = {
      getBoard: vi.fn(() =>
        of({
          columns: [
            { state: 'Scored', count: 1, cards: [ada] },
            { state: 'MQL', count: 2, cards: [high, low] },
          ],
        }),
      ),
      getBoardColumn: vi.fn((state: LeadState) => of({ state, count: 7, cards: [] })),
    };
    TestBed.configureTestingModule({
      providers: [
        BoardStore,
        { provide: BoardClient, useValue: board },
        { provide: LeadsClient, useValue: {} },
        { provide: AuthStore, useValue: fakeAuth(['Sales'], 'me-id') },
      ],
    });
    store = TestBed.inject(BoardStore);
    await store.load();
  });

  it('moves a card out of its column and into its new one in score order, counts following', () => {
    store.applyChange(leadChange({ ...ada, state: 'MQL', version: 6 }, { fromState: 'Scored' }));
    expect(ids('Scored')).toEqual([]);
    expect(ids('MQL')).toEqual(['high', 'ada', 'low']);
    expect([count('Scored'), count('MQL')]).toEqual([0, 3]);
    expect(store.remoteChanges().get('ada')).toMatchObject({ kind: 'moved', actorName: 'Sam Rep' });
  });

  it('adds a created card and drops a merged one', () => {
    const fresh = card('Scored', { id: 'new', totalScore: 90 });
    store.applyChange(leadChange(fresh, { kind: 'created' }));
    store.applyChange(leadChange(null, { leadId: 'low', kind: 'merged', fromState: 'MQL' }));
    expect(ids('Scored')).toEqual(['new', 'ada']);
    expect(ids('MQL')).toEqual(['high']);
    expect([count('Scored'), count('MQL')]).toEqual([2, 1]);
  });

  it('updates an edited card in place without changing the count', () => {
    store.applyChange(
      leadChange(
        { ...low, version: 3, ownerName: 'Sam Rep', ownerId: 'sam' },
        { kind: 'assigned' },
      ),
    );
    expect(store.column('MQL')!.cards[1]).toMatchObject({ id: 'low', ownerName: 'Sam Rep' });
    expect(count('MQL')).toBe(2);
  });

  it('ignores a push the board already shows: the echo of its own move, or an older one', () => {
    store.applyChange(leadChange({ ...ada, state: 'MQL', version: 5 }, { fromState: 'Scored' }));
    store.applyChange(leadChange({ ...ada, state: 'MQL', version: 4 }, { fromState: 'Scored' }));
    expect(ids('Scored')).toEqual(['ada']);
    expect(count('MQL')).toBe(2);
    expect(store.remoteChanges().size).toBe(0);
  });

  it('applies an SLA warning, which leaves the lead at the version the board shows', () => {
    const warned = { ...low, sla: slaSummary({ warned: true }) };
    store.applyChange(leadChange(warned, { kind: 'sla', actorName: 'SLA check' }));
    expect(store.column('MQL')!.cards[1].sla).toMatchObject({ warned: true });
    expect(count('MQL')).toBe(2);
  });

  it("does not count a card twice when the push of the user's own move arrives before its response", async () => {
    const leads = TestBed.inject(LeadsClient) as unknown as Record<string, unknown>;
    leads['fireTrigger'] = vi.fn(() => {
      store.applyChange(leadChange({ ...ada, state: 'MQL', version: 6 }, { fromState: 'Scored' }));
      return of({ lead: { id: 'ada', state: 'MQL', version: 6 }, transitions: [] });
    });
    board.getBoardColumn.mockImplementation(() => new Subject()); // the refresh never answers
    await store.move(ada, option('Qualify', 'MQL'));
    expect([count('Scored'), count('MQL')]).toEqual([0, 3]);
    expect(ids('MQL').filter((id) => id === 'ada')).toHaveLength(1);
  });

  it('applies the owner, source and campaign filters to pushed cards', async () => {
    board.getBoard.mockReturnValue(
      of({
        columns: [
          { state: 'Scored', count: 1, cards: [ada] },
          { state: 'MQL', count: 1, cards: [high] },
        ],
      }),
    );
    await store.setFilters({ owner: 'me' });
    store.applyChange(leadChange({ ...ada, state: 'MQL', version: 6, ownerId: 'sam' }));
    store.applyChange(
      leadChange({ ...high, version: 3, ownerId: undefined }, { kind: 'assigned' }),
    );
    expect(ids('MQL')).toEqual([]);
    await store.setFilters({ owner: 'none', source: 'event' });
    store.applyChange(
      leadChange(card('MQL', { id: 'walk-in', source: 'event' }), { kind: 'created' }),
    );
    store.applyChange(leadChange(card('MQL', { id: 'web' }), { kind: 'created' }));
    expect(ids('MQL')).toContain('walk-in');
    expect(ids('MQL')).not.toContain('web');
  });

  it('reloads the affected columns instead of guessing when a text search is active', async () => {
    await store.setFilters({ text: 'ada' });
    board.getBoardColumn.mockClear();
    store.applyChange(leadChange({ ...ada, state: 'MQL', version: 6 }, { fromState: 'Scored' }));
    const reloaded = board.getBoardColumn.mock.calls.map((c) => c[0]);
    expect(reloaded.sort()).toEqual(['MQL', 'Scored']);
  });

  it('only counts a card that ranks past the loaded page, which brings it when paged in', async () => {
    board.getBoard.mockReturnValue(
      of({ columns: [{ state: 'MQL', count: 300, cards: [high], nextCursor: 'c1' }] }),
    );
    await store.load();
    store.applyChange(leadChange(card('MQL', { id: 'far', totalScore: 5 }), { kind: 'created' }));
    expect(ids('MQL')).toEqual(['high']);
    expect(count('MQL')).toBe(301);
  });

  it('reloads the columns a push touched while the board was loading, once the load lands', async () => {
    const answer = new Subject<BoardDto>();
    board.getBoard.mockReturnValue(answer);
    board.getBoardColumn.mockClear();
    const loading = store.load();
    store.applyChange(leadChange({ ...ada, state: 'MQL', version: 6 }, { fromState: 'Scored' }));
    expect(board.getBoardColumn).not.toHaveBeenCalled();
    answer.next({ columns: [{ state: 'Scored', count: 1, cards: [ada] }] });
    answer.complete();
    await loading;
    expect(board.getBoardColumn.mock.calls.map((c) => c[0]).sort()).toEqual(['MQL', 'Scored']);
  });

  it('reloads the named columns of a bulk write, or the whole board when none are named', async () => {
    board.getBoardColumn.mockClear();
    await store.reloadColumns(['Raw', 'Scored']);
    expect(board.getBoardColumn.mock.calls.map((c) => c[0])).toEqual(['Raw', 'Scored']);
    board.getBoard.mockClear();
    await store.reloadColumns([]);
    expect(board.getBoard).toHaveBeenCalledTimes(1);
  });
});
