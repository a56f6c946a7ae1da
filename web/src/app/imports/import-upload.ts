import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSelectModule } from '@angular/material/select';
import { FieldControl, FormField } from '../core/form-field';
import { DuplicatePolicyPicker } from './duplicate-policy';
import { ImportsStore } from './imports-store';

/** Drop a CSV (or pick one): it is uploaded and checked as a dry run with the suggested mapping or a template. */
@Component({
  selector: 'app-import-upload',
  imports: [DuplicatePolicyPicker, FieldControl, FormField, MatButtonModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" aria-labelledby="upload-title">
      <h2 id="upload-title">Upload a CSV of leads</h2>
      <div class="options">
        <app-form-field label="Mapping">
          <mat-select
            *appFieldControl
            [value]="template()"
            (valueChange)="template.set($event)"
            data-testid="upload-template"
          >
            <mat-option value="">Suggested from the headers</mat-option>
            @for (t of store.templates(); track t.name) {
              <mat-option [value]="t.name">Template: {{ t.name }}</mat-option>
            }
          </mat-select>
        </app-form-field>
        <app-duplicate-policy />
      </div>
      <label
        class="drop"
        [class.over]="over()"
        (dragover)="$event.preventDefault(); over.set(true)"
        (dragleave)="over.set(false)"
        (drop)="dropped($event)"
        data-testid="drop-zone"
      >
        <input
          type="file"
          accept=".csv,text/csv"
          class="visually-hidden"
          (change)="picked($event)"
          data-testid="file-input"
        />
        <strong>Drop a CSV file here</strong>
        <span class="muted">or click to choose one (UTF-8, comma or semicolon, up to 100 MB)</span>
      </label>
      <p class="muted">
        Nothing is written yet: the whole file is checked first, and you see what each row would do
        and where the agreement would put each lead.
      </p>
    </section>
  `,
  styles: `
    .options {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .options app-form-field {
      width: 320px;
    }
    .drop {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 4px;
      padding: 28px;
      border: 2px dashed #9aa7b8;
      border-radius: 8px;
      cursor: pointer;
      background: #fafbfd;
    }
    .drop.over {
      border-color: #1f3a5f;
      background: #e8eef7;
    }
  `,
})
export class ImportUpload {
  protected readonly store = inject(ImportsStore);
  protected readonly template = signal('');
  protected readonly over = signal(false);

  protected dropped(event: DragEvent): void {
    event.preventDefault();
    this.over.set(false);
    const file = event.dataTransfer?.files?.[0];
    if (file) void this.store.upload(file, this.template());
  }

  protected picked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void this.store.upload(file, this.template());
    input.value = ''; // the same file may be chosen again after a fix
  }
}
