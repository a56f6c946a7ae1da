import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { DatePipe } from '@angular/common';
import { fieldLabel } from './lead-fields';
import { LeadStore } from './lead-store';

/** Edits to the lead's fields since it was created, newest first, with who made them. */
@Component({
  selector: 'app-lead-changes',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" aria-labelledby="changes-title">
      <h2 id="changes-title">Data changes</h2>
      <ol class="timeline">
        @for (c of store.changesNewestFirst(); track c.id) {
          <li>
            <strong>{{ fieldLabel(c.field ?? '') }}</strong>: {{ c.oldValue || '(empty)' }} →
            {{ c.newValue || '(empty)' }}
            <div class="muted">
              {{ c.changedAt | date: 'medium' }} · {{ c.changedByName || 'system' }}
            </div>
          </li>
        } @empty {
          <li class="empty">No changes since it was created.</li>
        }
      </ol>
    </section>
  `,
})
export class LeadChanges {
  protected readonly store = inject(LeadStore);
  protected readonly fieldLabel = fieldLabel;
}
