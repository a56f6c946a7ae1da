import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
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
import { STATE_ORDER } from '../core/labels';
import { apiError, card, option } from '../../testing/fakes';
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
