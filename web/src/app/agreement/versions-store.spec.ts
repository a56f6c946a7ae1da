import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
import { AgreementClient } from '../api/l2r-api';
import { draftDto } from '../../testing/agreement-fakes';
import { apiError } from '../../testing/fakes';
import { VersionsStore } from './versions-store';

describe('VersionsStore', () => {
  let client: Record<string, ReturnType<typeof vi.fn>>;
  let store: VersionsStore;

  beforeEach(() => {
    client = {
      listAgreementVersions: vi.fn(() =>
        of([
          { id: 'v2', version: 2, status: 'Draft' },
          { id: 'v1', version: 1, status: 'Active' },
        ]),
      ),
      getOpenDraft: vi.fn(() => of({ draft: draftDto() })),
      getAgreementVersion: vi.fn((v: number) =>
        of(draftDto({ version: v, status: v === 1 ? 'Active' : 'Draft' })),
      ),
      listVersionTransitions: vi.fn(() =>
        of({ version: 1, total: 458, byTrigger: [{ trigger: 'Score', count: 261 }] }),
      ),
      createDraft: vi.fn(),
    };
    TestBed.configureTestingModule({
      providers: [VersionsStore, { provide: AgreementClient, useValue: client }],
    });
    store = TestBed.inject(VersionsStore);
  });

  it('lists the versions with their approvals and the moves judged under each', async () => {
    await store.load();
    expect(store.openDraft()?.id).toBe('d1');
    expect(
      store.versions().map((r) => [r.summary.version, r.detail?.status, r.transitions?.total]),
    ).toEqual([
      [2, 'Draft', undefined],
      [1, 'Active', 458],
    ]);
    expect(client['listVersionTransitions']).toHaveBeenCalledTimes(1);
    expect(client['listVersionTransitions']).toHaveBeenCalledWith(1, 1);
  });

  it('starts a draft from a chosen version (a rollback)', async () => {
    client['createDraft'].mockReturnValue(of(draftDto({ id: 'd9', basedOnVersion: 1 })));
    expect(await store.startDraft(1)).toEqual({ ok: true, draftId: 'd9' });
    expect(client['createDraft']).toHaveBeenCalledWith({ fromVersion: 1 });
    expect(store.openDraft()?.id).toBe('d9');
  });

  it('leads to the open draft when one already exists', async () => {
    client['createDraft'].mockReturnValue(
      throwError(() => apiError(409, { title: 'Conflict', draftId: 'd1' })),
    );
    expect(await store.startDraft()).toEqual({ ok: true, draftId: 'd1' });
  });

  it('returns any other refusal', async () => {
    client['createDraft'].mockReturnValue(throwError(() => apiError(403, {})));
    const outcome = await store.startDraft();
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problem.status).toBe(403);
  });
});
