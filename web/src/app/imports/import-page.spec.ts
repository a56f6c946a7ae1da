import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { ImportRunDto, ImportsClient } from '../api/l2r-api';
import { settle } from '../../testing/fakes';
import { counts, importRun } from '../../testing/import-fakes';
import { ImportPage } from './import-page';

describe('ImportPage', () => {
  let client: Record<string, ReturnType<typeof vi.fn>>;

  async function render(history: ImportRunDto[] = []) {
    client = {
      listImports: vi.fn(() => of(history)),
      listImportTemplates: vi.fn(() => of([])),
      startImport: vi.fn(() => of(importRun({ status: 'Queued', dryRun: false }))),
      getImport: vi.fn(() => of(importRun({ status: 'Queued', dryRun: false }))),
    };
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: ImportsClient, useValue: client }],
    });
    const fixture = TestBed.createComponent(ImportPage);
    fixture.detectChanges();
    await settle();
    fixture.detectChanges();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  const checked = importRun({
    status: 'Completed',
    counts: counts(2, 1),
    dryRunCounts: { ...counts(2, 1), stages: { Scored: 1, MQL: 1 } },
    firstErrors: [{ line: 4, column: 'E-mail', message: '"x" is not an email address' }],
  });

  it('offers the upload first, with the history below', async () => {
    const { el } = await render([
      importRun({ id: 'old', status: 'Completed', dryRun: false, counts: counts(3) }),
    ]);
    expect(el.querySelector('[data-testid=drop-zone]')).not.toBeNull();
    expect(el.querySelectorAll('[data-testid=history-row]').length).toBe(1);
  });

  it('shows a checked dry run: counts, where the leads would land, first errors, the mapping with samples', async () => {
    const { fixture, el } = await render([checked]);
    (el.querySelector('[data-testid=history-row] button') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid=run-status]')!.textContent).toBe('checked');
    expect(el.querySelector('[data-testid=forecast-created]')!.textContent!.trim()).toBe('2');
    expect(el.querySelector('[data-testid=forecast-failed]')!.textContent!.trim()).toBe('1');
    const stages = Array.from(el.querySelectorAll('[data-testid=stage-forecast] li')).map((li) =>
      li.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(stages).toEqual(['1 Scored', '1 MQL']);
    expect(el.querySelector('[data-testid=first-errors]')!.textContent).toContain(
      '"x" is not an email address',
    );
    const mapping = el.querySelector('[data-testid=mapping] tr[data-column="E-mail"]')!;
    expect(mapping.textContent).toContain('a@x.test');
    expect(mapping.textContent).toContain('Suggested: Email');
    expect(el.querySelector('[data-testid=download-errors]')).not.toBeNull();

    (el.querySelector('[data-testid=start-import]') as HTMLButtonElement).click();
    await settle();
    fixture.detectChanges();
    expect(client['startImport']).toHaveBeenCalledWith('r1');
    expect(el.querySelector('[data-testid=cancel-import]')).not.toBeNull();
  });

  it('shows a running import’s progress with rows per second and the time left', async () => {
    const running = importRun({
      status: 'Running',
      dryRun: false,
      dryRunCounts: counts(2),
      progress: {
        rowsDone: 1200,
        totalRows: 5000,
        rowsPerSecond: 400,
        etaSeconds: 95,
        percent: 24,
      },
    });
    const { fixture, el } = await render([running]);
    (el.querySelector('[data-testid=history-row] button') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid=progress]')!.textContent!.replace(/\s+/g, ' ')).toContain(
      '1,200 of 5,000 rows · 400 rows/s · about 1 min 35 s left',
    );
    expect(el.querySelector('[data-testid=start-import]')).toBeNull();
    fixture.destroy(); // stops the polling
  });
});
