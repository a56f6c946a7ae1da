import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  ReviewCadenceDto,
  ReviewPersonDto,
  ReviewSummaryDto,
  ReviewsClient,
  UpdateReviewCadenceRequest,
} from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';

/** The reviews list (the next one first, then the past ones), the cadence and the people it can name. */
@Injectable()
export class ReviewsStore {
  private readonly client = inject(ReviewsClient);

  readonly reviews = signal<ReviewSummaryDto[]>([]);
  readonly cadence = signal<ReviewCadenceDto | null>(null);
  readonly people = signal<ReviewPersonDto[]>([]);
  readonly loading = signal(false);
  readonly error = signal<Problem | null>(null);

  async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const [reviews, cadence, people] = await Promise.all([
        firstValueFrom(this.client.listReviews()),
        firstValueFrom(this.client.getReviewCadence()),
        firstValueFrom(this.client.listReviewPeople()),
      ]);
      this.reviews.set(reviews);
      this.cadence.set(cadence);
      this.people.set(people);
    } catch (e) {
      this.error.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }

  /** Saves the cadence (Admin); the reviews are read again, since the next one may have moved. Resolves to the problem, if any. */
  async saveCadence(request: UpdateReviewCadenceRequest): Promise<Problem | null> {
    try {
      this.cadence.set(await firstValueFrom(this.client.updateReviewCadence(request)));
      this.reviews.set(await firstValueFrom(this.client.listReviews()));
      return null;
    } catch (e) {
      return toProblem(e);
    }
  }
}
