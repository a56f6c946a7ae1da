import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { CriterionResult } from './problem';

/** The agreement's criteria as evaluated for one lead: ✓ / ✗, the plain-language description and what was found. */
@Component({
  selector: 'app-criteria-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="criteria" data-testid="criteria">
      @for (c of criteria(); track c.id ?? $index) {
        <li [class.pass]="c.passed" [class.fail]="!c.passed">
          <span aria-hidden="true">{{ c.passed ? '✓' : '✗' }}</span>
          <span class="visually-hidden">{{ c.passed ? 'Met:' : 'Not met:' }}</span>
          {{ c.description }}
          @if (c.actual) {
            <span class="muted"> — {{ c.actual }}</span>
          }
        </li>
      } @empty {
        <li class="muted">No criteria: always allowed.</li>
      }
    </ul>
  `,
  styles: `
    .criteria {
      list-style: none;
      margin: 2px 0;
      padding: 0;
      font-size: 13px;
    }
    li {
      padding: 1px 0;
    }
  `,
})
export class CriteriaList {
  readonly criteria = input<CriterionResult[]>([]);
}
