import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { AgreementClient, TeamsClient } from '../api/l2r-api';
import { draftDto } from '../../testing/agreement-fakes';
import { settle } from '../../testing/fakes';
import { DraftRouting } from './draft-routing';
import { DraftStore } from './draft-store';

async function render() {
  const client = {
    getDraft: vi.fn(() => of(draftDto())),
    getDraftDiagram: vi.fn(() => of({ mermaid: '' })),
    getAgreementVersion: vi.fn(() => of(draftDto({ status: 'Active' }))),
    updateDraft: vi.fn(),
  };
  const teams = {
    listTeams: vi.fn(() =>
      of([
        { id: 't1', name: 'EMEA sales' },
        { id: 't2', name: 'Qualification' },
      ]),
    ),
  };
  TestBed.configureTestingModule({
    providers: [
      DraftStore,
      { provide: AgreementClient, useValue: client },
      { provide: TeamsClient, useValue: teams },
    ],
  });
  const store = TestBed.inject(DraftStore);
  await store.load('d1');
  await settle();
  const fixture = TestBed.createComponent(DraftRouting);
  const refresh = async () => {
    fixture.componentRef.setInput('agreement', store.working()!);
    fixture.detectChanges();
    await settle();
    fixture.detectChanges();
  };
  await refresh();
  return { el: fixture.nativeElement as HTMLElement, store, refresh };
}

describe('DraftRouting', () => {
  it('adds a rule for a team with a territory condition, and a fallback team, to the working copy', async () => {
    const { el, store, refresh } = await render();
    expect(el.querySelectorAll('[data-testid=routing-rule]').length).toBe(0);

    (el.querySelector('[data-testid=add-routing-rule]') as HTMLButtonElement).click();
    await refresh();
    expect(store.working()!.routing!.rules).toEqual([
      expect.objectContaining({ teamId: 't1', distribution: 'WeightedRoundRobin', conditions: [] }),
    ]);
    expect(el.querySelector('[data-testid=routing-rule]')!.textContent).toContain(
      'every lead matches',
    );

    (
      Array.from(el.querySelectorAll('[data-testid=routing-rule] button')).find(
        (b) => b.textContent!.trim() === 'Add condition',
      ) as HTMLButtonElement
    ).click();
    await refresh();
    expect(store.working()!.routing!.rules![0].conditions).toEqual([
      expect.objectContaining({ kind: 'fieldIn', field: 'country' }),
    ]);

    const fallback = el.querySelector('[data-testid=fallback-team]') as HTMLSelectElement;
    fallback.value = 't2';
    fallback.dispatchEvent(new Event('change'));
    await refresh();
    expect(store.working()!.routing!.fallbackTeamId).toBe('t2');
  });
});
