import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { FieldControl, FormField } from './form-field';

@Component({
  imports: [FormField, FieldControl, MatInputModule, MatSelectModule, ReactiveFormsModule],
  template: `
    <app-form-field label="Points" [error]="error()" hint="Whole numbers" data-x="points">
      <input *appFieldControl matInput type="number" [value]="points()" data-testid="points" />
    </app-form-field>
    <app-form-field label="Kind" [invalid]="kindInvalid()" data-x="kind">
      <mat-select *appFieldControl [value]="'a'" data-testid="kind">
        <mat-option value="a">A</mat-option>
      </mat-select>
    </app-form-field>
    <app-form-field label="Email" data-x="email">
      <input *appFieldControl matInput [formControl]="email" data-testid="email" />
    </app-form-field>
  `,
})
class Host {
  readonly error = signal<string | null>(null);
  readonly kindInvalid = signal(false);
  readonly points = signal(3);
  readonly email = new FormControl('', Validators.required);
}

function render(error: string | null = null) {
  const fixture = TestBed.createComponent(Host);
  fixture.componentInstance.error.set(error);
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const field = (x: string) => el.querySelector(`[data-x=${x}] mat-form-field`)!;
  const control = (id: string) => el.querySelector(`[data-testid=${id}]`)!;
  return { fixture, el, host: fixture.componentInstance, field, control };
}

describe('FormField', () => {
  it('renders the label, the control inside the Material form field, and the hint', () => {
    const { field, control } = render();
    expect(field('points').querySelector('mat-label')!.textContent).toBe('Points');
    expect(field('points').contains(control('points'))).toBe(true);
    expect(control('points').classList).toContain('mdc-text-field__input');
    expect((control('points') as HTMLInputElement).value).toBe('3');
    expect(field('points').querySelector('mat-hint')!.textContent).toBe('Whole numbers');
    expect(control('kind').getAttribute('aria-labelledby')).toContain(
      field('kind').querySelector('label')!.id,
    );
  });

  it('shows an error in place of the hint and marks the field and its control invalid', () => {
    const { fixture, host, field, control } = render();
    expect(control('points').getAttribute('aria-invalid')).toBe('false');
    host.error.set('Enter a number.');
    fixture.detectChanges();
    expect(field('points').classList).toContain('mat-form-field-invalid');
    expect(control('points').getAttribute('aria-invalid')).toBe('true');
    expect(field('points').querySelector('mat-error')!.textContent).toBe('Enter a number.');
    expect(field('points').querySelector('mat-hint')).toBeNull();
    expect(control('points').getAttribute('aria-describedby')).toContain(
      field('points').querySelector('mat-error')!.id,
    );
    host.error.set(null);
    fixture.detectChanges();
    expect(field('points').classList).not.toContain('mat-form-field-invalid');
    expect(control('points').getAttribute('aria-invalid')).toBe('false');
  });

  it('marks the control invalid from the first render', () => {
    const { control } = render('Enter a number.');
    expect(control('points').getAttribute('aria-invalid')).toBe('true');
  });

  it('marks a field invalid without a message', () => {
    const { fixture, host, field, control } = render();
    host.kindInvalid.set(true);
    fixture.detectChanges();
    expect(field('kind').classList).toContain('mat-form-field-invalid');
    expect(control('kind').getAttribute('aria-invalid')).toBe('true');
    expect(field('kind').querySelector('mat-error')).toBeNull();
  });

  it("keeps a form control's own validation: invalid once touched", () => {
    const { fixture, host, field } = render();
    expect(field('email').classList).not.toContain('mat-form-field-invalid');
    host.email.markAsTouched();
    fixture.detectChanges();
    expect(field('email').classList).toContain('mat-form-field-invalid');
  });
});
