import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
import { AgreementClient } from '../api/l2r-api';
import { agreement, draftDto } from '../../testing/agreement-fakes';
import { apiError } from '../../testing/fakes';
import { EditableCriterion } from './criteria';
import { DraftStore } from './draft-store';

describe('DraftStore', () => {
  let client: Record<string, ReturnType<typeof vi.fn>>;
  let store: DraftStore;

  beforeEach(async () => {
    const base = agreement();
    base.reasons.reject = [
      { code: 'no-need', label: 'No current need' },
      { code: 'too-early', label: 'Too early' },
    ];
    client = {
      getDraft: vi.fn(() => of(draftDto())),
      getDraftDiagram: vi.fn(() => of({ version: 2, mermaid: 'stateDiagram-v2' })),
      getAgreementVersion: vi.fn(() => of(draftDto({ status: 'Active', agreement: base }))),
      updateDraft: vi.fn(),
      approveDraft: vi.fn(),
      withdrawApproval: vi.fn(),
      discardDraft: vi.fn(() => of(undefined)),
    };
    TestBed.configureTestingModule({
      providers: [DraftStore, { provide: AgreementClient, useValue: client }],
    });
    store = TestBed.inject(DraftStore);
    await store.load('d1');
    await new Promise((r) => setTimeout(r));
  });

  const lowerEngagement = (value: number | null) =>
    store.edit((a) => ((a.transitions[0].criteria![1] as EditableCriterion).value = value));

  it('loads the draft, its diagram and the reason codes its base version already uses', () => {
    expect(store.draft()?.revision).toBe(3);
    expect(store.working()).toEqual(agreement());
    expect(store.diagram()).toBe('stateDiagram-v2');
    expect(client['getAgreementVersion']).toHaveBeenCalledWith(1);
    expect(store.lockedCodes().reject).toEqual(['no-need', 'too-early']);
    expect(store.dirty()).toBe(false);
  });

  it('edits a copy, so the loaded draft stays as the server has it', () => {
    lowerEngagement(10);
    expect(store.dirty()).toBe(true);
    expect((store.working()!.transitions[0].criteria![1] as EditableCriterion).value).toBe(10);
    expect((store.draft()!.agreement!.transitions[0].criteria![1] as EditableCriterion).value).toBe(
      25,
    );
    store.revert();
    expect(store.dirty()).toBe(false);
    expect((store.working()!.transitions[0].criteria![1] as EditableCriterion).value).toBe(25);
  });

  it('saves with the revision it was based on and says when approvals were cleared', async () => {
    store.draft.update((d) => ({
      ...d!,
      approvals: [
        {
          userId: 'm',
          userName: 'Mia',
          role: 'Marketing',
          revision: 3,
          approvedAt: '2026-11-20T09:00:00Z',
        },
      ],
    }));
    lowerEngagement(10);
    client['updateDraft'].mockReturnValue(
      of(draftDto({ revision: 4, agreement: store.working()! })),
    );
    expect(await store.save()).toBe(true);
    const [id, body] = client['updateDraft'].mock.calls[0];
    expect(id).toBe('d1');
    expect(body.revision).toBe(3);
    expect(body.agreement.transitions[0].criteria[1].value).toBe(10);
    expect(store.draft()?.revision).toBe(4);
    expect(store.dirty()).toBe(false);
    expect(store.notice()).toContain('Saved as revision 4');
    expect(store.notice()).toContain('approvals were cleared');
    expect(client['getDraftDiagram']).toHaveBeenCalledTimes(2);
  });

  it("sends new reasons without the editor's marks", async () => {
    store.edit((a) => a.reasons.reject!.push({ code: 'new', label: 'New', isNew: true } as never));
    client['updateDraft'].mockReturnValue(of(draftDto({ revision: 4 })));
    await store.save();
    expect(client['updateDraft'].mock.calls[0][1].agreement.reasons.reject[1]).toEqual({
      code: 'new',
      label: 'New',
    });
  });

  it('puts the API validation errors under editor paths', async () => {
    lowerEngagement(-5);
    client['updateDraft'].mockReturnValue(
      throwError(() =>
        apiError(400, {
          title: 'One or more fields are invalid',
          errors: {
            'agreement.transitions[0].criteria[1].value': ['The threshold cannot be negative.'],
          },
        }),
      ),
    );
    expect(await store.save()).toBe(false);
    expect(store.errors()).toEqual({
      'transitions[0].criteria[1].value': ['The threshold cannot be negative.'],
    });
    expect(store.dirty()).toBe(true);
  });

  it('explains a stale revision instead of overwriting someone else', async () => {
    lowerEngagement(10);
    client['updateDraft'].mockReturnValue(
      throwError(() =>
        apiError(412, { title: 'Your copy is out of date', detail: 'Revision 5, not 3.' }),
      ),
    );
    expect(await store.save()).toBe(false);
    expect(store.stale()?.detail).toBe('Revision 5, not 3.');
    client['getDraft'].mockReturnValue(of(draftDto({ revision: 5 })));
    await store.reload();
    expect(store.stale()).toBeNull();
    expect(store.draft()?.revision).toBe(5);
    expect(store.dirty()).toBe(false);
  });

  it('does not send a number left empty; it marks the field', async () => {
    lowerEngagement(null);
    expect(await store.save()).toBe(false);
    expect(client['updateDraft']).not.toHaveBeenCalled();
    expect(store.errors()['transitions[0].criteria[1].value']).toEqual(['Enter a number.']);
  });

  it('clears messages when rows come and go, since their paths shift', () => {
    store.errors.set({ 'transitions[0].criteria[1].value': ['x'] });
    store.edit((a) => a.transitions[0].criteria!.splice(0, 1), { structural: true });
    expect(store.errors()).toEqual({});
  });

  it('approves the revision it shows, for the role chosen, and withdraws', async () => {
    client['approveDraft'].mockReturnValue(
      of(
        draftDto({
          approvals: [
            {
              userId: 'me',
              userName: 'Me',
              role: 'Marketing',
              revision: 3,
              approvedAt: '2026-11-20T09:00:00Z',
            },
          ],
        }),
      ),
    );
    expect(await store.approve('Marketing')).toBe(true);
    expect(client['approveDraft']).toHaveBeenCalledWith('d1', { role: 'Marketing', revision: 3 });
    expect(store.draft()?.approvals).toHaveLength(1);
    client['withdrawApproval'].mockReturnValue(of(draftDto()));
    expect(await store.withdraw()).toBe(true);
    expect(store.draft()?.approvals).toEqual([]);
  });

  it('keeps a refused approval as an error', async () => {
    client['approveDraft'].mockReturnValue(throwError(() => apiError(403, {})));
    expect(await store.approve('Sales')).toBe(false);
    expect(store.error()?.status).toBe(403);
  });
});
