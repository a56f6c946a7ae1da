import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { Observable, firstValueFrom } from 'rxjs';
import {
  ColumnMapping,
  DuplicatePolicy,
  ImportCounts,
  ImportRunDto,
  ImportStatus,
  ImportTemplateDto,
  ImportsClient,
} from '../api/l2r-api';
import { saveFile } from '../core/download';
import { Problem, toProblem } from '../core/problem';

/** A run still moving: the page polls it until it is not. */
export const ACTIVE: readonly ImportStatus[] = ['Uploading', 'Queued', 'Running'];
export const isActive = (run: ImportRunDto | null) => !!run && ACTIVE.includes(run.status);

/** How often a moving run is asked for its progress. */
export const POLL_MS = 1000;

/**
 * The Import page's data: the run on screen (uploaded as a dry run, polled while it moves), the mapping the user is
 * editing for it, the duplicate policy, saved templates, and the history of runs with undo.
 */
@Injectable()
export class ImportsStore {
  private readonly client = inject(ImportsClient);

  readonly run = signal<ImportRunDto | null>(null);
  readonly history = signal<ImportRunDto[]>([]);
  readonly templates = signal<ImportTemplateDto[]>([]);
  /** The working mapping, column → field ('' leaves the column out), seeded from the run's columns. */
  readonly mapping = signal<Record<string, string>>({});
  readonly policy = signal<DuplicatePolicy>('Skip');
  readonly busy = signal(false);
  readonly error = signal<Problem | null>(null);

  /** The forecast: the dry run's counts, kept beside the real run's once it starts. */
  readonly forecast = computed<ImportCounts | null>(() => {
    const run = this.run();
    if (!run) return null;
    return run.dryRunCounts ?? (run.dryRun && run.status === 'Completed' ? run.counts : null);
  });
  /** The mapping differs from what the run on screen was checked with: the dry run must run again first. */
  readonly mappingChanged = computed(() => {
    const run = this.run();
    if (!run) return false;
    const m = this.mapping();
    return (
      run.columns.some((c) => (c.field ?? '') !== (m[c.name] ?? '')) ||
      run.duplicatePolicy !== this.policy()
    );
  });
  readonly canStart = computed(() => {
    const run = this.run();
    return !!run && run.dryRun && run.status === 'Completed' && !this.mappingChanged();
  });

