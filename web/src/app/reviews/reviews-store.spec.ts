import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
import { ReviewsClient } from '../api/l2r-api';
import { apiError } from '../../testing/fakes';
import { ReviewsStore } from './reviews-store';

describe('ReviewsStore', () => {
  let client: Record<string, ReturnType<typeof vi.fn>>;
  let store: ReviewsStore;

  beforeEach(() => {
    client = {
      listReviews: vi.fn(() =>
        of([
          { id: 'r2', isPast: false },
          { id: 'r1', isPast: true },
        ]),
      ),
      getReviewCadence: vi.fn(() => of({ configured: true, everyWeeks: 2, weekday: 'Tuesday' })),
      listReviewPeople: vi.fn(() => of([{ id: 'u1', name: 'Mia', roles: ['Marketing'] }])),
      updateReviewCadence: vi.fn(() => of({ configured: true, everyWeeks: 1, weekday: 'Monday' })),
    };
    TestBed.configureTestingModule({
      providers: [ReviewsStore, { provide: ReviewsClient, useValue: client }],
    });
    store = TestBed.inject(ReviewsStore);
  });

  it('loads the reviews, the cadence and the people it can name', async () => {
    await store.load();

    expect(store.reviews().map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(store.cadence()?.everyWeeks).toBe(2);
    expect(store.people().map((p) => p.name)).toEqual(['Mia']);
    expect(store.loading()).toBe(false);
  });

  it('saves the cadence and reads the reviews again, since the next one may have moved', async () => {
    client['listReviews'].mockReturnValueOnce(of([{ id: 'r3', isPast: false }]));

    const problem = await store.saveCadence({
      weekday: 'Monday',
      everyWeeks: 1,
      firstDate: '2030-01-07',
      localTime: '09:30:00',
      participants: ['u1'],
    });

    expect(problem).toBeNull();
    expect(store.cadence()?.weekday).toBe('Monday');
    expect(store.reviews().map((r) => r.id)).toEqual(['r3']);
  });

  it('answers a refused cadence with its problem and keeps the one it had', async () => {
    await store.load();
    client['updateReviewCadence'].mockReturnValueOnce(
      throwError(() => apiError(400, { title: 'Invalid', errors: { everyWeeks: ['Too many'] } })),
    );

    const problem = await store.saveCadence({
      weekday: 'Monday',
      everyWeeks: 40,
      firstDate: '2030-01-07',
      localTime: '09:30:00',
      participants: [],
    });

    expect(problem?.errors['everyWeeks']).toEqual(['Too many']);
    expect(store.cadence()?.everyWeeks).toBe(2);
  });
});
