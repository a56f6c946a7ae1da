import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { AgreementClient } from '../api/l2r-api';
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
    providers: [DraftStore, { provide: AgreementClient, useValue: client }],
  });
  const store = TestBed.inject(DraftStore);
  await store.load('d1');
  await settle();
  const fixture = TestBed.createComponent(DraftEditor);
  fixture.detectChanges();
  return { fixture, el: fixture.nativeElement as HTMLElement, store };
}

const within = (el: Element, testid: string) =>
  Array.from(el.querySelectorAll(`[data-testid=${testid}]`)) as HTMLInputElement[];

function type(target: HTMLInputElement, value: string): void {
  target.value = value;
  target.dispatchEvent(new Event('input'));
}

// The whole editor renders for each test: slow on a busy machine, so more than the default 5 s.
describe('DraftScorecard: shared goals', { timeout: 20_000 }, () => {
  it('adds goals for measures not yet on the card, typed as percentages and stored as shares', async () => {
    const { fixture, el, store } = await render();
    const add = el.querySelector('[data-testid=add-goal]') as HTMLButtonElement;
    add.click();
    fixture.detectChanges();
    add.click();
    fixture.detectChanges();

    type(within(el, 'goal-target')[0], '65');
    type(within(el, 'goal-sample')[1], '25');
    fixture.detectChanges();

    expect(store.working()!.scorecard.goals).toEqual([
      { id: 'mql-acceptance-rate', measure: 'MqlAcceptanceRate', target: 0.65, minimumSample: 10 },
      { id: 'mql-reject-rate', measure: 'MqlRejectRate', target: 0.3, minimumSample: 25 },
    ]);
    expect(within(el, 'goal-said').map((s) => s.textContent!.trim())).toEqual([
      'MQL acceptance ≥ 65%',
      'MQL reject rate ≤ 30%',
    ]);
    expect(store.dirty()).toBe(true);
  });

  it('stops at the most goals a card holds, and removes a goal', async () => {
    const { fixture, el, store } = await render();
    const add = el.querySelector('[data-testid=add-goal]') as HTMLButtonElement;
    for (let i = 0; i < 8; i++) {
      add.click();
      fixture.detectChanges();
    }
    expect(store.working()!.scorecard.goals).toHaveLength(8);
    expect(new Set(store.working()!.scorecard.goals.map((g) => g.id)).size).toBe(8);
    expect(add.disabled).toBe(true);

    (el.querySelector('[data-testid=remove-goal]') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(store.working()!.scorecard.goals.map((g) => g.measure)[0]).toBe('MqlRejectRate');
    expect(add.disabled).toBe(false);
  });
});
