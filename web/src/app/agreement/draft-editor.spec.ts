import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { AgreementClient, TeamsClient } from '../api/l2r-api';
import { draftDto } from '../../testing/agreement-fakes';
import { settle } from '../../testing/fakes';
import { DraftEditor } from './draft-editor';
import { DraftStore } from './draft-store';

async function render() {
  const client = {
    getDraft: vi.fn(() => of(draftDto())),
    getDraftDiagram: vi.fn(() => of({ mermaid: '' })),
    getAgreementVersion: vi.fn(() => of(draftDto({ status: 'Active' }))),
    updateDraft: vi.fn(),
  };
  TestBed.configureTestingModule({
    providers: [
      DraftStore,
      { provide: AgreementClient, useValue: client },
      { provide: TeamsClient, useValue: { listTeams: vi.fn(() => of([])) } },
    ],
  });
  const store = TestBed.inject(DraftStore);
  await store.load('d1');
  await settle();
  const fixture = TestBed.createComponent(DraftEditor);
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  return { fixture, el, store, client };
}

describe('DraftEditor', () => {
  it('lays out each move with its roles, auto-advance and criteria', async () => {
    const { el } = await render();
    const qualify = el.querySelector('[data-trigger=Qualify]')!;
    expect(qualify.textContent).toContain('Qualify as MQL');
    expect(qualify.textContent).toContain('Scored → MQL');
    expect(qualify.querySelectorAll('[data-testid=criterion]').length).toBe(3);
    expect(qualify.querySelector('[data-criterion-id=mql-engagement]')).not.toBeNull();
    expect(qualify.querySelector('[data-role=Marketing] input')!.getAttribute('type')).toBe(
      'checkbox',
    );
    expect(el.querySelector('[data-trigger=Reject]')!.textContent).toContain(
      'needs a reason from the reject list',
    );
    expect(el.querySelectorAll('[data-testid=fit-rule]').length).toBe(1);
    expect(el.querySelectorAll('[data-testid=engagement-rule]').length).toBe(1);
    expect((el.querySelector('[data-testid=sla-mql-hours]') as HTMLInputElement).value).toBe('24');
  });

  it('adds and removes criteria, roles and reasons in the working copy', async () => {
    const { fixture, el, store } = await render();
    (
      el.querySelector('[data-trigger=Reject] [data-testid=add-criterion]') as HTMLButtonElement
    ).click();
    fixture.detectChanges();
    expect(store.working()!.transitions[1].criteria).toEqual([
      expect.objectContaining({ kind: 'scoreAtLeast', id: 'reject-1' }),
    ]);
    (
      el.querySelector('[data-trigger=Reject] [data-role=Marketing] input') as HTMLInputElement
    ).click();
    fixture.detectChanges();
    expect(store.working()!.transitions[1].roles).toEqual(['Marketing', 'Sales']);
    (el.querySelector('[data-list=reject] [data-testid=add-reason]') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(store.working()!.reasons.reject).toHaveLength(2);
    expect(store.dirty()).toBe(true);
  });

  it('keeps codes already in use fixed, and lets a new reason take any code until saved', async () => {
    const { fixture, el, store } = await render();
    (el.querySelector('[data-list=reject] [data-testid=add-reason]') as HTMLButtonElement).click();
    fixture.detectChanges();
    const codes = () =>
      el.querySelectorAll<HTMLInputElement>('[data-list=reject] [data-testid=reason-code]');
    expect(codes()[0].readOnly).toBe(true);
    codes()[1].value = 'no-need';
    codes()[1].dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect(codes()[1].readOnly).toBe(false);
    expect(store.working()!.reasons.reject![1].code).toBe('no-need');
  });

  it('lists problems with a readable place and marks the fields they name', async () => {
    const { fixture, el, store } = await render();
    store.errors.set({
      'transitions[0].criteria[1].value': ['The threshold cannot be negative.'],
      'reasons.reject': ['Reject needs a reason, so its reason list cannot be empty.'],
      'slas.mqlResponseHours': ['The MQL response time cannot be negative.'],
    });
    fixture.detectChanges();
    const summary = el.querySelector('[data-testid=draft-errors]')!.textContent!;
    expect(summary).toContain('3 problems');
    expect(summary).toContain(
      'Qualify as MQL › criterion 2 (Engagement score at least 25) › value: The threshold cannot be negative.',
    );
    expect(
      el.querySelector('[data-criterion-id=mql-engagement] .field-error')!.textContent,
    ).toContain('Value: The threshold cannot be negative.');
    expect(
      el.querySelector('[data-criterion-id=mql-engagement] .mat-form-field-invalid'),
    ).not.toBeNull();
    expect(el.querySelector('[data-list=reject]')!.textContent).toContain('cannot be empty');
    expect(el.querySelector('[data-testid=sla-mql-hours]')!.getAttribute('aria-invalid')).toBe(
      'true',
    );
  });

  it('takes the user from a problem in the summary to the field it names', async () => {
    const { fixture, el, store } = await render();
    store.errors.set({ 'transitions[0].criteria[1].value': ['The threshold cannot be negative.'] });
    fixture.detectChanges();
    (el.querySelector('[data-testid=draft-errors] button') as HTMLButtonElement).click();
    expect(document.activeElement).toBe(
      el.querySelector('[data-criterion-id=mql-engagement] [data-testid=criterion-value]'),
    );
  });

  it('saves through the store', async () => {
    const { fixture, el, store, client } = await render();
    const save = el.querySelector('[data-testid=save-draft]') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    store.edit((a) => (a.slas.mqlResponseHours = 12));
    fixture.detectChanges();
    client.updateDraft.mockReturnValue(of(draftDto({ revision: 4 })));
    save.click();
    await settle();
    expect(client.updateDraft).toHaveBeenCalledWith('d1', {
      agreement: expect.objectContaining({
        slas: { mqlResponseHours: 12, salesAcceptedToSqlDays: 14, terms: [] },
      }),
      revision: 3,
    });
  });
});
