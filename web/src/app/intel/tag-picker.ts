import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  model,
  signal,
} from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import { IntelKind } from '../api/l2r-api';
import { IntelTagsStore } from './intel-tags-store';

let nextId = 0;

/** The picker's choices for a typed text: matching offered tags not yet picked, best (prefix) matches first. */
export function matchingTags<T extends { id: string; label: string }>(
  offered: readonly T[],
  picked: readonly string[],
  text: string,
  limit = 8,
): T[] {
  const needle = text.trim().toLowerCase();
  return offered
    .filter((t) => !picked.includes(t.id) && t.label.toLowerCase().includes(needle))
    .sort(
      (a, b) =>
        Number(!a.label.toLowerCase().startsWith(needle)) -
          Number(!b.label.toLowerCase().startsWith(needle)) || a.label.localeCompare(b.label),
    )
    .slice(0, limit);
}

/**
 * Picks tags of one kind from the keyboard: type to filter, arrows to move, Enter to pick the highlighted tag or to
 * add what was typed as a new one (the list answers an existing tag for a label it has), Backspace on an empty box
 * removes the last chip. Picked tags show as chips with a remove button.
 */
@Component({
  selector: 'app-tag-picker',
  imports: [MatChipsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="picker" [attr.data-kind]="kind()" data-testid="tag-picker">
      <label [for]="inputId" class="picker-label">{{ label() }}</label>
      <mat-chip-set [attr.aria-label]="label() + ' picked'">
        @for (id of picked(); track id) {
          <mat-chip (removed)="remove(id)" [attr.data-tag]="labelOf(id)" data-testid="tag-chip">
            {{ labelOf(id) }}
            <button matChipRemove type="button" [attr.aria-label]="'Remove ' + labelOf(id)">
              ✕
            </button>
          </mat-chip>
        }
      </mat-chip-set>
      <input
        [id]="inputId"
        class="picker-input"
        type="text"
        autocomplete="off"
        role="combobox"
        [attr.aria-expanded]="open()"
        [attr.aria-controls]="listId"
        [attr.aria-activedescendant]="open() ? listId + '-' + active() : null"
        [placeholder]="'Type to find or add…'"
        [value]="text()"
        (input)="type($any($event.target).value)"
        (keydown)="key($event)"
        (focus)="focused.set(true)"
        (blur)="focused.set(false)"
        data-testid="tag-input"
      />
      @if (open()) {
        <ul class="options" role="listbox" [id]="listId" [attr.aria-label]="label()">
          @for (t of choices(); track t.id; let i = $index) {
            <li
              role="option"
              [id]="listId + '-' + i"
              [class.active]="i === active()"
              [attr.aria-selected]="i === active()"
              (mousedown)="$event.preventDefault(); pick(t.id)"
              data-testid="tag-option"
            >
              {{ t.label }}
            </li>
          }
          @if (canAdd()) {
            <li
              role="option"
              [id]="listId + '-' + choices().length"
              [class.active]="active() === choices().length"
              [attr.aria-selected]="active() === choices().length"
              (mousedown)="$event.preventDefault(); addTyped()"
              data-testid="tag-add"
            >
              Add “{{ text().trim() }}”
            </li>
          }
        </ul>
      }
    </div>
  `,
  styles: `
    .picker {
      position: relative;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
    }
    .picker-label {
      flex-basis: 100%;
      font-weight: 500;
    }
    .picker-input {
      flex: 1 1 160px;
      min-width: 120px;
      padding: 6px 8px;
      font: inherit;
      border: 1px solid var(--mat-sys-outline-variant, #ccc);
      border-radius: 4px;
    }
    .options {
      position: absolute;
      top: 100%;
      left: 0;
      right: 0;
      z-index: 10;
      margin: 2px 0 0;
      padding: 4px 0;
      list-style: none;
      background: var(--mat-sys-surface, #fff);
      border: 1px solid var(--mat-sys-outline-variant, #ccc);
      border-radius: 4px;
      max-height: 220px;
      overflow: auto;
    }
    .options li {
      padding: 6px 12px;
      cursor: pointer;
    }
    .options li.active {
      background: var(--mat-sys-secondary-container, #e8def8);
    }
  `,
})
export class TagPicker {
  readonly kind = input.required<IntelKind>();
  readonly label = input.required<string>();
  /** The picked tag ids. */
  readonly picked = model<string[]>([]);

  private readonly store = inject(IntelTagsStore);
  protected readonly inputId = `tag-picker-${nextId++}`;
  protected readonly listId = `${this.inputId}-list`;
  protected readonly text = signal('');
  protected readonly focused = signal(false);
  protected readonly active = signal(0);
  protected readonly adding = signal(false);

  protected readonly choices = computed(() =>
    matchingTags(this.store.offered().get(this.kind()) ?? [], this.picked(), this.text()),
  );
  /** A typed label that is not exactly one of the offered tags may be added to the list. */
  protected readonly canAdd = computed(() => {
    const typed = this.text().trim().toLowerCase();
    return (
      typed.length > 0 &&
      !(this.store.offered().get(this.kind()) ?? []).some((t) => t.label.toLowerCase() === typed)
    );
  });
  protected readonly open = computed(
    () => this.focused() && (this.choices().length > 0 || this.canAdd()),
  );

  protected labelOf(id: string): string {
    return this.store.byId(id)?.label ?? '…';
  }

  protected type(value: string): void {
    this.text.set(value);
    this.active.set(0);
  }

  protected key(event: KeyboardEvent): void {
    const count = this.choices().length + (this.canAdd() ? 1 : 0);
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (count) this.active.update((i) => (i + 1) % count);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (count) this.active.update((i) => (i - 1 + count) % count);
        break;
      case 'Enter': {
        // Enter picks here; it must not submit the form the picker sits in.
        event.preventDefault();
        const choice = this.choices()[this.active()];
        if (choice) this.pick(choice.id);
        else if (this.canAdd()) void this.addTyped();
        break;
      }
      case 'Escape':
        if (this.text()) {
          event.preventDefault();
          event.stopPropagation();
          this.type('');
        }
        break;
      case 'Backspace':
        if (!this.text() && this.picked().length) this.picked.update((p) => p.slice(0, -1));
        break;
    }
  }

  protected pick(id: string): void {
    if (!this.picked().includes(id)) this.picked.update((p) => [...p, id]);
    this.type('');
  }

  protected remove(id: string): void {
    this.picked.update((p) => p.filter((x) => x !== id));
  }

  protected async addTyped(): Promise<void> {
    const label = this.text().trim();
    if (!label || this.adding()) return;
    this.adding.set(true);
    try {
      const tag = await this.store.add(this.kind(), label);
      if (tag) this.pick(tag.id);
    } finally {
      this.adding.set(false);
    }
  }
}
