import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { LeadsClient, Role } from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import { fakeAuth, leadDto, settle } from '../../testing/fakes';
import { DuplicatesPage } from './duplicates-page';

describe('DuplicatesPage', () => {
  const summary = (id: string, name: string) => ({
    id,
    name,
    email: 'ada@x.test',
    company: 'Analytical',
    state: 'Scored',
    totalScore: 10,
    fitScore: 5,
    engagementScore: 5,
    stageEnteredAt: '2026-11-01T00:00:00Z',
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    version: 1,
  });
  let client: Record<string, ReturnType<typeof vi.fn>>;

  async function render(roles: Role[]) {
    client = {
      listDuplicateLeads: vi.fn(() =>
        of([
          {
            reason: 'SameEmail',
            key: 'ada@x.test',
            leads: [summary('keep', 'Ada L'), summary('absorb', 'Ada Lovelace')],
          },
        ]),
      ),
      getLead: vi.fn((id: string) =>
        of(leadDto({ id, name: id, title: id === 'keep' ? 'Manager' : 'Director', version: 2 })),
      ),
      mergeLeads: vi.fn(() =>
        of({ lead: leadDto({ id: 'keep', name: 'Ada L' }), transitions: [] }),
      ),
    };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: LeadsClient, useValue: client },
        { provide: AuthStore, useValue: fakeAuth(roles) },
      ],
    });
    const fixture = TestBed.createComponent(DuplicatesPage);
    fixture.detectChanges();
    await settle();
    fixture.detectChanges();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('lists groups of probable duplicates; sales may look but not merge', async () => {
    const { el } = await render(['Sales']);
    expect(el.querySelector('[data-testid=dup-group] h2')!.textContent).toContain(
      'Same email: ada@x.test',
    );
    expect(el.querySelectorAll('[data-testid=dup-group] tbody tr').length).toBe(2);
    expect(el.querySelector('[data-testid=compare]')).toBeNull();
  });

  it('compares two side by side, takes the chosen value and says where the absorbed lead went', async () => {
    const { fixture, el } = await render(['Marketing']);
    (el.querySelector('[data-testid=compare]') as HTMLButtonElement).click();
    await settle();
    fixture.detectChanges();
    const row = el.querySelector('[data-testid=merge-panel] tr[data-field=title]')!;
    expect(row.textContent).toContain('Manager');
    expect(row.textContent).toContain('Director');
    (row.querySelector('[data-testid=take-title] input') as HTMLInputElement).click();
    fixture.detectChanges();
    (el.querySelector('[data-testid=merge]') as HTMLButtonElement).click();
    await settle();
    fixture.detectChanges();
    expect(client['mergeLeads']).toHaveBeenCalledWith(
      'keep',
      { absorbedLeadId: 'absorb', fields: { title: 'Absorbed' }, note: undefined },
      '"2"',
    );
    expect(el.querySelector('[data-testid=merged]')!.textContent).toContain(
      'absorb was merged into',
    );
    expect(el.querySelector('[data-testid=merge-panel]')).toBeNull();
  });
});
