import { TestBed } from '@angular/core/testing';
import { stage, waterfall } from '../../testing/metrics-fakes';
import { DrillSelection } from './drill-down-store';
import { GroupComparison } from './group-comparison';

describe('GroupComparison', () => {
  function render() {
    const strong = { ...waterfall().groups[0], key: '3', label: 'Version 3' };
    const empty = { key: '2', label: 'Version 2', stages: [stage('Raw'), stage('MQL')] };
    const fixture = TestBed.createComponent(GroupComparison);
    fixture.componentRef.setInput('groups', [strong, empty]);
    fixture.componentRef.setInput('groupBy', 'AgreementVersion');
    const drilled: DrillSelection[] = [];
    fixture.componentInstance.drill.subscribe((d) => drilled.push(d));
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const cells = (group: string) =>
      Array.from(el.querySelectorAll(`tr[data-group="${group}"] td`)).map((td) =>
        td.textContent!.trim(),
      );
    return { el, cells, drilled };
  }

  it('puts the groups side by side on quantity and quality', () => {
    const { el, cells } = render();
    expect(el.querySelector('thead th')!.textContent!.trim()).toBe('Agreement version');
    const [leads, mqls, mqlRate, acceptance, sqlRate, winRate, perLead] = cells('3');
    expect([leads, mqls, mqlRate, acceptance, sqlRate, winRate]).toEqual([
      '120',
      '100',
      '83.3%',
      '60%',
      '30%',
      '40%',
    ]);
    expect(perLead).toMatch(/^1[,.\s]?667$/);
    // Nothing decided yet: a rate is "—", never 0 %.
    expect(cells('2').slice(2)).toEqual(['—', '—', '—', '—', '—']);
  });

  it("opens the group's entries behind a number", () => {
    const { el, drilled } = render();
    (
      el.querySelector('tr[data-group="3"] td[data-figure=acceptance] button') as HTMLElement
    ).click();
    expect(drilled).toEqual([
      expect.objectContaining({
        stage: 'MQL',
        count: 'Advanced',
        groupBy: 'AgreementVersion',
        group: '3',
        expected: 60,
      }),
    ]);
  });
});
