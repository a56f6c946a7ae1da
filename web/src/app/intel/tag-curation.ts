import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { IntelKind, IntelTagDto } from '../api/l2r-api';
import { problemText } from '../core/problem';
import { INTEL_KINDS, IntelTagsStore, KIND_LABELS } from './intel-tags-store';

/** Admins keep the tag lists tidy: rename, retire (kept on history, no longer offered), offer again, merge duplicates. */
@Component({
  selector: 'app-tag-curation',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" aria-labelledby="curation-title" data-testid="tag-curation">
      <h2 id="curation-title">Tag lists</h2>
      @if (tags.problem(); as p) {
        <div class="error-box" role="alert">{{ problemText(p) }}</div>
      }
      <div class="kinds">
        @for (kind of kinds; track kind) {
          <div>
            <h3>{{ kindLabels[kind] }}</h3>
            <ul class="tags">
              @for (t of byKind().get(kind); track t.id) {
                <li [class.retired]="t.retired" [attr.data-tag]="t.label">
                  @if (editing() === t.id) {
                    <input
                      [value]="t.label"
                      [attr.aria-label]="'New label for ' + t.label"
                      (keydown.enter)="rename(t, $any($event.target).value)"
                      (keydown.escape)="editing.set(null)"
                    />
                  } @else {
                    <span>{{ t.label }}</span>
                    <span class="muted"> · {{ t.mentions }}</span>
                  }
                  @if (!t.mergedIntoId) {
                    <button mat-button type="button" (click)="editing.set(t.id)">Rename</button>
                    <button mat-button type="button" (click)="tags.update(t, t.label, !t.retired)">
                      {{ t.retired ? 'Offer again' : 'Retire' }}
                    </button>
                  }
                  @if (!t.retired) {
                    <select
                      [attr.aria-label]="'Merge ' + t.label + ' into'"
                      (change)="merge(t, $any($event.target).value)"
                    >
                      <option value="">Merge into…</option>
                      @for (o of offeredOthers(kind, t); track o.id) {
                        <option [value]="o.id">{{ o.label }}</option>
                      }
                    </select>
                  }
                </li>
              } @empty {
                <li class="empty">No tags yet.</li>
              }
            </ul>
          </div>
        }
      </div>
    </section>
  `,
  styles: `
    .kinds {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(260px, 1fr));
      gap: 16px;
    }
    .tags {
      list-style: none;
      padding: 0;
    }
    .retired span:first-child {
      text-decoration: line-through;
    }
  `,
})
export class TagCuration {
  protected readonly tags = inject(IntelTagsStore);
  protected readonly kinds = INTEL_KINDS;
  protected readonly kindLabels = KIND_LABELS;
  protected readonly problemText = problemText;
  protected readonly editing = signal<string | null>(null);
  protected readonly byKind = computed(() => {
    const map = new Map<IntelKind, IntelTagDto[]>(INTEL_KINDS.map((k) => [k, []]));
    for (const t of this.tags.tags()) map.get(t.kind)?.push(t);
    for (const list of map.values())
      list.sort((a, b) => Number(a.retired) - Number(b.retired) || a.label.localeCompare(b.label));
    return map;
  });

  protected offeredOthers(kind: IntelKind, tag: IntelTagDto): IntelTagDto[] {
    return (this.tags.offered().get(kind) ?? []).filter((t) => t.id !== tag.id);
  }

  protected async rename(tag: IntelTagDto, label: string): Promise<void> {
    if (await this.tags.update(tag, label, tag.retired)) this.editing.set(null);
  }

  protected async merge(tag: IntelTagDto, intoId: string): Promise<void> {
    const into = this.tags.byId(intoId);
    if (
      into &&
      confirm(
        `Merge "${tag.label}" into "${into.label}"? Its mentions move over and it is retired.`,
      )
    )
      await this.tags.merge(tag, into);
  }
}
