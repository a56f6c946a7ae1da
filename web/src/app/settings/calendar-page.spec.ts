import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
import { CalendarClient, CalendarDto, Role } from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import { apiError, fakeAuth, settle } from '../../testing/fakes';
import { CalendarPage } from './calendar-page';

const calendar: CalendarDto = {
  timeZone: 'Europe/Berlin',
  // Out of week order on purpose: the page sends Monday first.
  workingHours: [
    { day: 'Tuesday', start: '08:30:00', end: '17:30:00' },
    { day: 'Monday', start: '08:30:00', end: '17:30:00' },
  ],
  holidays: ['2030-12-25'],
};

async function render(roles: Role[]) {
  const client = {
    getCalendar: vi.fn(() => of(calendar)),
    updateCalendar: vi.fn((body: CalendarDto) => of(body)),
  };
  TestBed.configureTestingModule({
    providers: [
      { provide: CalendarClient, useValue: client },
      { provide: AuthStore, useValue: fakeAuth(roles) },
    ],
  });
  const fixture = TestBed.createComponent(CalendarPage);
  fixture.detectChanges();
  await settle();
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const field = (testid: string) => el.querySelector(`[data-testid=${testid}]`) as HTMLInputElement;
  return { fixture, el, client, field };
}

describe('CalendarPage', () => {
  it('shows the calendar read-only to anyone but an admin', async () => {
    const { el, field } = await render(['Sales']);
    expect(field('time-zone').value).toBe('Europe/Berlin');
    expect(field('time-zone').readOnly).toBe(true);
    expect(field('start-Monday').value).toBe('08:30');
    expect(el.querySelector('[data-testid=works-Saturday] input')!.hasAttribute('disabled')).toBe(
      true,
    );
    expect(el.querySelector('[data-testid=save-calendar]')).toBeNull();
    expect(el.textContent).toContain('Only an admin can change them.');
  });

  it('lets an admin change hours, days and holidays, and saves them in week order', async () => {
    const { fixture, el, client, field } = await render(['Admin']);
    field('start-Monday').value = '07:45';
    field('start-Monday').dispatchEvent(new Event('change'));
    fixture.detectChanges();
    (el.querySelector('[data-testid=works-Tuesday] input') as HTMLInputElement).click();
    fixture.detectChanges();
    (el.querySelector('[data-testid=works-Wednesday] input') as HTMLInputElement).click();
    fixture.detectChanges();
    (el.querySelector('[data-testid=add-holiday]') as HTMLButtonElement).click();
    fixture.detectChanges();
    const holiday = el.querySelectorAll<HTMLInputElement>('[data-testid=holiday] input')[1];
    holiday.value = '2030-12-26';
    holiday.dispatchEvent(new Event('change'));
    (el.querySelector('[data-testid=save-calendar]') as HTMLButtonElement).click();
    await settle();
    fixture.detectChanges();
    expect(client.updateCalendar).toHaveBeenCalledWith({
      timeZone: 'Europe/Berlin',
      workingHours: [
        { day: 'Monday', start: '07:45:00', end: '17:30:00' },
        { day: 'Wednesday', start: '09:00:00', end: '17:00:00' },
      ],
      holidays: ['2030-12-25', '2030-12-26'],
    });
    expect(el.querySelector('[data-testid=calendar-notice]')!.textContent).toContain('recomputed');
  });

  it("shows the API's problems beside the fields they name", async () => {
    const { fixture, el, client, field } = await render(['Admin']);
    client.updateCalendar.mockReturnValue(
      throwError(() =>
        apiError(400, {
          errors: {
            timeZone: ['Give an IANA time zone such as Europe/Berlin.'],
            'workingHours[1].End': ['A working day ends after it starts.'],
          },
        }),
      ),
    );
    (el.querySelector('[data-testid=save-calendar]') as HTMLButtonElement).click();
    await settle();
    fixture.detectChanges();
    expect(field('time-zone').getAttribute('aria-invalid')).toBe('true');
    expect(el.textContent).toContain('Give an IANA time zone');
    // Row 1 of what was sent is Tuesday (Monday first).
    expect(field('end-Tuesday').getAttribute('aria-invalid')).toBe('true');
    expect(field('end-Monday').getAttribute('aria-invalid')).not.toBe('true');
    expect(el.textContent).toContain('A working day ends after it starts.');
  });
});
