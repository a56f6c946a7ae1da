import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { ReviewNoteDto } from '../api/l2r-api';

export interface NoteEdit {
  id: string;
  text: string;
}

/** Agenda items or comments: anyone taking part adds one; authors reword or delete their own. */
@Component({
  selector: 'app-review-notes',
  imports: [DatePipe, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="notes">
      @for (n of notes(); track n.id) {
        <li>
          @if (editing() === n.id) {
            <form class="no-print" (submit)="$event.preventDefault(); saveEdit(n.id)">
              <input
                [attr.aria-label]="'Reword ' + n.text"
                [value]="draft()"
                (input)="draft.set(value($event))"
              />
              <button mat-button type="submit">Save</button>
              <button mat-button type="button" (click)="editing.set(null)">Cancel</button>
            </form>
          } @else {
            <span class="text">{{ n.text }}</span>
            <span class="meta">{{ n.authorName }}, {{ n.createdAt | date: 'd MMM HH:mm' }}</span>
            @if (n.authorId === me()) {
              <span class="no-print">
                <button mat-button type="button" (click)="startEdit(n)">Edit</button>
                <button mat-button type="button" (click)="remove.emit(n.id)">Delete</button>
              </span>
            }
          }
        </li>
      } @empty {
        <li class="meta">None yet.</li>
      }
    </ul>
    <form class="add no-print" (submit)="$event.preventDefault(); submit()">
      <input
        [attr.aria-label]="placeholder()"
        [placeholder]="placeholder()"
        [value]="text()"
        (input)="text.set(value($event))"
      />
      <button mat-stroked-button type="submit" [disabled]="!text().trim()">Add</button>
    </form>
  `,
  styles: `
    .notes {
      padding-left: 20px;
      font-size: 1.15rem;
    }
    .notes li {
      margin: 6px 0;
    }
    .meta {
      color: var(--mat-sys-on-surface-variant, #555);
      font-size: 0.9rem;
      margin-left: 12px;
    }
    .add {
      display: flex;
      gap: 8px;
    }
    .add input {
      flex: 1;
    }
  `,
})
export class ReviewNotes {
  readonly notes = input<ReviewNoteDto[]>([]);
  readonly me = input<string | undefined>(undefined);
  readonly placeholder = input('Add…');
  readonly add = output<string>();
  readonly edit = output<NoteEdit>();
  readonly remove = output<string>();

  protected readonly text = signal('');
  protected readonly editing = signal<string | null>(null);
  protected readonly draft = signal('');

  protected submit(): void {
    this.add.emit(this.text().trim());
    this.text.set('');
  }

  protected startEdit(note: ReviewNoteDto): void {
    this.editing.set(note.id);
    this.draft.set(note.text);
  }

  protected saveEdit(id: string): void {
    this.edit.emit({ id, text: this.draft().trim() });
    this.editing.set(null);
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
