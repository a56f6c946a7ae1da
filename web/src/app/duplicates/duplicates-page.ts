import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { AuthStore } from '../core/auth-store';
import { stateLabel } from '../core/labels';
import { problemLines } from '../core/problem';
import { DuplicatesStore } from './duplicates-store';
import { MergePanel } from './merge-panel';

const REASONS: Record<string, string> = {
  SameEmail: 'Same email',
  SameNameAndCompany: 'Same name at the same company',
};

/** Groups of probable duplicates; Marketing and Admins merge two of a group side by side. */
@Component({
  selector: 'app-duplicates-page',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, MergePanel],
  providers: [DuplicatesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page dup-page">
      <a routerLink="/leads" class="back">← Leads</a>
      <h1>Probable duplicates</h1>
      @if (store.error(); as problem) {
        <div class="error-box" role="alert">{{ lines(problem).join('\\n') }}</div>
      }
      @if (store.merged(); as m) {
        <div class="ok-box" role="status" data-testid="merged">
          {{ m.absorbedName }} was merged into
          <a [routerLink]="['/leads', m.survivor.id]">{{ m.survivor.name }}</a>.
        </div>
      }
      <app-merge-panel />
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Looking for duplicates" />
      }
      @for (g of store.groups(); track g.reason + g.key) {
        <section class="card-box group" data-testid="dup-group" [attr.data-key]="g.key">
          <h2>{{ reason(g.reason) }}: {{ g.key }}</h2>
          <table class="plain">
            <thead>
              <tr>
                <th>Name</th>
                <th>Email</th>
                <th>Company</th>
                <th>Stage</th>
                <th>Score</th>
                <th>Owner</th>
                <th>Created</th>
                @if (canMerge()) {
                  <th></th>
                }
              </tr>
            </thead>
            <tbody>
              @for (l of g.leads; track l.id; let first = $first) {
                <tr [attr.data-lead-id]="l.id">
                  <td>
                    <a [routerLink]="['/leads', l.id]">{{ l.name }}</a>
                  </td>
                  <td>{{ l.email }}</td>
                  <td>{{ l.company }}</td>
                  <td>{{ stateLabel(l.state) }}</td>
                  <td>{{ l.totalScore }}</td>
                  <td>{{ l.ownerName }}</td>
                  <td>{{ l.createdAt.slice(0, 10) }}</td>
                  @if (canMerge()) {
                    <td>
                      @if (!first) {
                        <button
                          mat-stroked-button
                          type="button"
                          [disabled]="store.busy()"
                          (click)="store.compare(g.leads[0].id, l.id)"
                          data-testid="compare"
                        >
                          Merge into {{ g.leads[0].name }}…
                        </button>
                      }
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </section>
      } @empty {
        @if (!store.loading()) {
          <p class="empty">No probable duplicates.</p>
        }
      }
    </div>
  `,
  styles: `
    .dup-page {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    h1,
    h2 {
      margin: 0 0 8px;
    }
    .ok-box {
      border: 1px solid #a5d6a7;
      background: #e6f3e7;
      padding: 8px 12px;
      border-radius: 6px;
    }
  `,
})
export class DuplicatesPage {
  protected readonly store = inject(DuplicatesStore);
  private readonly auth = inject(AuthStore);
  /** The API lets Marketing and Admins merge. */
  protected readonly canMerge = computed(() => this.auth.hasRole('Marketing', 'Admin'));
  protected readonly stateLabel = stateLabel;
  protected readonly lines = problemLines;
  protected readonly reason = (r: string) => REASONS[r] ?? r;

  constructor() {
    void this.store.load();
  }
}
