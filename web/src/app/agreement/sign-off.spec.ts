import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { AgreementClient, AgreementDraftDto, Role } from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import { draftDto } from '../../testing/agreement-fakes';
import { fakeAuth, settle } from '../../testing/fakes';
import { ActivationStore } from './activation-store';
import { DraftStore } from './draft-store';
import { SignOff } from './sign-off';

async function render(roles: Role[], draft: AgreementDraftDto, userId = 'me') {
  TestBed.resetTestingModule(); // several renders per test
  const client = {
    getDraft: vi.fn(() => of(draft)),
    getDraftDiagram: vi.fn(() => of({ mermaid: '' })),
    getAgreementVersion: vi.fn(() => of(draftDto({ status: 'Active' }))),
    approveDraft: vi.fn(() => of(draft)),
    withdrawApproval: vi.fn(() => of(draft)),
    activateDraft: vi.fn(() =>
      of({ id: 'run1', version: 2, status: 'Completed', total: 10, processed: 10, moved: 4 }),
    ),
    getActivation: vi.fn(),
  };
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      DraftStore,
      ActivationStore,
      { provide: AgreementClient, useValue: client },
      { provide: AuthStore, useValue: fakeAuth(roles, userId) },
    ],
  });
  await TestBed.inject(DraftStore).load('d1');
  await settle();
  const fixture = TestBed.createComponent(SignOff);
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const button = (id: string) =>
    el.querySelector(`[data-testid=${id}]`) as HTMLButtonElement | null;
  return { fixture, el, client, button };
}

const approvedByMia = draftDto({
  approvals: [
    {
      userId: 'mia',
      userName: 'Mia Marketing',
      role: 'Marketing',
      revision: 3,
      approvedAt: '2026-11-20T09:00:00Z',
    },
  ],
  missingApprovals: ['Sales'],
});

describe('SignOff', () => {
  it('offers approval for each role the user holds that has not approved this revision', async () => {
    const { button, el } = await render(['Marketing', 'Sales'], approvedByMia);
    expect(button('approve-Marketing')).toBeNull();
    expect(button('approve-Sales')).not.toBeNull();
    expect(button('activate')).toBeNull();
    expect(el.querySelector('[data-testid=missing-approvals]')!.textContent).toContain('Sales');
    expect(el.querySelector('[data-testid=approvals]')!.textContent).toContain('Mia Marketing');
  });

  it('approves with the role and revision, and lets the approver withdraw', async () => {
    const { button, client } = await render(['Marketing'], approvedByMia, 'mia');
    expect(button('approve-Marketing')).toBeNull();
    button('withdraw')!.click();
    expect(client.withdrawApproval).toHaveBeenCalledWith('d1');
    const fresh = await render(['Sales'], approvedByMia);
    fresh.button('approve-Sales')!.click();
    expect(fresh.client.approveDraft).toHaveBeenCalledWith('d1', { role: 'Sales', revision: 3 });
  });

  it('lets an admin activate only a signed-off draft', async () => {
    const unsigned = await render(['Admin'], draftDto());
    expect(unsigned.button('activate')!.disabled).toBe(true);
    expect(unsigned.button('approve-Marketing')).toBeNull();
    const signed = draftDto({
      approvals: [
        {
          userId: 'mia',
          userName: 'Mia',
          role: 'Marketing',
          revision: 3,
          approvedAt: '2026-11-20T09:00:00Z',
        },
        {
          userId: 'sam',
          userName: 'Sam',
          role: 'Sales',
          revision: 3,
          approvedAt: '2026-11-20T09:00:00Z',
        },
      ],
      missingApprovals: [],
      canActivate: true,
    });
    const { button, el, fixture, client } = await render(['Admin'], signed);
    expect(el.querySelector('[data-testid=signed-off]')).not.toBeNull();
    expect(button('activate')!.disabled).toBe(false);
    client.getDraft.mockReturnValue(of({ ...signed, status: 'Active', revision: 4 }));
    button('activate')!.click();
    await settle();
    fixture.detectChanges();
    const progress = el.querySelector('[data-testid=activation]')!;
    expect(progress.getAttribute('data-status')).toBe('Completed');
    expect(progress.textContent).toContain('4 moved');
    expect(button('activate')).toBeNull();
    expect(el.querySelector('[data-testid=approvals] li.old')).toBeNull();
  });
});
