import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { LeadAgreement } from '../api/l2r-api';
import { FieldControl, FormField } from '../core/form-field';
import { EditableReason, REASON_GROUPS, ReasonListName, textFrom } from './criteria';
import { DraftStore } from './draft-store';

/** The reasons a move may ask for, list by list. Codes leads may already carry stay as they are. */
@Component({
  selector: 'app-draft-reasons',
  imports: [FieldControl, FormField, MatButtonModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box">
      <h2>Reasons</h2>
      <p class="muted">
        A reason's code is what history and metrics count, so codes the agreement already used stay
        as they are; reword their labels freely, add new reasons, or remove ones no longer offered.
      </p>
      <div class="reason-groups">
        @for (g of groups; track g.list) {
          <div
            class="reason-group"
            [attr.data-list]="g.list"
            [attr.data-path]="'reasons.' + g.list"
            data-testid="reason-list"
          >
            <h3>{{ g.name }}</h3>
            @if (store.errorAt('reasons.' + g.list); as e) {
              <div class="field-error">{{ e }}</div>
            }
            @for (r of agreement().reasons[g.list] ?? []; track $index; let i = $index) {
              <div class="reason" [attr.data-path]="'reasons.' + g.list + '[' + i + ']'">
                <app-form-field
                  label="Code"
                  class="w-code"
                  [class.locked]="isLocked(g.list, r)"
                  [error]="store.errorAt('reasons.' + g.list + '[' + i + '].code')"
                >
                  <input
                    *appFieldControl
                    matInput
                    [value]="r.code ?? ''"
                    [readonly]="isLocked(g.list, r)"
                    [attr.title]="
                      isLocked(g.list, r)
                        ? 'Leads may carry this code: it stays; reword the label instead.'
                        : null
                    "
                    (input)="set(g.list, i, 'code', $event)"
                    data-testid="reason-code"
                  />
                </app-form-field>
                <app-form-field
                  label="Label"
                  class="grow"
                  [error]="store.errorAt('reasons.' + g.list + '[' + i + '].label')"
                >
                  <input
                    *appFieldControl
                    matInput
                    [value]="r.label ?? ''"
                    (input)="set(g.list, i, 'label', $event)"
                    data-testid="reason-label"
                  />
                </app-form-field>
                <button
                  mat-button
                  type="button"
                  (click)="remove(g.list, i)"
                  [attr.aria-label]="'Remove reason ' + (r.label || r.code)"
                >
                  Remove
                </button>
              </div>
            }
            <button mat-stroked-button type="button" (click)="add(g.list)" data-testid="add-reason">
              Add reason
            </button>
          </div>
        }
      </div>
    </section>
  `,
  styles: `
    h3 {
      font-size: 15px;
      margin: 0 0 4px;
    }
    .reason-groups {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(420px, 1fr));
      gap: 12px 24px;
    }
    .reason {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      margin-bottom: 6px;
    }
    .w-code {
      width: 190px;
    }
    .w-code.locked {
      --mat-form-field-outlined-input-text-color: #5f6b7a;
      --mat-form-field-outlined-outline-color: #d5dbe3;
    }
    .grow {
      flex: 1;
      min-width: 0;
    }
  `,
})
export class DraftReasons {
  readonly agreement = input.required<LeadAgreement>();
  protected readonly store = inject(DraftStore);
  protected readonly groups = REASON_GROUPS;

  protected isLocked(list: ReasonListName, reason: EditableReason): boolean {
    return !reason.isNew && !!reason.code && this.store.lockedCodes()[list].includes(reason.code);
  }

  protected set(list: ReasonListName, i: number, key: 'code' | 'label', event: Event): void {
    const value = key === 'code' ? textFrom(event).trim() : textFrom(event);
    this.store.edit((a) => (a.reasons[list]![i][key] = value));
  }

  protected remove(list: ReasonListName, i: number): void {
    this.store.edit((a) => a.reasons[list]!.splice(i, 1), { structural: true });
  }

  protected add(list: ReasonListName): void {
    const reason: EditableReason = { code: '', label: '', isNew: true };
    this.store.edit((a) => (a.reasons[list] ??= []).push(reason), { structural: true });
  }
}
