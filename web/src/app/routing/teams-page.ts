import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TeamDto, TeamRequest } from '../api/l2r-api';
import { Problem, problemLines } from '../core/problem';
import { TeamEditor } from './team-editor';
import { TeamsStore } from './teams-store';

/** Admin screen: the teams routing sends leads to, their members, caps, open leads and queues. */
@Component({
  selector: 'app-teams-page',
  imports: [MatButtonModule, MatProgressBarModule, TeamEditor],
  providers: [TeamsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <h1>Teams</h1>
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading teams" />
      }
      @for (p of [problem(), store.error()]; track $index) {
        @if (p) {
          <div class="error-box" role="alert">{{ lines(p).join('\\n') }}</div>
        }
      }
      @for (t of store.teams(); track t.id) {
        <section class="card-box" data-testid="team" [attr.aria-label]="t.name">
          <h2>{{ t.name }}</h2>
          <p class="meta">
            Team lead: {{ t.leadName ?? 'none' }} · waiting in the queue: {{ t.waiting ?? 0 }}
            @if (t.routedTo) {
              · routed to by the active agreement
            }
          </p>
          <table class="plain" aria-label="Members of {{ t.name }}">
            <thead>
              <tr>
                <th>Member</th>
                <th>Weight</th>
                <th>Open leads</th>
                <th>Max open</th>
                <th>Max new per day</th>
              </tr>
            </thead>
            <tbody>
              @for (m of t.members ?? []; track m.userId) {
                <tr>
                  <td>{{ m.name }}</td>
                  <td>{{ m.weight }}</td>
                  <td>{{ m.openLeads }}</td>
                  <td>{{ m.maxOpenLeads ?? '—' }}</td>
                  <td>{{ m.maxNewLeadsPerDay ?? '—' }}</td>
                </tr>
              }
            </tbody>
          </table>
          @if ((t.queue ?? []).length > 0) {
            <h3>Queue</h3>
            <ol class="queue">
              @for (q of t.queue ?? []; track q.leadId) {
                <li>{{ q.displayName }} · waiting since {{ q.queuedAt }}</li>
              }
            </ol>
          }
          <div class="actions">
            <button mat-stroked-button type="button" (click)="editing.set(t)">Edit</button>
            <button
              mat-button
              type="button"
              (click)="remove(t)"
              [disabled]="t.routedTo"
              [attr.title]="
                t.routedTo
                  ? 'The active agreement routes leads to this team: change its routing rules first.'
                  : null
              "
            >
              Delete
            </button>
          </div>
        </section>
      } @empty {
        @if (!store.loading()) {
          <p class="empty">No teams yet.</p>
        }
      }
      <section class="card-box">
        @if (editing() !== undefined) {
          <h2>{{ editing() ? 'Edit ' + editing()!.name : 'New team' }}</h2>
          <app-team-editor
            [team]="editing() ?? null"
            [users]="store.users()"
            (saved)="save($event)"
            (cancelled)="editing.set(undefined)"
          />
        } @else {
          <button mat-flat-button type="button" (click)="editing.set(null)">New team</button>
        }
      </section>
    </div>
  `,
  styles: `
    .meta {
      color: var(--mat-sys-on-surface-variant, #555);
    }
    .actions {
      display: flex;
      gap: 8px;
      margin-top: 8px;
    }
    section {
      margin-bottom: 16px;
    }
  `,
})
export class TeamsPage implements OnInit {
  protected readonly store = inject(TeamsStore);
  protected readonly problem = signal<Problem | null>(null);

  /** undefined: no form; null: a new team; a team: editing it. */
  protected readonly editing = signal<TeamDto | null | undefined>(undefined);
  protected readonly lines = problemLines;

  ngOnInit(): void {
    void this.store.load();
  }

  protected async save(request: TeamRequest): Promise<void> {
    const problem = await this.store.save(this.editing()?.id ?? null, request);
    this.problem.set(problem);
    if (!problem) {
      this.editing.set(undefined);
    }
  }

  protected async remove(team: TeamDto): Promise<void> {
    this.problem.set(await this.store.remove(team.id!));
  }
}
