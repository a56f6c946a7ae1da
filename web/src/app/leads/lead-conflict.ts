import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { fieldLabel } from './lead-fields';
import { LeadStore } from './lead-store';

/** A stale save: the user's values beside the newer ones, and the two ways out. Nothing typed is lost. */
@Component({
  selector: 'app-lead-conflict',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.conflict(); as c) {
      <section class="conflict" role="alert" data-testid="conflict">
        <strong
          >Someone else saved this lead after you opened it (it is now version
          {{ c.latest.version }}).</strong
        >
        <p>Your changes were not saved, and nothing you typed is lost. Compare and choose:</p>
        <table class="plain">
          <thead>
            <tr>
              <th>Field</th>
              <th>Your value</th>
              <th>Their value now</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.field) {
              <tr>
                <td>{{ row.field }}</td>
                <td>{{ row.mine }}</td>
                <td>{{ row.theirs }}</td>
              </tr>
            }
          </tbody>
        </table>
        <div class="form-actions">
          <button mat-flat-button type="button" (click)="store.overwriteWithMine()">
            Save mine over theirs
          </button>
          <button mat-stroked-button type="button" (click)="store.acceptTheirs()">
            Reload theirs, discard mine
          </button>
        </div>
      </section>
    }
  `,
  styles: `
    .conflict {
      border: 1px solid #e0b25a;
      background: #fff6e0;
      padding: 12px;
      border-radius: 8px;
      margin-bottom: 12px;
    }
  `,
})
export class LeadConflict {
  protected readonly store = inject(LeadStore);

  protected readonly rows = computed(() => {
    const c = this.store.conflict();
    if (!c) return [];
    return Object.entries(c.mine).map(([field, mine]) => ({
      field: fieldLabel(field),
      mine: show(mine),
      theirs: show((c.latest as unknown as Record<string, unknown>)[field]),
    }));
  });
}

function show(value: unknown): string {
  return value === null || value === undefined || value === '' ? '(empty)' : String(value);
}
