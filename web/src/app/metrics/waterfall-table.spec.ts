import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { MatTooltip } from '@angular/material/tooltip';
import { WaterfallMode } from '../api/l2r-api';
import { waterfall } from '../../testing/metrics-fakes';
import { DrillSelection } from './drill-down-store';
import { WaterfallTable } from './waterfall-table';

function render(mode: WaterfallMode, groupBy: 'Source' | null = null) {
  const fixture = TestBed.createComponent(WaterfallTable);
  fixture.componentRef.setInput('group', waterfall().groups[0]);
  fixture.componentRef.setInput('mode', mode);
  fixture.componentRef.setInput('groupBy', groupBy);
  const drilled: DrillSelection[] = [];
  fixture.componentInstance.drill.subscribe((d) => drilled.push(d));
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const cell = (stage: string, figure: string) =>
    el.querySelector(`tr[data-stage=${stage}] td[data-figure=${figure}]`) as HTMLElement;
  return { el, cell, drilled };
}

describe('WaterfallTable', () => {
  it('shows a row per stage with counts, rates, velocity and amounts; "—" where a rate does not apply', () => {
    const { el, cell } = render('Cohort');
    expect(Array.from(el.querySelectorAll('tbody th')).map((th) => th.textContent!.trim())).toEqual(
      ['Raw', 'Scored', 'MQL', 'Sales accepted', 'SQL', 'Opportunity', 'Nurture'],
    );
    expect(cell('MQL', 'entered').textContent!.trim()).toBe('100');
    expect(cell('MQL', 'acceptanceRate').textContent!.trim()).toBe('60%');
    expect(cell('MQL', 'medianDaysInStage').textContent!.trim()).toBe('1.5');
    expect(cell('SQL', 'acceptanceRate').textContent!.trim()).toBe('—');
    expect(cell('SQL', 'acceptanceRate').querySelector('button')).toBeNull();
    expect(cell('Opportunity', 'pipelineAmount').textContent!.trim()).toMatch(/^200[,.\s]?000$/);
  });

  it('shows opening only in period mode', () => {
    expect(render('Cohort').cell('MQL', 'opening')).toBeNull();
    expect(render('Period').cell('MQL', 'opening')).not.toBeNull();
  });

  it('puts each formula on its heading', () => {
    const fixture = TestBed.createComponent(WaterfallTable);
    fixture.componentRef.setInput('group', waterfall().groups[0]);
    fixture.componentRef.setInput('mode', 'Cohort');
    fixture.detectChanges();
    const tips = fixture.debugElement
      .queryAll(By.directive(MatTooltip))
      .map((d) => [d.nativeElement.textContent.trim(), d.injector.get(MatTooltip).message]);
    expect(tips).toContainEqual([
      'Acceptance',
      'MQL only: accepted ÷ (accepted + rejected), accepted being "Advanced".',
    ]);
    expect(tips.length).toBe(17);
  });

  it('opens the entries behind a count, a rate and a velocity figure, with the total each list must have', () => {
    const { cell, drilled } = render('Cohort', 'Source');
    cell('MQL', 'rejected').querySelector('button')!.click();
    cell('MQL', 'acceptanceRate').querySelector('button')!.click();
    cell('MQL', 'p90DaysInStage').querySelector('button')!.click();
    cell('Opportunity', 'conversionRate').querySelector('button')!.click();
    expect(drilled.map((d) => [d.stage, d.count, d.expected, d.groupBy, d.group])).toEqual([
      ['MQL', 'Rejected', 40, 'Source', 'all'],
      ['MQL', 'Advanced', 60, 'Source', 'all'],
      ['MQL', 'Left', 100, 'Source', 'all'],
      ['Opportunity', 'Won', 8, 'Source', 'all'],
    ]);
    expect(drilled[0].title).toBe('MQL entries that were rejected');
  });

  it('does not offer a list for distinct leads (no list has that length)', () => {
    expect(render('Cohort').cell('MQL', 'distinctLeads').querySelector('button')).toBeNull();
  });
});
