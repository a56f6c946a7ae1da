import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { of } from 'rxjs';
import { option } from '../../testing/fakes';
import { MoveFlow, triggerRequest } from './move-flow';

describe('MoveFlow', () => {
  const accept = option('Accept', 'SalesAccepted');
  const reject = option('Reject', 'Nurture', {
    reasonList: 'Reject',
    reasons: [{ code: 'no-need', label: 'No current need' }],
  });
  let dialog: { open: ReturnType<typeof vi.fn> };
  let flow: MoveFlow;

  beforeEach(() => {
    dialog = { open: vi.fn() };
    TestBed.configureTestingModule({ providers: [{ provide: MatDialog, useValue: dialog }] });
    flow = TestBed.inject(MoveFlow);
  });

  it('fires a move that needs no reason straight away', async () => {
    const fire = vi.fn(async () => 'moved');
    expect(await flow.move(accept, 'Ada', fire)).toBe('moved');
    expect(dialog.open).not.toHaveBeenCalled();
    expect(fire).toHaveBeenCalledWith({});
  });

  it("asks for one of the agreement's reasons and what the rep heard, then fires with them", async () => {
    const intel = { competitors: ['hub'], note: 'Uses HubSpot' };
    dialog.open.mockReturnValue({
      afterClosed: () => of({ reasonCode: 'no-need', note: 'later', intel }),
    });
    const fire = vi.fn(async () => 'moved');
    expect(await flow.move(reject, 'Ada Lovelace', fire, 'Spring')).toBe('moved');
    expect(dialog.open.mock.calls[0][1].data).toEqual({
      title: 'Reject: Ada Lovelace',
      leadName: 'Ada Lovelace',
      reasons: reject.reasons,
      intel: { campaign: 'Spring' },
    });
    expect(fire).toHaveBeenCalledWith({ reasonCode: 'no-need', note: 'later', intel });
  });

  it('does not fire when the reason dialog is cancelled', async () => {
    dialog.open.mockReturnValue({ afterClosed: () => of(undefined) });
    const fire = vi.fn();
    expect(await flow.move(reject, 'Ada', fire)).toBeNull();
    expect(fire).not.toHaveBeenCalled();
  });

  it('sends no empty reason fields', () => {
    expect(triggerRequest(reject, { reasonCode: 'no-need', note: '' })).toEqual({
      trigger: 'Reject',
      reasonCode: 'no-need',
      note: undefined,
    });
  });
});
