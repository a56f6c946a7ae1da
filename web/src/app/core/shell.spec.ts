import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { FollowUpClient, Role } from '../api/l2r-api';
import { AuthStore } from './auth-store';
import { Shell } from './shell';

function render(roles: Role[]) {
  const auth = {
    user: () => ({ displayName: 'Pat', tenantName: 'Acme', roles }),
    isAdmin: () => roles.includes('Admin'),
    hasRole: (...wanted: Role[]) => wanted.some((r) => roles.includes(r)),
    logout: vi.fn(),
  };
  const followUp = {
    listNotifications: vi.fn(() => of({ items: [], unreadCount: 2 })),
  };
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      { provide: AuthStore, useValue: auth },
      { provide: FollowUpClient, useValue: followUp },
    ],
  });
  const fixture = TestBed.createComponent(Shell);
  fixture.detectChanges();
  const links = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('nav a')).map(
    (a) => a.textContent!.trim(),
  );
  return { fixture, links, auth };
}

describe('Shell', () => {
  it('shows Board, My queue, Leads, Metrics, Field intel, Agreement, Reviews, Settings and Fairness to sales, without Import or admin pages', () => {
    expect(render(['Sales']).links).toEqual([
      'Board',
      'My queue',
      'Leads',
      'Metrics',
      'Field intel',
      'Agreement',
      'Reviews',
      'Settings',
      'Fairness',
    ]);
  });

  it('adds Import for marketing, without a queue or the fairness ledger', () => {
    expect(render(['Marketing']).links).toEqual([
      'Board',
      'Leads',
      'Metrics',
      'Field intel',
      'Agreement',
      'Reviews',
      'Import',
      'Settings',
    ]);
  });

  it('adds Import, Teams, Users and Integrations for admins', () => {
    expect(render(['Admin', 'Marketing']).links).toEqual([
      'Board',
      'My queue',
      'Leads',
      'Metrics',
      'Field intel',
      'Agreement',
      'Reviews',
      'Import',
      'Settings',
      'Fairness',
      'Teams',
      'Users',
      'Integrations',
    ]);
  });

  it('shows the unread count on the bell', async () => {
    const { fixture } = render(['Sales']);
    await fixture.whenStable();
    fixture.detectChanges();
    const bell = fixture.nativeElement.querySelector('[data-testid=bell]') as HTMLElement;
    expect(bell.getAttribute('aria-label')).toBe('Notifications, 2 unread');
  });

  it('signs out from the toolbar', () => {
    const { fixture, auth } = render(['Sales']);
    (fixture.nativeElement.querySelector('.signout') as HTMLButtonElement).click();
    expect(auth.logout).toHaveBeenCalled();
  });
});
