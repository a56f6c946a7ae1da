import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { FieldCriterion, LeadAgreement, Role } from '../api/l2r-api';
import { TRIGGER_PATHS, stateLabel, triggerLabel } from '../core/labels';
import { CriterionEditor } from './criterion-editor';
import { EditableCriterion, REASON_LIST_OF, ROLES, freshId } from './criteria';
import { DraftStore } from './draft-store';

/** Each move of the agreement: who may fire it, whether it advances by itself, and its criteria. */
@Component({
  selector: 'app-draft-moves',
  imports: [CriterionEditor, MatButtonModule, MatCheckboxModule, MatSlideToggleModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box">
      <h2>Moves and their criteria</h2>
      <p class="muted">
        Every criterion of a move must hold. A move that advances automatically fires by itself as
        soon as its criteria hold.
      </p>
      @if (store.errorAt('transitions'); as e) {
        <div class="field-error">{{ e }}</div>
      }
      @for (t of agreement().transitions; track $index; let i = $index) {
        <article
          class="move"
          data-testid="transition"
          [attr.data-trigger]="t.trigger"
          [attr.data-path]="'transitions[' + i + ']'"
        >
          <header>
            <h3>{{ triggerLabel(t.trigger) }}</h3>
            <span class="muted">{{ path(t.trigger) }}</span>
          </header>
          <div class="controls">
            <fieldset
              class="roles"
              [attr.aria-invalid]="!!store.errorAt('transitions[' + i + '].roles')"
            >
              <legend>Who may fire it</legend>
              @for (r of roles; track r) {
                <mat-checkbox
                  [checked]="t.roles.includes(r)"
                  (change)="toggleRole(i, r, $event.checked)"
                  [attr.data-role]="r"
                  >{{ r }}</mat-checkbox
                >
              }
            </fieldset>
            <mat-slide-toggle
              [checked]="!!t.autoAdvance"
              (change)="setAuto(i, $event.checked)"
              [disabled]="!!reasonListOf(t.trigger) && !t.autoAdvance"
              data-testid="auto-advance"
              >Advances automatically when met</mat-slide-toggle
            >
          </div>
          @if (store.errorAt('transitions[' + i + '].roles'); as e) {
            <div class="field-error">{{ e }}</div>
          }
          @if (store.errorAt('transitions[' + i + '].autoAdvance'); as e) {
            <div class="field-error">{{ e }}</div>
          }
          @for (c of t.criteria ?? []; track $index; let j = $index) {
            <app-criterion-editor
              [attr.data-path]="'transitions[' + i + '].criteria[' + j + ']'"
              [criterion]="c"
              [path]="'transitions[' + i + '].criteria[' + j + ']'"
              [errors]="store.errors()"
              (changed)="setCriterion(i, j, $event)"
              (removed)="removeCriterion(i, j)"
            />
          } @empty {
            <p class="muted">
              No criteria: the move is allowed whenever someone with the role fires it.
            </p>
          }
          @if (store.errorAt('transitions[' + i + '].criteria'); as e) {
            <div class="field-error">{{ e }}</div>
          }
          @if (reasonListOf(t.trigger); as list) {
            <p class="muted">It also needs a reason from the {{ list }} list below.</p>
          }
          <button
            mat-stroked-button
            type="button"
            (click)="addCriterion(i)"
            data-testid="add-criterion"
          >
            Add criterion
          </button>
        </article>
      }
    </section>
  `,
  styles: `
    .move {
      border-top: 1px solid #e1e5eb;
      padding: 10px 0 12px;
    }
    .move header {
      display: flex;
      gap: 10px;
      align-items: baseline;
    }
    h3 {
      font-size: 15px;
      margin: 0 0 4px;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
      align-items: center;
    }
    fieldset.roles {
      border: none;
      padding: 0;
      margin: 0;
      display: flex;
      align-items: center;
      flex-wrap: wrap;
    }
    fieldset.roles legend {
      float: left;
      margin-right: 6px;
      font-size: 13px;
      color: #5f6b7a;
    }
  `,
})
export class DraftMoves {
  readonly agreement = input.required<LeadAgreement>();
  protected readonly store = inject(DraftStore);
  protected readonly roles: Role[] = ROLES;
  protected readonly triggerLabel = triggerLabel;

  protected path(trigger: string | undefined): string {
    const p = trigger ? TRIGGER_PATHS[trigger] : undefined;
    return p ? `${p.from.map(stateLabel).join(', ')} → ${stateLabel(p.to)}` : '';
  }

  protected reasonListOf(trigger: string | undefined) {
    return (trigger && REASON_LIST_OF[trigger]) || null;
  }

  protected toggleRole(i: number, role: Role, on: boolean): void {
    this.store.edit((a) => {
      const t = a.transitions[i];
      t.roles = on
        ? ROLES.filter((r) => r === role || t.roles.includes(r))
        : t.roles.filter((r) => r !== role);
    });
  }

  protected setAuto(i: number, on: boolean): void {
    this.store.edit((a) => (a.transitions[i].autoAdvance = on));
  }

  protected setCriterion(i: number, j: number, c: EditableCriterion): void {
    this.store.edit((a) => (a.transitions[i].criteria![j] = c as FieldCriterion));
  }

  protected removeCriterion(i: number, j: number): void {
    this.store.edit((a) => a.transitions[i].criteria!.splice(j, 1), { structural: true });
  }

  protected addCriterion(i: number): void {
    this.store.edit(
      (a) => {
        const t = a.transitions[i];
        const criteria = (t.criteria ??= []);
        const id = freshId(
          t.trigger.toLowerCase(),
          criteria.map((c) => c.id),
        );
        criteria.push({
          kind: 'scoreAtLeast',
          id,
          score: 'Fit',
          value: 0,
          description: 'Fit score at least 0',
        } as EditableCriterion as FieldCriterion);
      },
      { structural: true },
    );
  }
}
