import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { DatePipe } from '@angular/common';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { AuthStore } from '../core/auth-store';
import { Problem, problemLines } from '../core/problem';
import { BriefView } from './brief-view';
import { DecisionDraft, DecisionForm } from './decision-form';
import { ActionSave, ReviewActions } from './review-actions';
import { NoteEdit, ReviewNotes } from './review-notes';
import { ReviewStore } from './review-store';

/**
 * One review, made to be projected in the meeting room and printed: the brief with its versions, the agenda and
 * comments, the decisions (a named change opens the agreement draft it went into) and the actions.
 */
@Component({
  selector: 'app-review-page',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    BriefView,
    DecisionForm,
    ReviewActions,
    ReviewNotes,
  ],
  providers: [ReviewStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="review">
      <a class="no-print" routerLink="/reviews">← All reviews</a>
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the review" />
      }
      @if (store.error(); as p) {
        <div class="error-box" role="alert">{{ lines(p).join('\\n') }}</div>
      }
      @if (store.review(); as r) {
        <h1>Review of {{ r.review.startsAt | date: 'EEEE d MMMM y, HH:mm' }}</h1>
        <section aria-labelledby="brief-heading">
          <div class="bar no-print">
            <h2 id="brief-heading">Brief</h2>
            @if (store.versions().length) {
              <label
                >Version
                <select
                  aria-label="Brief version"
                  [value]="store.brief()?.version"
                  (change)="showVersion($event)"
                >
                  @for (v of store.versions(); track v.version) {
                    <option [value]="v.version">
                      v{{ v.version }} · {{ v.generatedAt | date: 'd MMM HH:mm'
                      }}{{ v.generatedBy ? '' : ' (scheduled)' }}
                    </option>
                  }
                </select>
              </label>
            }
            <button
              mat-stroked-button
              type="button"
              (click)="regenerate()"
              [disabled]="store.regenerating()"
            >
              Regenerate
            </button>
            <button
              mat-stroked-button
              type="button"
              (click)="download()"
              [disabled]="!store.brief()"
            >
              Download Markdown
            </button>
            <button mat-stroked-button type="button" (click)="print()">Print</button>
          </div>
          @if (problem(); as p) {
            <div class="error-box no-print" role="alert">{{ lines(p).join('\\n') }}</div>
          }
          @if (store.brief(); as brief) {
            <app-brief-view [brief]="brief" data-testid="brief" />
          } @else {
            <p class="quiet">
              No brief yet: it is made the day before the meeting ({{
                r.review.briefDueAt | date: 'd MMM HH:mm'
              }}), or now with Regenerate.
            </p>
          }
        </section>
        <section>
          <h2>Agenda</h2>
          <app-review-notes
            [notes]="r.agendaItems"
            [me]="auth.user()?.id"
            placeholder="Add an agenda item"
            (add)="addNote('AgendaItem', $event)"
            (edit)="editNote($event)"
            (remove)="deleteNote($event)"
          />
        </section>
        <section>
          <h2>Comments</h2>
          <app-review-notes
            [notes]="r.comments"
            [me]="auth.user()?.id"
            placeholder="Add a comment"
            (add)="addNote('Comment', $event)"
            (edit)="editNote($event)"
            (remove)="deleteNote($event)"
          />
        </section>
        <section>
          <h2>Decisions</h2>
          <ol class="decisions">
            @for (d of r.decisions; track d.id) {
              <li data-testid="review-decision">
                {{ d.text }}
                @if (d.draftId) {
                  <a [routerLink]="['/agreement/drafts', d.draftId]"
                    >open draft {{ d.draftVersion }}</a
                  >
                } @else if (d.draftVersion) {
                  <span class="quiet">(agreement version {{ d.draftVersion }})</span>
                }
              </li>
            }
          </ol>
          <div class="no-print">
            <app-decision-form
              [agreement]="store.agreement()?.agreement"
              [isAdmin]="auth.isAdmin()"
              (record)="record($event)"
            />
          </div>
        </section>
        <section>
          <h2>Actions</h2>
          <app-review-actions
            [actions]="r.actions"
            [people]="store.people()"
            (save)="saveAction($event)"
          />
        </section>
      }
    </div>
  `,
  styles: `
    .review {
      max-width: 60rem;
      margin: 0 auto;
      padding: 16px 24px 48px;
    }
    h1 {
      font-size: 2.25rem;
    }
    h2 {
      font-size: 1.6rem;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
    }
    .bar h2 {
      margin-right: auto;
    }
    .decisions {
      font-size: 1.2rem;
    }
    .decisions a {
      margin-left: 8px;
    }
    .quiet {
      color: var(--mat-sys-on-surface-variant, #555);
    }
    @media print {
      .review {
        max-width: none;
        padding: 0;
      }
    }
  `,
})
export class ReviewPage implements OnInit {
  protected readonly store = inject(ReviewStore);
  protected readonly auth = inject(AuthStore);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly decisionForm = viewChild(DecisionForm);
  protected readonly lines = problemLines;
  protected readonly problem = signal<Problem | null>(null);

  ngOnInit(): void {
    void this.store.load(this.route.snapshot.paramMap.get('id') ?? '');
  }

  protected showVersion(event: Event): void {
    void this.store.showBrief(Number((event.target as HTMLSelectElement).value));
  }

  protected async regenerate(): Promise<void> {
    this.problem.set(await this.store.regenerate());
  }

  protected async download(): Promise<void> {
    this.problem.set(await this.store.downloadMarkdown());
  }

  protected print(): void {
    window.print();
  }

  protected async addNote(kind: 'AgendaItem' | 'Comment', text: string): Promise<void> {
    this.problem.set(await this.store.addNote(kind, text));
  }

  protected async editNote(edit: NoteEdit): Promise<void> {
    this.problem.set(await this.store.editNote(edit.id, edit.text));
  }

  protected async deleteNote(id: string): Promise<void> {
    this.problem.set(await this.store.deleteNote(id));
  }

  /** A decision that changed the agreement opens its draft, where the simulation and the sign-offs are. */
  protected async record(draft: DecisionDraft): Promise<void> {
    const saved = await this.store.recordDecision(draft.text, draft.change);
    if (!saved.ok) {
      this.problem.set(saved.problem);
      return;
    }
    this.problem.set(null);
    this.decisionForm()?.reset();
    if (saved.value.draftId) await this.router.navigate(['/agreement/drafts', saved.value.draftId]);
  }

  protected async saveAction(save: ActionSave): Promise<void> {
    const saved = await this.store.saveAction(save.request, save.actionId);
    this.problem.set(saved.ok ? null : saved.problem);
  }
}
