import { TestBed } from '@angular/core/testing';
import { Subject, of, throwError } from 'rxjs';
import { AgreementClient, ReviewBriefDto, ReviewsClient } from '../api/l2r-api';
import { apiError } from '../../testing/fakes';
import { ReviewStore } from './review-store';

const brief = (version: number): ReviewBriefDto =>
  ({
    reviewId: 'r1',
    reviewDate: '2030-01-08',
    version,
    generatedAt: `2030-01-0${version}T00:00:00Z`,
    generatedByName: 'scheduled',
    content: { sections: [] },
  }) as unknown as ReviewBriefDto;

const review = () => ({
  review: { id: 'r1', latestBriefVersion: 2 },
  agendaItems: [{ id: 'n1', kind: 'AgendaItem', text: 'Webinar leads', authorId: 'me' }],
  comments: [],
  decisions: [],
  actions: [],
  briefs: [
    { version: 1, generatedAt: '2030-01-01T00:00:00Z' },
    { version: 2, generatedAt: '2030-01-02T00:00:00Z' },
  ],
});

describe('ReviewStore', () => {
  let client: Record<string, ReturnType<typeof vi.fn>>;
  let store: ReviewStore;

  beforeEach(() => {
    client = {
      getReview: vi.fn(() => of(review())),
      listReviewPeople: vi.fn(() => of([{ id: 'u1', name: 'Sam' }])),
      getReviewBrief: vi.fn((_: string, version: number) => of(brief(version))),
      generateReviewBrief: vi.fn(() => of(brief(3))),
      addReviewAgendaItem: vi.fn(() => of({ id: 'n2', kind: 'AgendaItem', text: 'Pricing' })),
      addReviewComment: vi.fn(() => of({ id: 'n3', kind: 'Comment', text: 'Agreed' })),
      updateReviewNote: vi.fn(() =>
        of({ id: 'n1', kind: 'AgendaItem', text: 'Webinar leads slipped' }),
      ),
      deleteReviewNote: vi.fn(() => of(undefined)),
      recordReviewDecision: vi.fn(() =>
        of({
          id: 'd1',
          number: 1,
          text: 'Set the fit rule title-vp to 25 points',
          draftVersion: 4,
          draftId: 'draft-4',
        }),
      ),
      addReviewAction: vi.fn(() =>
        of({ id: 'a1', title: 'Call back', status: 'Open', version: 0 }),
      ),
      updateReviewAction: vi.fn(() =>
        of({ id: 'a1', title: 'Call back', status: 'Done', version: 1 }),
      ),
    };
    TestBed.configureTestingModule({
      providers: [
        ReviewStore,
        { provide: ReviewsClient, useValue: client },
        {
          provide: AgreementClient,
          useValue: { getActiveAgreement: vi.fn(() => of({ version: 3 })) },
        },
      ],
    });
    store = TestBed.inject(ReviewStore);
  });

  it('loads the review and shows its latest brief, offering the versions newest first', async () => {
    await store.load('r1');

    expect(client['getReviewBrief']).toHaveBeenCalledWith('r1', 2);
    expect(store.brief()?.version).toBe(2);
    expect(store.versions().map((v) => v.version)).toEqual([2, 1]);
    expect(store.agreement()?.version).toBe(3);
  });

  it('drops a brief that arrives after another version was picked', async () => {
    await store.load('r1');
    const slow = new Subject<ReviewBriefDto>();
    client['getReviewBrief'].mockReturnValueOnce(slow);

    const first = store.showBrief(1);
    await store.showBrief(2);
    slow.next(brief(1));
    slow.complete();
    await first;

    expect(store.brief()?.version).toBe(2);
  });

  it('regenerates as a new version, shown and added to the picker', async () => {
    await store.load('r1');

    expect(await store.regenerate()).toBeNull();

    expect(store.brief()?.version).toBe(3);
    expect(store.versions().map((v) => v.version)).toEqual([3, 2, 1]);
    expect(store.review()?.review.latestBriefVersion).toBe(3);
  });

  it('adds, rewords and deletes agenda items and comments', async () => {
    await store.load('r1');

    await store.addNote('AgendaItem', 'Pricing');
    await store.addNote('Comment', 'Agreed');
    await store.editNote('n1', 'Webinar leads slipped');
    await store.deleteNote('n2');

    expect(store.review()?.agendaItems.map((n) => n.text)).toEqual(['Webinar leads slipped']);
    expect(store.review()?.comments.map((n) => n.text)).toEqual(['Agreed']);
  });

  it('records a decision with its change and answers the draft it went into', async () => {
    await store.load('r1');
    const change = { kind: 'setRulePoints', scoring: 'Fit', ruleId: 'title-vp', points: 25 };

    const saved = await store.recordDecision('', change);

    expect(client['recordReviewDecision']).toHaveBeenCalledWith('r1', { text: undefined, change });
    expect(saved.ok && saved.value.draftId).toBe('draft-4');
    expect(store.review()?.decisions.map((d) => d.number)).toEqual([1]);
  });

  it('answers a refused decision with its problem and records nothing', async () => {
    await store.load('r1');
    client['recordReviewDecision'].mockReturnValueOnce(
      throwError(() => apiError(403, { title: 'Not allowed' })),
    );

    const retire = { kind: 'retireReason', list: 'Reject', code: 'x' };
    const saved = await store.recordDecision('', retire);

    expect(saved.ok ? null : saved.problem.status).toBe(403);
    expect(store.review()?.decisions).toEqual([]);
  });

  it('adds an action and then changes its status in place', async () => {
    await store.load('r1');

    await store.saveAction({ title: 'Call back', ownerId: 'u1', dueDate: '2030-01-10' });
    await store.saveAction(
      { title: 'Call back', ownerId: 'u1', dueDate: '2030-01-10', status: 'Done', version: 0 },
      'a1',
    );

    expect(client['updateReviewAction']).toHaveBeenCalledWith(
      'r1',
      'a1',
      expect.objectContaining({ status: 'Done' }),
    );
    expect(store.review()?.actions.map((a) => a.status)).toEqual(['Done']);
  });
});