  private pollTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.pollTimer));
  }

  async loadHistory(): Promise<void> {
    try {
      this.history.set(await firstValueFrom(this.client.listImports(20)));
    } catch (e) {
      this.error.set(toProblem(e));
    }
  }

  async loadTemplates(): Promise<void> {
    try {
      this.templates.set(await firstValueFrom(this.client.listImportTemplates('Leads')));
    } catch (e) {
      this.error.set(toProblem(e));
    }
  }

  /** Uploads a CSV as a dry run, with the suggested mapping or a template's. */
  upload(file: File, template: string | null): Promise<boolean> {
    return this.act(() =>
      this.client.uploadImport(
        { data: file, fileName: file.name },
        'Leads',
        undefined,
        template || undefined,
        this.policy(),
        true,
      ),
    );
  }

  /** Checks the stored file again with the edited mapping and policy. */
  recheck(): Promise<boolean> {
    const run = this.run();
    if (!run) return Promise.resolve(false);
    const m = this.mapping();
    const mapping: ColumnMapping[] = run.columns.map((c) => ({
      column: c.name,
      field: m[c.name] || undefined,
    }));
    return this.act(() =>
      this.client.dryRunImport(run.id, { mapping, duplicatePolicy: this.policy() }),
    );
  }

  /** Checks the stored file again with a saved template's mapping and policy. */
  useTemplate(name: string): Promise<boolean> {
    const run = this.run();
    const template = this.templates().find((t) => t.name === name);
    if (!run || !template) return Promise.resolve(false);
    this.policy.set(template.duplicatePolicy);
    return this.act(() => this.client.dryRunImport(run.id, { template: name }));
  }

  /** Imports the checked file for real, as forecast. */
  start(): Promise<boolean> {
    const run = this.run();
    return run ? this.act(() => this.client.startImport(run.id)) : Promise.resolve(false);
  }

  cancel(): Promise<boolean> {
    const run = this.run();
    return run ? this.act(() => this.client.cancelImport(run.id)) : Promise.resolve(false);
  }

  /** Undoes a run of the history (or the one on screen); the answer carries the undo report. */
  async undo(id: string): Promise<boolean> {
    return this.act(() => this.client.undoImport(id), id !== this.run()?.id);
  }

  async downloadErrors(id: string): Promise<void> {
    try {
      saveFile(await firstValueFrom(this.client.getImportErrors(id)), 'import-errors.csv');
    } catch (e) {
      this.error.set(toProblem(e));
    }
  }

  async saveTemplate(name: string): Promise<boolean> {
    const run = this.run();
    if (!run || !name.trim()) return false;
    const m = this.mapping();
    try {
      await firstValueFrom(
        this.client.saveImportTemplate(name.trim(), {
          kind: 'Leads',
          mapping: run.columns.map((c) => ({ column: c.name, field: m[c.name] || undefined })),
          duplicatePolicy: this.policy(),
        }),
      );
      await this.loadTemplates();
      return true;
    } catch (e) {
      this.error.set(toProblem(e));
      return false;
    }
  }

  /** Shows a run of the history, and follows it if it still moves. */
  show(run: ImportRunDto): void {
    this.setRun(run);
    this.pollWhileActive();
  }

  setField(column: string, field: string): void {
    this.mapping.update((m) => ({ ...m, [column]: field }));
  }

  /** Leaves the run on screen for a new upload. */
  clear(): void {
    clearTimeout(this.pollTimer);
    this.run.set(null);
    this.mapping.set({});
    this.error.set(null);
  }

  /**
   * Sends one command about a run and shows its answer; a run answered about something other than the one on screen
   * (an undo from the history) only updates the history.
   */
  private async act(call: () => Observable<ImportRunDto>, historyOnly = false): Promise<boolean> {
    this.busy.set(true);
    this.error.set(null);
    try {
      const run = await firstValueFrom(call());
      if (historyOnly) this.replaceInHistory(run);
      else this.setRun(run);
      this.pollWhileActive();
      return true;
    } catch (e) {
      this.error.set(toProblem(e));
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  private setRun(run: ImportRunDto): void {
    const before = this.run();
    this.run.set(run);
    // The editable mapping follows the server's after each check; edits in progress are kept while the run moves.
    if (
      before?.id !== run.id ||
      (isActive(before) && !isActive(run)) ||
      !Object.keys(this.mapping()).length
    ) {
      this.mapping.set(Object.fromEntries(run.columns.map((c) => [c.name, c.field ?? ''])));
      this.policy.set(run.duplicatePolicy);
    }
    this.replaceInHistory(run);
  }

  private replaceInHistory(run: ImportRunDto): void {
    this.history.update((list) =>
      list.some((r) => r.id === run.id)
        ? list.map((r) => (r.id === run.id ? run : r))
        : [run, ...list],
    );
  }

  private pollWhileActive(): void {
    clearTimeout(this.pollTimer);
    const run = this.run();
    if (!isActive(run)) return;
    this.pollTimer = setTimeout(async () => {
      try {
        const fresh = await firstValueFrom(this.client.getImport(run!.id));
        if (this.run()?.id !== fresh.id) return; // the user moved on to another run
        this.setRun(fresh);
        this.pollWhileActive();
      } catch (e) {
        const problem = toProblem(e);
        this.error.set(problem);
        // A lost connection is worth another try; a run that is gone or forbidden is not.
        if (problem.status === 0 || problem.status >= 500) this.pollWhileActive();
      }
    }, POLL_MS);
  }
}
