import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { DragDropRegistry } from '@angular/cdk/drag-drop';
import { MatDialog } from '@angular/material/dialog';
import { of, throwError } from 'rxjs';
import {
  AgreementClient,
  BoardClient,
  DriftAlertDto,
  LeadsClient,
  MetricsClient,
  TransitionOptionDto,
} from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import {
  apiError,
  card,
  fakeAuth,
  fakeHub,
  leadChange,
  option,
  settle,
  slaSummary,
} from '../../testing/fakes';
import { Board } from './board';

describe('Board', () => {
  const scored = card('Scored', { id: 's1', name: 'Ada Lovelace' });
  const mql = card('MQL', {
    id: 'm1',
    name: 'Grace Hopper',
    sla: slaSummary({
      termId: 'first-touch',
      status: 'Running',
      dueAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
    }),
  });
  let leads: {
    getLeadTransitions: ReturnType<typeof vi.fn>;
    fireTrigger: ReturnType<typeof vi.fn>;
  };
  let dialog: { open: ReturnType<typeof vi.fn> };
  let hub: ReturnType<typeof fakeHub>;
  let boardClient: { getBoard: ReturnType<typeof vi.fn>; getBoardColumn: ReturnType<typeof vi.fn> };
  let metrics: { listDriftAlerts: ReturnType<typeof vi.fn> };

  let openDraft: object | null = null;

  async function render() {
    leads = { getLeadTransitions: vi.fn(), fireTrigger: vi.fn() };
    dialog = { open: vi.fn() };
    hub = fakeHub();
    metrics = { listDriftAlerts: vi.fn(() => of([] as DriftAlertDto[])) };
    const board = {
      getBoard: vi.fn(() =>
        of({
          columns: [
            { state: 'Scored', count: 120, cards: [scored] },
            { state: 'MQL', count: 3, cards: [mql] },
          ],
        }),
      ),
      // After a move the server has the card in its new column.
      getBoardColumn: vi.fn((state: string) =>
        of({ state, count: 1, cards: state === 'Nurture' ? [{ ...mql, state }] : [] }),
      ),
    };
    boardClient = board;
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: BoardClient, useValue: board },
        { provide: LeadsClient, useValue: leads },
        { provide: MetricsClient, useValue: metrics },
        {
          provide: AgreementClient,
          useValue: {
            getOpenDraft: () => of({ draft: openDraft }),
          },
        },
        { provide: AuthStore, useValue: fakeAuth(['Marketing']) },
        hub.provider,
      ],
    });
    TestBed.overrideProvider(MatDialog, { useValue: dialog });
    const fixture = TestBed.createComponent(Board);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture;
  }

  const drop = (fixture: Awaited<ReturnType<typeof render>>, c: typeof scored, to: string) =>
    (fixture.componentInstance as unknown as { onDrop(d: object): Promise<void> }).onDrop({
      card: c,
      from: c.state,
      to,
    });

  it('renders every column with its count', async () => {
    const fixture = await render();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelectorAll('[data-testid=column]').length).toBe(10);
    expect(el.querySelector('[data-state=Scored] [data-testid=count]')!.textContent!.trim()).toBe(
      '120',
    );
    expect(el.textContent).toContain('123 leads');
    expect(el.querySelector('[data-state=MQL] [data-testid=sla]')!.textContent).toContain('left');
  });

  it('explains a refused move with the unmet criteria', async () => {
    const fixture = await render();
    const qualify = option('Qualify', 'MQL', { criteriaMet: false });
    leads.getLeadTransitions.mockReturnValue(of([qualify]));
    leads.fireTrigger.mockReturnValue(
      throwError(() =>
        apiError(422, {
          title: 'Guard not met',
          criteria: [
            {
              id: 'fit',
              description: 'Fit score at least 30',
              passed: false,
              actual: 'fit score 25, needs ≥ 30',
            },
          ],
        }),
      ),
    );
    await drop(fixture, scored, 'MQL');
    fixture.detectChanges();
    const notice = fixture.nativeElement.querySelector('[data-testid=notice]') as HTMLElement;
    expect(notice.textContent).toContain('Qualify as MQL refused for Ada Lovelace');
    expect(notice.textContent).toContain('Fit score at least 30');
    expect(notice.textContent).toContain('fit score 25, needs ≥ 30');
    expect(
      fixture.nativeElement.querySelector('[data-state=Scored] [data-lead-id=s1]'),
    ).not.toBeNull();
  });

  it('refuses a drop on a column that is not a move, without calling the API', async () => {
    const fixture = await render();
    leads.getLeadTransitions.mockReturnValue(of([]));
    await drop(fixture, scored, 'Won');
    fixture.detectChanges();
    expect(leads.fireTrigger).not.toHaveBeenCalled();
    expect(fixture.nativeElement.querySelector('[data-testid=notice]').textContent).toContain(
      'Scored → Won is not a move in the agreement',
    );
  });

  it('asks for a reason before a reject, and sends the chosen code', async () => {
    const fixture = await render();
    const reject = option('Reject', 'Nurture', {
      reasonList: 'Reject',
      reasons: [{ code: 'no-need', label: 'No current need' }],
    });
    leads.getLeadTransitions.mockReturnValue(of([reject]));
    dialog.open.mockReturnValue({
      afterClosed: () => of({ reasonCode: 'no-need', note: 'later' }),
    });
    leads.fireTrigger.mockReturnValue(
      of({
        lead: { id: 'm1', state: 'Nurture', version: 2 },
        transitions: [{ kind: 'Moved', from: 'MQL', to: 'Nurture', trigger: 'Reject' }],
      }),
    );
    await drop(fixture, mql, 'Nurture');
    fixture.detectChanges();
    expect(dialog.open.mock.calls[0][1].data.reasons).toEqual(reject.reasons);
    expect(leads.fireTrigger.mock.calls[0][1]).toEqual({
      trigger: 'Reject',
      reasonCode: 'no-need',
      note: 'later',
    });
    expect(fixture.nativeElement.querySelector('[data-testid=notice]').textContent).toContain(
      'Grace Hopper moved to Nurture',
    );
    expect(
      fixture.nativeElement.querySelector('[data-state=Nurture] [data-lead-id=m1]'),
    ).not.toBeNull();
    // The banner on load, then again after the reject (the alarms measure accepts and rejects).
    expect(metrics.listDriftAlerts).toHaveBeenCalledTimes(2);
  });

  it('does nothing when the reason dialog is cancelled', async () => {
    const fixture = await render();
    leads.getLeadTransitions.mockReturnValue(
      of([
        {
          trigger: 'Reject',
          to: 'Nurture',
          allowed: true,
          criteriaMet: true,
          reasonList: 'Reject',
          reasons: [],
        },
      ]),
    );
    dialog.open.mockReturnValue({ afterClosed: () => of(undefined) });
    await drop(fixture, mql, 'Nurture');
    expect(leads.fireTrigger).not.toHaveBeenCalled();
  });

  it('shows marketing the banner when a draft awaits their approval', async () => {
    openDraft = {
      id: 'd1',
      version: 2,
      status: 'Draft',
      revision: 1,
      approvals: [],
      missingApprovals: ['Marketing', 'Sales'],
    };
    const fixture = await render();
    await new Promise((r) => setTimeout(r));
    fixture.detectChanges();
    expect(
      fixture.nativeElement.querySelector('[data-testid=approval-banner]').textContent,
    ).toContain('awaits your approval');
    openDraft = null;
  });

  describe('live', () => {
    const inColumn = (fixture: Awaited<ReturnType<typeof render>>, state: string, id: string) =>
      fixture.nativeElement.querySelector(
        `[data-state=${state}] [data-lead-id=${id}]`,
      ) as HTMLElement | null;
    const board = (fixture: Awaited<ReturnType<typeof render>>) =>
      fixture.componentInstance as unknown as {
        onDragStarted(card: object): Promise<void>;
        onDragEnded(): void;
      };

    it('moves a card someone else moved, highlighted, saying who did it and when', async () => {
      const fixture = await render();
      hub.push(
        'leadChanged',
        leadChange({ ...scored, state: 'MQL', version: 2 }, { fromState: 'Scored' }),
      );
      fixture.detectChanges();
      expect(inColumn(fixture, 'Scored', 's1')).toBeNull();
      const moved = inColumn(fixture, 'MQL', 's1')!;
      expect(moved.classList).toContain('flash');
      expect(moved.querySelector('[data-testid=remote-change]')!.textContent).toBe(
        'moved by Sam Rep, 0 s ago',
      );
      expect(fixture.nativeElement.textContent).toContain('123 leads');
    });

    it('snaps a dragged card back when someone moves it meanwhile, and fires no stale move', async () => {
      const fixture = await render();
      leads.getLeadTransitions.mockReturnValue(of([option('Qualify', 'MQL')]));
      const pointerUp = vi.spyOn(TestBed.inject(DragDropRegistry).pointerUp, 'next');
      await board(fixture).onDragStarted(scored);
      hub.push(
        'leadChanged',
        leadChange({ ...scored, state: 'MQL', version: 2 }, { fromState: 'Scored' }),
      );
      fixture.detectChanges();
      expect(pointerUp).toHaveBeenCalled();
      expect(fixture.nativeElement.querySelector('[data-testid=notice]').textContent).toContain(
        'Sam Rep moved Ada Lovelace to MQL while you were dragging it.',
      );
      // CDK ends the cancelled drag and still reports its drop: the card is where it started, and nothing is fired.
      expect(inColumn(fixture, 'Scored', 's1')).not.toBeNull();
      board(fixture).onDragEnded();
      await drop(fixture, scored, 'SalesAccepted');
      await settle();
      fixture.detectChanges();
      expect(leads.fireTrigger).not.toHaveBeenCalled();
      expect(inColumn(fixture, 'Scored', 's1')).toBeNull();
      expect(inColumn(fixture, 'MQL', 's1')).not.toBeNull();
    });

    it('shows the connection and reloads the board when it comes back', async () => {
      const fixture = await render();
      const status = () =>
        fixture.nativeElement.querySelector('[data-testid=live-status]').textContent.trim();
      expect(status()).toBe('● Live');
      hub.drop();
      fixture.detectChanges();
      expect(status()).toBe('Reconnecting…');
      hub.restore();
      fixture.detectChanges();
      expect(status()).toBe('● Live');
      expect(boardClient.getBoard).toHaveBeenCalledTimes(2);
    });

    it('waits for a drag to end before reloading the columns under it', async () => {
      const fixture = await render();
      leads.getLeadTransitions.mockReturnValue(of([option('Qualify', 'MQL')]));
      await board(fixture).onDragStarted(scored);
      boardClient.getBoardColumn.mockClear();
      hub.push('boardReload', { states: ['Scored'], reason: 'bulk', actorName: 'Sam Rep', at: '' });
      expect(boardClient.getBoardColumn).not.toHaveBeenCalled();
      board(fixture).onDragEnded();
      await settle();
      expect(boardClient.getBoardColumn.mock.calls.map((c) => c[0])).toEqual(['Scored']);
    });

    it('reloads the columns a bulk write names', async () => {
      await render();
      boardClient.getBoardColumn.mockClear();
      hub.push('boardReload', { states: ['Raw'], reason: 'import', actorName: 'Import', at: '' });
      expect(boardClient.getBoardColumn.mock.calls.map((c) => c[0])).toEqual(['Raw']);
    });

    it('says why it reloaded on its own, and who made a bulk change', async () => {
      const fixture = await render();
      hub.push('boardReload', { states: [], reason: 'bulk', actorName: 'Sam Rep', at: '' });
      fixture.detectChanges();
      expect(fixture.nativeElement.querySelector('[data-testid=bulk-reload]').textContent).toBe(
        'Reloaded after a bulk change by Sam Rep changed many leads.',
      );
      hub.push('boardReload', { states: ['Raw'], reason: 'import', actorName: 'Import', at: '' });
      fixture.detectChanges();
      expect(fixture.nativeElement.querySelector('[data-testid=bulk-reload]').textContent).toBe(
        'Reloaded after an import changed many leads.',
      );
    });
  });
});
