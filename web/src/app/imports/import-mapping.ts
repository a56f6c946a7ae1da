import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { FieldControl, FormField } from '../core/form-field';
import { PROFILE_FIELDS, fieldLabel } from '../leads/lead-fields';
import { DuplicatePolicyPicker } from './duplicate-policy';
import { ImportsStore, isActive } from './imports-store';

const CUSTOM = 'custom.';

/**
 * Which lead field each column of the file fills: the server's suggestion from the header, with the first values to
 * judge it by. Any column may go to a custom field instead, or be left out. A stage is never a target: the agreement
 * decides stages.
 */
@Component({
  selector: 'app-import-mapping',
  imports: [
    DuplicatePolicyPicker,
    FieldControl,
    FormField,
    MatButtonModule,
    MatInputModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.run(); as run) {
      <section class="card-box" aria-labelledby="mapping-title">
        <h2 id="mapping-title">Columns of {{ run.fileName }}</h2>
        <table class="plain" data-testid="mapping">
          <thead>
            <tr>
              <th>Column</th>
              <th>First values</th>
              <th>Goes to</th>
            </tr>
          </thead>
          <tbody>
            @for (c of run.columns; track c.name) {
              <tr [attr.data-column]="c.name">
                <td>{{ c.name }}</td>
                <td class="samples">
                  @for (s of c.samples; track $index) {
                    <span class="sample">{{ s || '—' }}</span>
                  }
                </td>
                <td>
                  <app-form-field
                    label="Field"
                    [hint]="
                      c.suggestedField ? 'Suggested: ' + label(c.suggestedField) : 'No suggestion'
                    "
                  >
                    <mat-select
                      *appFieldControl
                      [value]="store.mapping()[c.name] ?? ''"
                      (valueChange)="store.setField(c.name, $event)"
                      [attr.data-testid]="'map-' + c.name"
                    >
                      <mat-option value="">Leave out</mat-option>
                      @for (f of fields; track f) {
                        <mat-option [value]="f">{{ label(f) }}</mat-option>
                      }
                      <mat-option [value]="customOf(c.name)">{{
                        label(customOf(c.name))
                      }}</mat-option>
                      @if (otherCustom(c.name); as other) {
                        <mat-option [value]="other">{{ label(other) }}</mat-option>
                      }
                    </mat-select>
                  </app-form-field>
                </td>
              </tr>
            }
          </tbody>
        </table>
        <div class="actions">
          <app-duplicate-policy />
          <button
            mat-flat-button
            type="button"
            [disabled]="!store.mappingChanged() || busy()"
            (click)="store.recheck()"
            data-testid="recheck"
          >
            Check again with this mapping
          </button>
        </div>
        <div class="actions">
          <app-form-field label="Save this mapping as">
            <input
              *appFieldControl
              matInput
              [value]="templateName()"
              (input)="templateName.set($any($event.target).value)"
              data-testid="template-name"
            />
          </app-form-field>
          <button
            mat-stroked-button
            type="button"
            [disabled]="!templateName().trim() || busy()"
            (click)="save()"
            data-testid="save-template"
          >
            Save template
          </button>
          @if (saved(); as name) {
            <span class="pass" role="status">Saved “{{ name }}”.</span>
          }
          @if (store.templates().length) {
            <app-form-field label="Use a template">
              <mat-select
                *appFieldControl
                (valueChange)="store.useTemplate($event)"
                data-testid="use-template"
              >
                @for (t of store.templates(); track t.name) {
                  <mat-option [value]="t.name">{{ t.name }}</mat-option>
                }
              </mat-select>
            </app-form-field>
          }
        </div>
      </section>
    }
  `,
  styles: `
    .samples {
      max-width: 360px;
    }
    .sample {
      display: inline-block;
      background: #eef1f5;
      border-radius: 4px;
      padding: 1px 6px;
      margin: 0 4px 4px 0;
      font-size: 13px;
    }
    td app-form-field {
      width: 240px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-top: 12px;
    }
    .actions app-form-field {
      width: 240px;
    }
  `,
})
export class ImportMapping {
  protected readonly store = inject(ImportsStore);
  protected readonly fields = PROFILE_FIELDS;
  protected readonly templateName = signal('');
  protected readonly saved = signal<string | null>(null);
  protected readonly busy = computed(() => this.store.busy() || isActive(this.store.run()));

  protected label(field: string): string {
    return field.startsWith(CUSTOM)
      ? `Custom field “${field.slice(CUSTOM.length)}”`
      : fieldLabel(field);
  }

  protected customOf(column: string): string {
    return CUSTOM + column.trim().slice(0, 50);
  }

  /** A custom field of another name (a template's, or the server's suggestion) stays choosable. */
  protected otherCustom(column: string): string | null {
    const current = this.store.mapping()[column] ?? '';
    return current.startsWith(CUSTOM) && current !== this.customOf(column) ? current : null;
  }

  protected async save(): Promise<void> {
    const name = this.templateName().trim();
    this.saved.set((await this.store.saveTemplate(name)) ? name : null);
  }
}
