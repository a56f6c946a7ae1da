import { TestBed } from '@angular/core/testing';
import { HistoryEntryDto, LeadsClient } from '../api/l2r-api';
import { LeadHistory, describeEntry } from './lead-history';
import { LeadStore } from './lead-store';

/** As the server sends it: oldest first, by instant and then by step; one command's entries share an instant. */
const created: HistoryEntryDto = {
  id: 'c1',
  leadId: 'lead-1',
  kind: 'Created',
  to: 'Raw',
  actorKind: 'User',
  actorName: 'Mia Marketing',
  occurredAt: '2026-11-01T09:00:00Z',
  agreementVersion: 3,
  criteria: [],
};
const autoScored: HistoryEntryDto = {
  id: 'h1',
  leadId: 'lead-1',
  kind: 'Moved',
  from: 'Raw',
  to: 'Scored',
  trigger: 'Score',
  actorKind: 'System',
  actorName: 'system',
  occurredAt: '2026-11-01T09:00:00Z',
  agreementVersion: 3,
  criteria: [],
};
const qualified: HistoryEntryDto = {
  id: 'h2',
  leadId: 'lead-1',
  kind: 'Moved',
  from: 'Scored',
  to: 'MQL',
  trigger: 'Qualify',
  actorKind: 'User',
  actorName: 'Mia Marketing',
  occurredAt: '2026-11-03T14:00:00Z',
  agreementVersion: 3,
  criteria: [{ id: 'fit', description: 'Fit score at least 30', passed: true, actual: '42' }],
};
const autoAccepted: HistoryEntryDto = {
  id: 'h3',
  leadId: 'lead-1',
  kind: 'Moved',
  from: 'MQL',
  to: 'SalesAccepted',
  trigger: 'Accept',
  actorKind: 'System',
  actorName: 'system',
  occurredAt: '2026-11-03T14:00:00Z',
  agreementVersion: 3,
  criteria: [],
};

describe('LeadHistory', () => {
  function render(transitions: HistoryEntryDto[]) {
    TestBed.configureTestingModule({
      providers: [LeadStore, { provide: LeadsClient, useValue: {} }],
    });
    TestBed.inject(LeadStore).history.set({ transitions, changes: [], assignments: [], intel: [] });
    const fixture = TestBed.createComponent(LeadHistory);
    fixture.detectChanges();
    const entries = Array.from(
      (fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>(
        '[data-testid=history-entry]',
      ),
    );
    return entries.map((e) => e.textContent!.replace(/\s+/g, ' ').trim());
  }

  it('lists newest first by reversing the server order, so entries of one instant stay in step order', () => {
    const texts = render([created, autoScored, qualified, autoAccepted]);
    expect(texts.map((t) => t.split(' · ')[0])).toEqual([
      'MQL → Sales accepted',
      'Scored → MQL',
      'Raw → Scored',
      'Created in Raw',
    ]);
  });

  it('shows the creation entry with its stage and creator, without a trigger or a "from"', () => {
    const [entry] = render([created]);
    expect(entry).toMatch(/^Created in Raw · by Mia Marketing \S.+ · agreement v3$/);
    expect(entry).not.toContain('undefined');
    expect(entry).not.toContain('→');
    expect(entry).not.toContain('Criteria as evaluated');
  });

  it('words moves with their trigger and who made them', () => {
    expect(describeEntry(qualified)).toEqual({
      what: 'Scored → MQL',
      how: 'Qualify as MQL · by Mia Marketing',
    });
    expect(describeEntry(autoAccepted).how).toBe('Accept · by the agreement (automatic)');
    expect(describeEntry({ ...created, actorKind: 'System', actorName: 'system' })).toEqual({
      what: 'Created in Raw',
      how: 'by the system',
    });
  });

  it('says which import brought a lead in and which duplicate a merge absorbed', () => {
    expect(describeEntry({ ...created, importRunId: '0123456789abcdef' })).toEqual({
      what: 'Created in Raw',
      how: 'imported by Mia Marketing (import run 01234567)',
    });
    expect(
      describeEntry({
        ...autoScored,
        kind: 'Merged',
        from: 'Scored',
        to: 'Scored',
        trigger: undefined,
        actorKind: 'User',
        actorName: 'Mia Marketing',
        mergedLeadId: 'old-lead',
      }),
    ).toEqual({
      what: 'Merged a duplicate into this lead (lead old-lead)',
      how: 'by Mia Marketing',
    });
  });
});
