import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
import { AgreementClient } from '../api/l2r-api';
import { draftDto } from '../../testing/agreement-fakes';
import { apiError, settle } from '../../testing/fakes';
import { DraftEditor } from './draft-editor';
import { DraftStore } from './draft-store';
import { describePath } from './draft-problems';

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
  const el = fixture.nativeElement as HTMLElement;
  return { fixture, el, store, client };
}

const input = (el: Element, testid: string) =>
  el.querySelector(`[data-testid=${testid}]`) as HTMLInputElement;

function type(target: HTMLInputElement, value: string): void {
  target.value = value;
  target.dispatchEvent(new Event('input'));
}

// The whole editor renders for each test: slow on a busy machine, so more than the default 5 s.
describe('DraftSlas: SLA terms', { timeout: 20_000 }, () => {
  it('turns the two numbers into the terms that do the same, then adds more', async () => {
    const { fixture, el, store } = await render();
    expect(el.querySelector('[data-testid=legacy-sla-note]')!.textContent).toContain(
      'Until a term is added',
    );
    expect(el.querySelector('[data-testid=add-sla-term]')).toBeNull();
    (el.querySelector('[data-testid=convert-sla-terms]') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(store.working()!.slas.terms).toEqual([
      {
        id: 'mql-response',
        name: 'MQL response',
        startStage: 'MQL',
        stopTriggers: ['Accept', 'Reject'],
        stopTouches: ['Call', 'Meeting', 'EmailSent'],
        targetHours: 24,
        basis: 'BusinessHours',
        warningPercent: 75,
        onBreach: { escalateTo: 'TeamLead', reassign: false },
        pausingStages: [],
      },
      {
        id: 'sal-to-sql',
        name: 'SalesAccepted to SQL',
        startStage: 'SalesAccepted',
        stopTriggers: ['QualifyForSales', 'Recycle'],
        stopTouches: [],
        targetHours: 14 * 24,
        basis: 'CalendarHours',
        warningPercent: 75,
        onBreach: { escalateTo: 'TeamLead', reassign: false },
        pausingStages: [],
      },
    ]);
    expect(el.querySelector('[data-testid=legacy-sla-note]')!.textContent).toContain(
      'the server now ignores',
    );
    (el.querySelector('[data-testid=add-sla-term]') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(store.working()!.slas.terms![2].id).toBe('term-3');
    expect(el.querySelectorAll('[data-testid=sla-term]').length).toBe(3);
  });

  it('edits a term (name, target, warning), and flags an emptied number before saving', async () => {
    const { fixture, el, store } = await render();
    (el.querySelector('[data-testid=convert-sla-terms]') as HTMLButtonElement).click();
    fixture.detectChanges();
    const term = el.querySelector('[data-testid=sla-term]')!;
    type(input(term, 'term-name'), 'First touch');
    type(input(term, 'term-target'), '4');
    type(input(term, 'term-warning'), '50');
    fixture.detectChanges();
    expect(store.working()!.slas.terms![0]).toMatchObject({
      name: 'First touch',
      targetHours: 4,
      warningPercent: 50,
    });
    expect(term.querySelector('legend')!.textContent).toBe('First touch');
    // Emptying a number is caught before saving, at the path the API would use.
    type(input(term, 'term-target'), '');
    fixture.detectChanges();
    expect(await store.save()).toBe(false);
    fixture.detectChanges();
    expect(input(term, 'term-target').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows the API problems at slas.terms[i].<field> beside their fields and in the summary', async () => {
    const { fixture, el, store, client } = await render();
    (el.querySelector('[data-testid=convert-sla-terms]') as HTMLButtonElement).click();
    fixture.detectChanges();
    client.updateDraft.mockReturnValue(
      throwError(() =>
        apiError(400, {
          errors: {
            'slas.terms[0].targetHours': [
              'The target must be more than 0 hours and at most a year.',
            ],
            'slas.terms[0].onBreach.role': ['Name the role to escalate to.'],
          },
        }),
      ),
    );
    expect(await store.save()).toBe(false);
    fixture.detectChanges();
    const term = el.querySelector('[data-testid=sla-term]')!;
    expect(term.textContent).toContain('The target must be more than 0 hours');
    expect(input(term, 'term-target').getAttribute('aria-invalid')).toBe('true');
    const summary = el.querySelector('[data-testid=draft-errors]')!.textContent!;
    expect(summary).toContain('Service levels › term 1 (MQL response) › targetHours');
    expect(summary).toContain('onBreach.role: Name the role to escalate to.');
  });

  it('describes term paths in words', () => {
    const a = draftDto().agreement!;
    a.slas.terms = [
      {
        id: 'first-touch',
        name: 'First touch',
        startStage: 'MQL',
        stopTriggers: ['Accept'],
        stopTouches: [],
        targetHours: 4,
        basis: 'BusinessHours',
        warningPercent: 75,
        onBreach: { escalateTo: 'TeamLead', reassign: false },
        pausingStages: [],
      },
    ];
    expect(describePath('slas.terms[0].stopTriggers', a)).toBe(
      'Service levels › term 1 (First touch) › stopTriggers',
    );
    expect(describePath('slas.terms', a)).toBe('Service levels');
  });
});
