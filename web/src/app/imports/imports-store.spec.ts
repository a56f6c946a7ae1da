import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { ImportsClient } from '../api/l2r-api';
import { counts, importRun } from '../../testing/import-fakes';
import { POLL_MS, ImportsStore } from './imports-store';

describe('ImportsStore', () => {
  let client: Record<string, ReturnType<typeof vi.fn>>;
  let store: ImportsStore;

  beforeEach(() => {
    vi.useFakeTimers();
    client = {
      uploadImport: vi.fn(() => of(importRun())),
      getImport: vi.fn(),
      dryRunImport: vi.fn(() => of(importRun({ status: 'Queued' }))),
      startImport: vi.fn(() =>
        of(importRun({ status: 'Queued', dryRun: false, dryRunCounts: counts(2, 1) })),
      ),
      listImports: vi.fn(() =>
        of([
          importRun({
            id: 'old',
            status: 'Completed',
            dryRun: false,
            undoableUntil: '2026-12-04T00:00:00Z',
          }),
        ]),
      ),
      listImportTemplates: vi.fn(() =>
        of([
          {
            name: 'HubSpot',
            kind: 'Leads',
            mapping: [],
            duplicatePolicy: 'FillEmpty',
            updatedAt: '',
          },
        ]),
      ),
      saveImportTemplate: vi.fn(() => of({})),
      undoImport: vi.fn(() =>
        of(
          importRun({
            id: 'old',
            status: 'Undone',
            dryRun: false,
            undoneAt: '2026-11-27T11:00:00Z',
            undoReport: {
              removed: 2,
              restored: 0,
              activitiesRemoved: 0,
              leftAloneCount: 0,
              leftAlone: [],
            },
          }),
        ),
      ),
      cancelImport: vi.fn(),
    };
    TestBed.configureTestingModule({
      providers: [ImportsStore, { provide: ImportsClient, useValue: client }],
    });
    store = TestBed.inject(ImportsStore);
  });

  afterEach(() => vi.useRealTimers());

  it('uploads a dry run and polls it until it is checked, then offers to import it for real', async () => {
    client['getImport']
      .mockReturnValueOnce(
        of(
          importRun({
            status: 'Running',
            progress: {
              rowsDone: 1,
              totalRows: 3,
              rowsPerSecond: 10,
              etaSeconds: 0.2,
              percent: 33,
            },
          }),
        ),
      )
      .mockReturnValueOnce(of(importRun({ status: 'Completed', counts: counts(2, 1) })));
    const file = new File(['E-mail\na@x.test'], 'leads.csv');
    await store.upload(file, null);
    expect(client['uploadImport']).toHaveBeenCalledWith(
      { data: file, fileName: 'leads.csv' },
      'Leads',
      undefined,
      undefined,
      'Skip',
      true,
    );
    expect(store.canStart()).toBe(false);
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(store.run()!.progress.percent).toBe(33);
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(store.run()!.status).toBe('Completed');
    expect(store.forecast()!.created).toBe(2);
    expect(store.canStart()).toBe(true);
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(client['getImport']).toHaveBeenCalledTimes(2); // no polling once it stopped moving

    client['getImport'].mockReturnValueOnce(
      of(
        importRun({
          status: 'Completed',
          dryRun: false,
          dryRunCounts: counts(2, 1),
          counts: counts(2, 1),
        }),
      ),
    );
    await store.start();
    expect(client['startImport']).toHaveBeenCalledWith('r1');
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(store.run()!.dryRun).toBe(false);
    expect(store.forecast()!.created).toBe(store.run()!.counts.created);
  });

  it('checks again with an edited mapping and policy before it may import', async () => {
    client['uploadImport'].mockReturnValue(of(importRun({ status: 'Completed' })));
    await store.upload(new File([''], 'leads.csv'), null);
    expect(store.mapping()).toEqual({ 'E-mail': 'email', 'Lead Status': 'custom.Lead Status' });
    store.setField('Lead Status', '');
    store.policy.set('Overwrite');
    expect(store.mappingChanged()).toBe(true);
    expect(store.canStart()).toBe(false);
    await store.recheck();
    expect(client['dryRunImport']).toHaveBeenCalledWith('r1', {
      mapping: [
        { column: 'E-mail', field: 'email' },
        { column: 'Lead Status', field: undefined },
      ],
      duplicatePolicy: 'Overwrite',
    });
    await store.saveTemplate(' Mine ');
    expect(client['saveImportTemplate']).toHaveBeenCalledWith('Mine', {
      kind: 'Leads',
      mapping: [
        { column: 'E-mail', field: 'email' },
        { column: 'Lead Status', field: undefined },
      ],
      duplicatePolicy: 'Overwrite',
    });
  });

  it('uses a template on the stored file, taking its duplicate policy', async () => {
    client['uploadImport'].mockReturnValue(of(importRun({ status: 'Completed' })));
    await store.loadTemplates();
    await store.upload(new File([''], 'leads.csv'), 'HubSpot');
    expect(client['uploadImport'].mock.calls[0][3]).toBe('HubSpot');
    await store.useTemplate('HubSpot');
    expect(store.policy()).toBe('FillEmpty');
    expect(client['dryRunImport']).toHaveBeenCalledWith('r1', { template: 'HubSpot' });
  });

  it('undoes a run of the history and keeps its undo report there', async () => {
    await store.loadHistory();
    await store.undo('old');
    expect(store.run()).toBeNull();
    expect(store.history()[0].status).toBe('Undone');
    expect(store.history()[0].undoReport!.removed).toBe(2);
  });
});
