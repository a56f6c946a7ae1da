import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { FollowUpClient } from '../api/l2r-api';
import { settle } from '../../testing/fakes';
import { NotificationBell } from './notification-bell';

describe('NotificationBell', () => {
  it('lists the notifications; choosing one marks it read and opens its lead', async () => {
    const client = {
      listNotifications: vi.fn(() =>
        of({
          items: [
            { id: 'n1', kind: 'SlaBreach', leadId: 'l1', message: 'Ada: MQL response was missed' },
            { id: 'n2', kind: 'SlaWarning', leadId: 'l2', message: 'Bea: due soon', readAt: 'x' },
          ],
          unreadCount: 1,
        }),
      ),
      markNotificationRead: vi.fn(() => of({ id: 'n1', readAt: 'now' })),
    };
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: FollowUpClient, useValue: client }],
    });
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(NotificationBell);
    fixture.detectChanges();
    await settle();
    fixture.detectChanges();
    const bell = fixture.nativeElement.querySelector('[data-testid=bell]') as HTMLButtonElement;
    expect(bell.getAttribute('aria-label')).toBe('Notifications, 1 unread');
    bell.click();
    fixture.detectChanges();
    await fixture.whenStable();
    const items = Array.from(document.querySelectorAll<HTMLElement>('[data-testid=notification]'));
    expect(items.map((i) => i.dataset['kind'])).toEqual(['SlaBreach', 'SlaWarning']);
    expect(items[0].textContent).toContain('Breach');
    expect(items[0].classList).toContain('unread');
    items[0].click();
    await settle();
    fixture.detectChanges();
    expect(client.markNotificationRead).toHaveBeenCalledWith('n1');
    expect(navigate).toHaveBeenCalledWith(['/leads', 'l1']);
    expect(bell.getAttribute('aria-label')).toBe('Notifications');
  });
});
