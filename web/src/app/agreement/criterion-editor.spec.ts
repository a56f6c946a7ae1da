import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { EditableCriterion } from './criteria';
import { CriterionEditor } from './criterion-editor';

@Component({
  imports: [CriterionEditor],
  template: `<app-criterion-editor
    [criterion]="criterion()"
    path="transitions[0].criteria[1]"
    [errors]="errors()"
    [fit]="fit()"
    (changed)="changes.push($event); criterion.set($event)"
    (removed)="removed = true"
  />`,
})
class Host {
  readonly criterion = signal<EditableCriterion>({
    kind: 'scoreAtLeast',
    id: 'mql-engagement',
    score: 'Engagement',
    value: 25,
    description: 'Engagement score at least 25',
  });
  readonly errors = signal<Record<string, string[]>>({});
  readonly fit = signal(false);
  changes: EditableCriterion[] = [];
  removed = false;
}

function render() {
  const fixture = TestBed.createComponent(Host);
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const input = (id: string) => el.querySelector(`[data-testid=${id}]`) as HTMLInputElement;
  return { fixture, el, host: fixture.componentInstance, input };
}

describe('CriterionEditor', () => {
  it('shows typed inputs for the kind, and a new threshold rewrites the generated description', () => {
    const { fixture, host, input } = render();
    expect(input('criterion-value').type).toBe('number');
    expect(input('criterion-value').value).toBe('25');
    input('criterion-value').value = '10';
    input('criterion-value').dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect(host.changes.at(-1)).toMatchObject({
      value: 10,
      description: 'Engagement score at least 10',
    });
    expect(input('criterion-description').value).toBe('Engagement score at least 10');
  });

  it('keeps a number that is being typed, and sends null for an emptied one', () => {
    const { host, input } = render();
    input('criterion-value').value = '';
    input('criterion-value').dispatchEvent(new Event('input'));
    expect(host.changes.at(-1)?.value).toBeNull();
  });

  it('takes a typed description as it is', () => {
    const { host, input } = render();
    input('criterion-description').value = 'Engaged with us lately';
    input('criterion-description').dispatchEvent(new Event('input'));
    expect(host.changes.at(-1)).toMatchObject({ value: 25, description: 'Engaged with us lately' });
  });

  it('shows the API problem for a field beside that field', () => {
    const { fixture, el, host } = render();
    host.errors.set({ 'transitions[0].criteria[1].value': ['The threshold cannot be negative.'] });
    fixture.detectChanges();
    const field = el.querySelector('[data-testid=criterion-value]')!.closest('mat-form-field')!;
    expect(field.classList).toContain('mat-form-field-invalid');
    expect(el.querySelector('.field-error')!.textContent).toContain(
      'Value: The threshold cannot be negative.',
    );
    expect(el.querySelector('[data-testid=criterion-value]')!.getAttribute('aria-invalid')).toBe(
      'true',
    );
  });

  it('renders the inputs of a field criterion, with a custom field name when chosen', () => {
    const { fixture, el, host, input } = render();
    host.criterion.set({
      kind: 'fieldIn',
      id: 'i',
      field: 'custom.tier',
      values: ['a', 'b'],
      description: '',
    });
    fixture.detectChanges();
    expect(input('criterion-values').value).toBe('a, b');
    expect(input('criterion-custom-field').value).toBe('tier');
    input('criterion-values').value = 'gold, silver ,, ';
    input('criterion-values').dispatchEvent(new Event('change'));
    expect(host.changes.at(-1)?.values).toEqual(['gold', 'silver']);
    expect(el.querySelector('[data-testid=criterion-field]')).not.toBeNull();
  });

  it('removes itself on request', () => {
    const { el, host } = render();
    (el.querySelector('[data-testid=remove-criterion]') as HTMLButtonElement).click();
    expect(host.removed).toBe(true);
  });
});
