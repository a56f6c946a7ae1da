import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { ReasonDialog } from './reason-dialog';

describe('ReasonDialog', () => {
  function render() {
    const close = vi.fn();
    TestBed.configureTestingModule({
      providers: [
        {
          provide: MAT_DIALOG_DATA,
          useValue: {
            title: 'Reject: Ada',
            leadName: 'Ada',
            reasons: [
              { code: 'no-need', label: 'No current need' },
              { code: 'too-early', label: 'Too early' },
            ],
          },
        },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    const fixture = TestBed.createComponent(ReasonDialog);
    fixture.detectChanges();
    return { fixture, close, el: fixture.nativeElement as HTMLElement };
  }

  it("lists the agreement's reasons and confirms only once one is chosen", () => {
    const { fixture, close, el } = render();
    expect(
      Array.from(el.querySelectorAll('mat-radio-button')).map((r) => r.textContent!.trim()),
    ).toEqual(['No current need', 'Too early']);
    const confirm = el.querySelector('[data-testid=confirm-reason]') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    (el.querySelector('[data-code=too-early] input') as HTMLInputElement).click();
    fixture.detectChanges();
    expect(confirm.disabled).toBe(false);
    confirm.click();
    expect(close).toHaveBeenCalledWith({ reasonCode: 'too-early', note: '' });
  });
});
