import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import {
  ReviewActionDto,
  ReviewActionRequest,
  ReviewActionStatus,
  ReviewPersonDto,
} from '../api/l2r-api';

export interface ActionSave {
  request: ReviewActionRequest;
  actionId?: string;
}

/** The actions people took on, with owners, due dates and status; a new one needs an owner and a date. */
@Component({
  selector: 'app-review-actions',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="plain actions" aria-label="Actions">
      <thead>
        <tr>
          <th>Action</th>
          <th>Owner</th>
          <th>Due</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        @for (a of actions(); track a.id) {
          <tr data-testid="review-action">
            <td>{{ a.title }}</td>
            <td>{{ a.ownerName }}</td>
            <td>{{ a.dueDate }}</td>
            <td>
              <select
                [attr.aria-label]="'Status of ' + a.title"
                [value]="a.status"
                (change)="setStatus(a, value($event))"
              >
                @for (s of statuses; track s) {
                  <option [value]="s">{{ s }}</option>
                }
              </select>
            </td>
          </tr>
        } @empty {
          <tr>
            <td colspan="4" class="meta">No actions yet.</td>
          </tr>
        }
      </tbody>
    </table>
    <form
      class="add no-print"
      aria-label="Add an action"
      (submit)="$event.preventDefault(); submit()"
    >
      <input
        aria-label="Action"
        placeholder="Action"
        [value]="title()"
        (input)="title.set(value($event))"
      />
      <select aria-label="Owner" [value]="owner()" (change)="owner.set(value($event))">
        <option value="">Owner…</option>
        @for (p of people(); track p.id) {
          <option [value]="p.id">{{ p.name }}</option>
        }
      </select>
      <input type="date" aria-label="Due date" [value]="due()" (input)="due.set(value($event))" />
      <button mat-stroked-button type="submit" [disabled]="!title().trim() || !owner() || !due()">
        Add action
      </button>
    </form>
  `,
  styles: `
    .actions {
      width: 100%;
      font-size: 1.1rem;
    }
    .add {
      display: flex;
      gap: 8px;
      margin-top: 8px;
    }
    .add input:first-child {
      flex: 1;
    }
    .meta {
      color: var(--mat-sys-on-surface-variant, #555);
    }
  `,
})
export class ReviewActions {
  readonly actions = input<ReviewActionDto[]>([]);
  readonly people = input<ReviewPersonDto[]>([]);
  readonly save = output<ActionSave>();

  protected readonly statuses: ReviewActionStatus[] = ['Open', 'Done', 'Dropped'];
  protected readonly title = signal('');
  protected readonly owner = signal('');
  protected readonly due = signal('');

  protected submit(): void {
    this.save.emit({
      request: { title: this.title().trim(), ownerId: this.owner(), dueDate: this.due() },
    });
    this.title.set('');
  }

  protected setStatus(action: ReviewActionDto, status: string): void {
    this.save.emit({
      actionId: action.id,
      request: {
        title: action.title,
        ownerId: action.ownerId,
        dueDate: action.dueDate,
        status: status as ReviewActionStatus,
        version: action.version,
      },
    });
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
