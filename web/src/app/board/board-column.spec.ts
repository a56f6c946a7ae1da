import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { LeadState } from '../api/l2r-api';
import { card } from '../../testing/fakes';
import { BoardColumn } from './board-store';
import { BoardColumnView, CARD_PITCH } from './board-column';

function render(column: BoardColumn) {
  TestBed.configureTestingModule({ providers: [provideRouter([])] });
  const fixture = TestBed.createComponent(BoardColumnView);
  fixture.componentRef.setInput('column', column);
  fixture.detectChanges();
  return fixture;
}

describe('BoardColumnView', () => {
  it('shows the label and the count', () => {
    const fixture = render({
      state: 'SalesAccepted',
      count: 7,
      cards: [card('SalesAccepted')],
      loadingMore: false,
    });
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('h2')!.textContent).toContain('Sales accepted');
    expect(el.querySelector('[data-testid=count]')!.textContent!.trim()).toBe('7');
  });

  it('renders a bounded window of a long column and spacers for the rest', () => {
    const cards = Array.from({ length: 2000 }, () => card('Scored'));
    const fixture = render({ state: 'Scored', count: 10000, cards, loadingMore: false });
    const el: HTMLElement = fixture.nativeElement;
    const rendered = el.querySelectorAll('app-lead-card').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThanOrEqual(30);
    const spacers = el.querySelectorAll<HTMLElement>('.spacer');
    expect(parseInt(spacers[1].style.height, 10)).toBe((2000 - rendered) * CARD_PITCH);
  });

  it('asks for the next page when the window reaches the end of what is loaded', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(BoardColumnView);
    const asked: LeadState[] = [];
    fixture.componentInstance.loadMore.subscribe((s) => asked.push(s));
    fixture.componentRef.setInput('column', {
      state: 'MQL',
      count: 50,
      cards: [card('MQL')],
      nextCursor: 'x',
      loadingMore: false,
    });
    fixture.detectChanges();
    await fixture.whenStable();
    expect(asked).toEqual(['MQL']);
  });

  it('marks valid and blocked drop targets while a card is dragged', () => {
    const fixture = render({ state: 'MQL', count: 0, cards: [], loadingMore: false });
    fixture.componentRef.setInput('hint', 'blocked');
    fixture.detectChanges();
    const section: HTMLElement = fixture.nativeElement.querySelector('section');
    expect(section.classList).toContain('blocked');
    expect(section.textContent).toContain('criteria unmet');
    expect(section.textContent).toContain('No leads here');
  });
});
