import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TagFigureDto } from '../api/l2r-api';
import { problemText } from '../core/problem';
import { IntelStore } from './intel-store';

/** The questions leads ask most, or the objections reps meet most: one kind's tags by leads. */
@Component({
  selector: 'app-tag-frequency',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" [attr.aria-label]="title()" [attr.data-testid]="which()">
      <h2>{{ title() }}</h2>
      @if (section().problem; as p) {
        <div class="error-box" role="alert">{{ problemText(p) }}</div>
      }
      @if (section().value; as r) {
        <ol class="figures">
          @for (t of r.tags; track t.tagId) {
            <li>
              {{ t.label }}
              <button class="count" type="button" (click)="drill(t)">{{ t.leads }}</button>
            </li>
          } @empty {
            <li class="empty">Nothing heard in this period.</li>
          }
        </ol>
      }
    </section>
  `,
})
export class TagFrequency {
  readonly which = input.required<'questions' | 'objections'>();
  protected readonly store = inject(IntelStore);
  protected readonly problemText = problemText;
  protected readonly title = computed(() =>
    this.which() === 'questions' ? 'Questions leads ask' : 'Objections',
  );
  protected readonly section = computed(() =>
    this.which() === 'questions' ? this.store.questions() : this.store.objections(),
  );

  protected drill(t: TagFigureDto): void {
    void this.store.openDrill({ title: t.label, expected: t.leads, tagId: t.tagId });
  }
}
