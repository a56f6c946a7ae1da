import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { AvailabilityDto, CalendarClient, UsersClient } from '../api/l2r-api';
import { settle } from '../../testing/fakes';
import { AvailabilityPage } from './availability-page';

async function render(
  userId?: string,
  availability: AvailabilityDto = { userId: 'me', outOfOffice: [] },
) {
  const client = {
    getMyAvailability: vi.fn(() => of(availability)),
    getUserAvailability: vi.fn(() => of(availability)),
    updateMyAvailability: vi.fn((body: AvailabilityDto) => of(body)),
    updateUserAvailability: vi.fn((_id: string, body: AvailabilityDto) => of(body)),
    getCalendar: vi.fn(() =>
      of({ workingHours: [{ day: 'Monday', start: '08:30:00', end: '17:30:00' }] }),
    ),
  };
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      { provide: CalendarClient, useValue: client },
      {
        provide: UsersClient,
        useValue: { getUser: () => of({ id: 'u2', displayName: 'Sofia Sales' }) },
      },
    ],
  });
  const fixture = TestBed.createComponent(AvailabilityPage);
  if (userId) fixture.componentRef.setInput('userId', userId);
  fixture.detectChanges();
  await settle();
  fixture.detectChanges();
  return { fixture, el: fixture.nativeElement as HTMLElement, client };
}

describe('AvailabilityPage', () => {
  it("starts from the tenant's hours, and an override starts as a copy of them", async () => {
    const { fixture, el, client } = await render();
    expect(el.querySelector('h2')!.textContent).toBe('My availability');
    const start = () => el.querySelector('[data-testid=start-Monday]') as HTMLInputElement;
    expect(start().value).toBe('08:30');
    expect(start().readOnly).toBe(true);
    (el.querySelector('[data-testid=use-tenant-hours] input') as HTMLInputElement).click();
    fixture.detectChanges();
    expect(start().readOnly).toBe(false);
    (el.querySelector('[data-testid=save-availability]') as HTMLButtonElement).click();
    await settle();
    expect(client.updateMyAvailability).toHaveBeenCalledWith({
      workingHours: [{ day: 'Monday', start: '08:30:00', end: '17:30:00' }],
      outOfOffice: [],
    });
  });

  it("lets an admin plan another user's absence, sent in UTC", async () => {
    const { fixture, el, client } = await render('u2');
    expect(el.querySelector('h2')!.textContent).toContain('Availability of Sofia Sales');
    (el.querySelector('[data-testid=add-away]') as HTMLButtonElement).click();
    fixture.detectChanges();
    const from = el.querySelector('[data-testid=away-from]') as HTMLInputElement;
    from.value = '2030-03-04T09:00';
    from.dispatchEvent(new Event('change'));
    const to = el.querySelector('[data-testid=away-to]') as HTMLInputElement;
    to.value = '2030-03-08T18:00';
    to.dispatchEvent(new Event('change'));
    const note = el.querySelector('[data-testid=away-note]') as HTMLInputElement;
    note.value = ' Trade fair ';
    note.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid=save-availability]') as HTMLButtonElement).click();
    await settle();
    expect(client.updateUserAvailability).toHaveBeenCalledWith('u2', {
      workingHours: undefined,
      outOfOffice: [
        {
          from: new Date('2030-03-04T09:00').toISOString(),
          to: new Date('2030-03-08T18:00').toISOString(),
          note: 'Trade fair',
        },
      ],
    });
  });
});
