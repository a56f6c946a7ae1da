import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { UpdateReviewCadenceRequest } from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import { Problem, problemLines } from '../core/problem';
import { CadenceForm } from './cadence-form';
import { ReviewsStore } from './reviews-store';

/** The joint reviews: the next one and the past ones, and (for Admins) the cadence they follow. */
@Component({
  selector: 'app-reviews-page',
  imports: [DatePipe, RouterLink, MatButtonModule, MatProgressBarModule, CadenceForm],
  providers: [ReviewsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <h1>Reviews</h1>
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the reviews" />
      }
      @if (store.error(); as p) {
        <div class="error-box" role="alert">{{ lines(p).join('\\n') }}</div>
      }
      @if (store.cadence(); as c) {
        @if (!c.configured) {
          <p class="empty">No cadence yet: an Admin sets when marketing and sales meet.</p>
        }
      }
      <ul class="reviews" aria-label="Reviews">
        @for (r of store.reviews(); track r.id) {
          <li data-testid="review-row">
            <a [routerLink]="['/reviews', r.id]">{{ r.startsAt | date: 'EEEE d MMMM y, HH:mm' }}</a>
            <span class="meta">
              {{ r.isPast ? 'held' : 'next' }} ·
              {{ r.latestBriefVersion ? 'brief v' + r.latestBriefVersion : 'no brief yet' }} ·
              {{ r.decisions }} decisions · {{ r.openActions }} open actions
            </span>
          </li>
        }
      </ul>
      @if (auth.isAdmin()) {
        <section class="card-box">
          <h2>Cadence</h2>
          <app-cadence-form
            [cadence]="store.cadence()"
            [people]="store.people()"
            (save)="save($event)"
          />
          @if (saveProblem(); as p) {
            <div class="error-box" role="alert">{{ lines(p).join('\\n') }}</div>
          }
        </section>
      }
    </div>
  `,
  styles: `
    .reviews {
      list-style: none;
      padding: 0;
      font-size: 1.2rem;
    }
    .reviews li {
      padding: 8px 0;
      display: flex;
      gap: 16px;
      align-items: baseline;
    }
    .meta {
      color: var(--mat-sys-on-surface-variant, #555);
      font-size: 0.95rem;
    }
  `,
})
export class ReviewsPage implements OnInit {
  protected readonly store = inject(ReviewsStore);
  protected readonly auth = inject(AuthStore);
  protected readonly lines = problemLines;
  protected readonly saveProblem = signal<Problem | null>(null);

  ngOnInit(): void {
    void this.store.load();
  }

  protected async save(request: UpdateReviewCadenceRequest): Promise<void> {
    this.saveProblem.set(await this.store.saveCadence(request));
  }
}
