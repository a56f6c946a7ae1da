import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ImportUndoReport } from '../api/l2r-api';

/** What an undo did, and the leads it left alone because people worked them after the import. */
@Component({
  selector: 'app-undo-report',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="report" data-testid="undo-report">
      <p>
        Undone: {{ report().removed }} leads removed, {{ report().restored }} restored to their
        earlier values, {{ report().activitiesRemoved }} activities removed.
      </p>
      @if (report().leftAloneCount) {
        <p>{{ report().leftAloneCount }} leads were worked since the import and were left alone:</p>
        <ul>
          @for (l of report().leftAlone; track l.leadId) {
            <li>
              <a [routerLink]="['/leads', l.leadId]">{{ l.name }}</a> — {{ l.reason }}
            </li>
          }
        </ul>
      }
    </div>
  `,
})
export class UndoReport {
  readonly report = input.required<ImportUndoReport>();
}
