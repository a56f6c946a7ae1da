import { ChangeDetectionStrategy, Component, ElementRef, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { DraftEngagementRules } from './draft-engagement-rules';
import { DraftFitRules } from './draft-fit-rules';
import { DraftMoves } from './draft-moves';
import { DraftProblems } from './draft-problems';
import { DraftReasons } from './draft-reasons';
import { DraftRouting } from './draft-routing';
import { DraftScorecard } from './draft-scorecard';
import { DraftSlas } from './draft-slas';
import { DraftStore } from './draft-store';

/**
 * The admin's editor for a draft: the moves with their criteria, the scoring tables, the reason lists, the
 * SLA terms, routing and the shared scorecard, each a section editing the store's working copy. Saving sends
 * the whole agreement; the API's problems are listed on top and shown beside their fields.
 */
@Component({
  selector: 'app-draft-editor',
  imports: [
    MatButtonModule,
    DraftEngagementRules,
    DraftFitRules,
    DraftMoves,
    DraftProblems,
    DraftReasons,
    DraftSlas,
    DraftRouting,
    DraftScorecard,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.working(); as a) {
      <div class="editor dense-fields">
        <div class="actions" data-testid="editor-actions">
          <button
            mat-flat-button
            type="button"
            (click)="store.save()"
            [disabled]="store.saving() || !store.dirty()"
            data-testid="save-draft"
          >
            {{ store.saving() ? 'Saving…' : 'Save draft' }}
          </button>
          <button
            mat-stroked-button
            type="button"
            (click)="store.revert()"
            [disabled]="!store.dirty() || store.saving()"
            data-testid="revert-draft"
          >
            Undo my changes
          </button>
          <span class="muted state" aria-live="polite" data-testid="editor-state">
            @if (store.dirty()) {
              Unsaved changes. Saving clears any approvals: people sign exact content.
            } @else {
              Revision {{ store.draft()?.revision }} saved.
            }
          </span>
        </div>

        @if (store.notice(); as notice) {
          <div class="notice-ok" role="status" data-testid="save-notice">{{ notice }}</div>
        }
        <app-draft-problems (picked)="goTo($event)" />

        <app-draft-moves [agreement]="a" />
        <app-draft-fit-rules [agreement]="a" />
        <app-draft-engagement-rules [agreement]="a" />
        <app-draft-reasons [agreement]="a" />
        <app-draft-slas [agreement]="a" />
        <app-draft-routing [agreement]="a" />
        <app-draft-scorecard [agreement]="a" />
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .actions {
      position: sticky;
      top: 0;
      z-index: 2;
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      padding: 8px 0;
      background: #f4f6f9;
    }
    .actions .state {
      font-size: 13px;
    }
    .notice-ok {
      margin: 4px 0 8px;
    }
    app-draft-moves,
    app-draft-fit-rules,
    app-draft-engagement-rules,
    app-draft-reasons,
    app-draft-slas,
    app-draft-routing,
    app-draft-scorecard {
      display: block;
      margin-top: 16px;
    }
  `,
})
export class DraftEditor {
  protected readonly store = inject(DraftStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** Brings the row a problem names into view and focuses its invalid input. */
  protected goTo(path: string): void {
    let target: HTMLElement | null = null;
    for (const el of Array.from(
      this.host.nativeElement.querySelectorAll<HTMLElement>('[data-path]'),
    )) {
      const p = el.dataset['path'] ?? '';
      const contains = path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`);
      if (contains && p.length > (target?.dataset['path']?.length ?? -1)) target = el;
    }
    if (!target) return;
    target.scrollIntoView?.({ block: 'center' });
    const invalid = target.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? target.querySelector<HTMLElement>('input, [role="combobox"], button'))?.focus({
      preventScroll: true,
    });
  }
}
