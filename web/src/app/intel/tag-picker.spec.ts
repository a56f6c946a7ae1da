import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { IntelClient } from '../api/l2r-api';
import { intelTag, settle } from '../../testing/fakes';
import { IntelTagsStore } from './intel-tags-store';
import { TagPicker, matchingTags } from './tag-picker';

@Component({
  imports: [TagPicker],
  template: `<app-tag-picker kind="Competitor" label="Competitors" [(picked)]="picked" />`,
})
class Host {
  readonly picked = signal<string[]>([]);
}

describe('matchingTags', () => {
  const tags = [
    { id: '1', label: 'Salesforce' },
    { id: '2', label: 'HubSpot' },
    { id: '3', label: 'Zoho CRM' },
    { id: '4', label: 'Hub Planner' },
  ];

  it('lists tags containing the text, those starting with it first, leaving out what is picked', () => {
    expect(matchingTags(tags, [], 'hub').map((t) => t.label)).toEqual(['Hub Planner', 'HubSpot']);
    expect(matchingTags(tags, ['2'], 'hub').map((t) => t.label)).toEqual(['Hub Planner']);
    expect(matchingTags(tags, [], 'crm').map((t) => t.label)).toEqual(['Zoho CRM']);
    expect(matchingTags(tags, [], '', 2)).toHaveLength(2);
  });
});

describe('TagPicker', () => {
  let client: Record<string, ReturnType<typeof vi.fn>>;

  beforeEach(async () => {
    client = {
      listIntelTags: vi.fn(() =>
        of([
          intelTag({ id: 'hub', label: 'HubSpot' }),
          intelTag({ id: 'sf', label: 'Salesforce' }),
        ]),
      ),
      addIntelTag: vi.fn(() => of(intelTag({ id: 'pipe', label: 'Pipedrive' }))),
    };
    TestBed.configureTestingModule({ providers: [{ provide: IntelClient, useValue: client }] });
    await TestBed.inject(IntelTagsStore).ensureLoaded();
  });

  function setUp() {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const input = el.querySelector<HTMLInputElement>('[data-testid="tag-input"]')!;
    const typeText = (text: string) => {
      input.dispatchEvent(new FocusEvent('focus'));
      input.value = text;
      input.dispatchEvent(new Event('input'));
      fixture.detectChanges();
    };
    const press = (key: string) => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key, cancelable: true }));
      fixture.detectChanges();
    };
    const chips = () =>
      [...el.querySelectorAll('[data-testid="tag-chip"]')].map((c) => c.getAttribute('data-tag'));
    return { fixture, el, typeText, press, chips };
  }

  it('filters as you type and picks the highlighted tag with Enter', () => {
    const { fixture, el, typeText, press, chips } = setUp();
    typeText('s');
    expect(
      [...el.querySelectorAll('[data-testid="tag-option"]')].map((o) => o.textContent?.trim()),
    ).toEqual(['Salesforce', 'HubSpot']);
    press('ArrowDown');
    press('Enter');
    expect(fixture.componentInstance.picked()).toEqual(['hub']);
    expect(chips()).toEqual(['HubSpot']);
  });

  it('adds a new label to the tenant list with Enter and picks it', async () => {
    const { fixture, typeText, press, chips } = setUp();
    typeText('Pipedrive');
    press('Enter');
    await settle();
    fixture.detectChanges();
    expect(client['addIntelTag']).toHaveBeenCalledWith({ kind: 'Competitor', label: 'Pipedrive' });
    expect(fixture.componentInstance.picked()).toEqual(['pipe']);
    expect(chips()).toEqual(['Pipedrive']);
  });

  it('removes a chip with its button, and the last one with Backspace in an empty box', () => {
    const { fixture, el, typeText, press, chips } = setUp();
    typeText('hub');
    press('Enter');
    typeText('sales');
    press('Enter');
    expect(chips()).toEqual(['HubSpot', 'Salesforce']);
    el.querySelector<HTMLButtonElement>('[aria-label="Remove HubSpot"]')!.click();
    fixture.detectChanges();
    expect(chips()).toEqual(['Salesforce']);
    press('Backspace');
    expect(fixture.componentInstance.picked()).toEqual([]);
  });
});
