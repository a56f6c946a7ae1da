import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { FieldControl, FormField } from '../core/form-field';
import { stateLabel } from '../core/labels';
import { fieldLabel } from '../leads/lead-fields';
import { DuplicatesStore } from './duplicates-store';

const CUSTOM = 'custom.';

/** Two leads side by side: pick the surviving value of each field they hold differently, then merge. */
@Component({
  selector: 'app-merge-panel',
  imports: [FieldControl, FormField, MatButtonModule, MatInputModule, MatRadioModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.pair(); as pair) {
      <section class="card-box" aria-labelledby="merge-title" data-testid="merge-panel">
        <h2 id="merge-title">Merge {{ pair.absorbed.name }} into {{ pair.survivor.name }}</h2>
        <p class="muted">
          The lead on the left stays; the one on the right is absorbed: its activities and history
          move to the survivor, and its page then points to the survivor.
        </p>
        <table class="plain side">
          <thead>
            <tr>
              <th>Field</th>
              <th>Stays: {{ pair.survivor.name }} ({{ stateLabel(pair.survivor.state) }})</th>
              <th>Absorbed: {{ pair.absorbed.name }} ({{ stateLabel(pair.absorbed.state) }})</th>
            </tr>
          </thead>
          <tbody>
            @for (c of store.choices(); track c.field) {
              <tr [attr.data-field]="c.field">
                <th>{{ label(c.field) }}</th>
                <td>
                  <mat-radio-button
                    [name]="'merge-' + c.field"
                    value="Survivor"
                    [checked]="c.side === 'Survivor'"
                    (change)="store.choose(c.field, 'Survivor')"
                    >{{ c.survivorValue || '(empty)' }}</mat-radio-button
                  >
                </td>
                <td>
                  <mat-radio-button
                    [name]="'merge-' + c.field"
                    value="Absorbed"
                    [checked]="c.side === 'Absorbed'"
                    (change)="store.choose(c.field, 'Absorbed')"
                    [attr.data-testid]="'take-' + c.field"
                    >{{ c.absorbedValue || '(empty)' }}</mat-radio-button
                  >
                </td>
              </tr>
            } @empty {
              <tr>
                <td colspan="3" class="empty">The two leads hold the same values.</td>
              </tr>
            }
          </tbody>
        </table>
        <app-form-field label="Note (optional)" class="note">
          <input
            *appFieldControl
            matInput
            [value]="note()"
            (input)="note.set($any($event.target).value)"
          />
        </app-form-field>
        <div class="form-actions">
          <button
            mat-flat-button
            type="button"
            [disabled]="store.busy()"
            (click)="store.merge(note())"
            data-testid="merge"
          >
            Merge
          </button>
          <button mat-stroked-button type="button" (click)="store.swap()" data-testid="swap">
            Keep the other one
          </button>
          <button mat-button type="button" (click)="store.close()">Cancel</button>
        </div>
      </section>
    }
  `,
  styles: `
    .side th,
    .side td {
      width: 33%;
    }
    .note {
      width: 100%;
      margin-top: 12px;
    }
  `,
})
export class MergePanel {
  protected readonly store = inject(DuplicatesStore);
  protected readonly stateLabel = stateLabel;
  protected readonly note = signal('');

  protected label(field: string): string {
    return field.startsWith(CUSTOM) ? `Custom: ${field.slice(CUSTOM.length)}` : fieldLabel(field);
  }
}
