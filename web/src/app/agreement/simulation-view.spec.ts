import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { AgreementClient, SimulationDto } from '../api/l2r-api';
import { draftDto } from '../../testing/agreement-fakes';
import { settle } from '../../testing/fakes';
import { DraftStore } from './draft-store';
import { SimulationStore } from './simulation-store';
import { SimulationView } from './simulation-view';

const result: SimulationDto = {
  routing: [],
  draftId: 'd1',
  draftVersion: 4,
  openLeads: 282,
  leadsThatWillMove: 6,
  mqlNow: 26,
  mqlAfter: 32,
  activeVersion: 1,
  elapsedMilliseconds: 41.7,
  drift: [],
  transitions: [
    {
      trigger: 'Qualify',
      to: 'MQL',
      autoAdvance: true,
      newlyPass: 6,
      noLongerPass: 0,
      willMove: 6,
      bySource: [{ key: 'Website', newlyPass: 4, noLongerPass: 0 }],
      byCampaign: [{ key: 'Spring Launch', newlyPass: 6, noLongerPass: 0 }],
      newlyPassSample: [{ id: 'l1', name: 'Yara Hughes', company: 'Fabrikam', state: 'Scored' }],
      noLongerPassSample: [],
    },
    {
      trigger: 'Accept',
      to: 'SalesAccepted',
      autoAdvance: false,
      newlyPass: 0,
      noLongerPass: 0,
      willMove: 0,
      bySource: [],
      byCampaign: [],
      newlyPassSample: [],
      noLongerPassSample: [],
    },
  ],
  willMoveSample: [{ id: 'l1', name: 'Yara Hughes', state: 'Scored' }],
};

describe('SimulationView', () => {
  it('runs the saved draft and shows the numbers, groups and sample leads', async () => {
    const client = {
      getDraft: vi.fn(() => of(draftDto())),
      getDraftDiagram: vi.fn(() => of({ mermaid: '' })),
      getAgreementVersion: vi.fn(() => of(draftDto())),
      simulateDraft: vi.fn(() => of(result)),
    };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        DraftStore,
        SimulationStore,
        { provide: AgreementClient, useValue: client },
      ],
    });
    await TestBed.inject(DraftStore).load('d1');
    const fixture = TestBed.createComponent(SimulationView);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    (el.querySelector('[data-testid=run-simulation]') as HTMLButtonElement).click();
    await settle();
    fixture.detectChanges();
    expect(client.simulateDraft).toHaveBeenCalledWith('d1');
    expect(el.querySelector('[data-testid=sim-will-move]')!.textContent).toContain('6');
    expect(el.querySelector('[data-testid=sim-mql]')!.textContent).toContain('26 → 32');
    expect(el.querySelector('[data-testid=sim-mql]')!.textContent).toContain('+6');
    const rows = el.querySelectorAll('[data-testid=sim-transitions] tbody tr');
    expect(rows.length).toBe(1); // moves without changes are hidden
    expect(el.textContent).toContain('Spring Launch');
    const link = el.querySelector('[data-testid=sample-lead]')!;
    expect(link.getAttribute('href')).toBe('/leads/l1');

    TestBed.inject(DraftStore).draft.update((d) => ({ ...d!, revision: 4 }));
    fixture.detectChanges();
    expect(el.textContent).toContain('run it again');
  });
});
