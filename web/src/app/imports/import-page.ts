import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { problemLines } from '../core/problem';
import { ImportHistory } from './import-history';
import { ImportMapping } from './import-mapping';
import { ImportRun } from './import-run';
import { ImportUpload } from './import-upload';
import { ImportsStore } from './imports-store';

/** Bring leads in from a CSV: upload, check the mapping and the dry run, import, follow it, undo it. */
@Component({
  selector: 'app-import-page',
  imports: [ImportHistory, ImportMapping, ImportRun, ImportUpload],
  providers: [ImportsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page import-page">
      <h1>Import leads</h1>
      @if (store.error(); as problem) {
        <div class="error-box" role="alert" data-testid="import-error">
          {{ lines(problem).join('\\n') }}
        </div>
      }
      @if (store.run(); as run) {
        <app-import-run />
        <!-- A real run imports the file as its dry run was checked: its mapping is no longer editable. -->
        @if (run.dryRun) {
          <app-import-mapping />
        }
      } @else {
        <app-import-upload />
      }
      <app-import-history />
    </div>
  `,
  styles: `
    .import-page {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    h1 {
      margin: 0;
    }
  `,
})
export class ImportPage {
  protected readonly store = inject(ImportsStore);
  protected readonly lines = problemLines;

  constructor() {
    void this.store.loadHistory();
    void this.store.loadTemplates();
  }
}
