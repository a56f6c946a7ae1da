import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { AgreementClient, Role } from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import { draftDto } from '../../testing/agreement-fakes';
import { fakeAuth, settle } from '../../testing/fakes';
import { ApprovalBanner } from './approval-banner';
import { awaitingRoles } from './pending-approval-store';

async function render(roles: Role[], draft = draftDto()) {
  TestBed.resetTestingModule(); // several renders per test
  const client = { getOpenDraft: vi.fn(() => of({ draft })) };
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      { provide: AgreementClient, useValue: client },
      { provide: AuthStore, useValue: fakeAuth(roles) },
    ],
  });
  const fixture = TestBed.createComponent(ApprovalBanner);
  fixture.detectChanges();
  await settle();
  fixture.detectChanges();
  const banner = (fixture.nativeElement as HTMLElement).querySelector(
    '[data-testid=approval-banner]',
  );
  return { banner, client };
}

describe('ApprovalBanner', () => {
  it('tells marketing a draft awaits their approval and links to it', async () => {
    const { banner } = await render(['Marketing']);
    expect(banner?.textContent).toContain(
      'Draft version 2 of the lead agreement awaits your approval',
    );
    expect(banner?.textContent).toContain('as Marketing');
    expect(banner?.querySelector('a')?.getAttribute('href')).toBe('/agreement/drafts/d1');
  });

  it('stays away once the role approved the current revision', async () => {
    const approved = draftDto({
      approvals: [
        {
          userId: 'x',
          userName: 'Mia',
          role: 'Marketing',
          revision: 3,
          approvedAt: '2026-11-20T09:00:00Z',
        },
      ],
    });
    expect((await render(['Marketing'], approved)).banner).toBeNull();
    expect((await render(['Sales'], approved)).banner?.textContent).toContain('as Sales');
  });

  it('does not ask admins, and does not even look when the user approves nothing', async () => {
    const { banner, client } = await render(['Admin']);
    expect(banner).toBeNull();
    expect(client.getOpenDraft).not.toHaveBeenCalled();
  });
});

describe('awaitingRoles', () => {
  it('counts only approvals of the current revision', () => {
    const stale = draftDto({
      approvals: [
        {
          userId: 's',
          userName: 'Sam',
          role: 'Sales',
          revision: 2,
          approvedAt: '2026-11-20T09:00:00Z',
        },
      ],
    });
    expect(awaitingRoles(stale, ['Marketing', 'Sales'])).toEqual(['Marketing', 'Sales']);
    expect(awaitingRoles(draftDto({ status: 'Active' }), ['Sales'])).toEqual([]);
    expect(awaitingRoles(null, ['Sales'])).toEqual([]);
  });
});
