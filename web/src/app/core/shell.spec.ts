import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Role } from '../api/l2r-api';
import { AuthStore } from './auth-store';
import { Shell } from './shell';

function render(roles: Role[]) {
  const auth = {
    user: () => ({ displayName: 'Pat', tenantName: 'Acme', roles }),
    isAdmin: () => roles.includes('Admin'),
    hasRole: (...wanted: Role[]) => wanted.some((r) => roles.includes(r)),
    logout: vi.fn(),
  };
  TestBed.configureTestingModule({
    providers: [provideRouter([]), { provide: AuthStore, useValue: auth }],
  });
  const fixture = TestBed.createComponent(Shell);
  fixture.detectChanges();
  const links = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('nav a')).map(
    (a) => a.textContent!.trim(),
  );
  return { fixture, links, auth };
}

describe('Shell', () => {
  it('shows Board, Agreement and the fairness ledger to sales, without Teams and Users', () => {
    expect(render(['Sales']).links).toEqual(['Board', 'Agreement', 'Fairness']);
  });

  it('shows marketing neither the fairness ledger nor the admin pages', () => {
    expect(render(['Marketing']).links).toEqual(['Board', 'Agreement']);
  });

  it('adds Teams and Users for admins', () => {
    expect(render(['Admin', 'Marketing']).links).toEqual(['Board', 'Agreement', 'Fairness', 'Teams', 'Users']);
  });

  it('signs out from the toolbar', () => {
    const { fixture, auth } = render(['Sales']);
    (fixture.nativeElement.querySelector('button') as HTMLButtonElement).click();
    expect(auth.logout).toHaveBeenCalled();
  });
});
