import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  AgreementAmendment,
  AgreementClient,
  AgreementVersionDto,
  ReviewActionDto,
  ReviewActionRequest,
  ReviewBriefDto,
  ReviewDecisionDto,
  ReviewDto,
  ReviewNoteKind,
  RecordDecisionRequest,
  ReviewPersonDto,
  ReviewsClient,
} from '../api/l2r-api';
import { saveFile } from '../core/download';
import { Problem, toProblem } from '../core/problem';

const NOT_LOADED = toProblem(new Error('The review is not loaded yet.'));

export type Saved<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/**
 * One review as the page shows it: the review with its notes, decisions and actions, the brief version on screen,
 * the people to name as owners and the active agreement the decision form chooses from. A brief that arrives after
 * another version was picked is dropped.
 */
@Injectable()
export class ReviewStore {
  private readonly client = inject(ReviewsClient);
  private readonly agreements = inject(AgreementClient);
  private briefRequest = 0;

  readonly review = signal<ReviewDto | null>(null);
  readonly brief = signal<ReviewBriefDto | null>(null);
  readonly people = signal<ReviewPersonDto[]>([]);
  readonly agreement = signal<AgreementVersionDto | null>(null);
  readonly loading = signal(false);
  readonly regenerating = signal(false);
  readonly error = signal<Problem | null>(null);

  /** Versions offered by the picker, newest first. */
  readonly versions = computed(() => [...(this.review()?.briefs ?? [])].reverse());

  async load(id: string): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const [review, people, agreement] = await Promise.all([
        firstValueFrom(this.client.getReview(id)),
        firstValueFrom(this.client.listReviewPeople()).catch(() => []),
        firstValueFrom(this.agreements.getActiveAgreement()).catch(() => null),
      ]);
      this.review.set(review);
      this.people.set(people);
      this.agreement.set(agreement);
      const latest = review.briefs.at(-1)?.version;
      if (latest !== undefined) await this.showBrief(latest);
      else this.brief.set(null);
    } catch (e) {
      this.error.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }

  async showBrief(version: number): Promise<void> {
    const id = this.review()?.review.id;
    if (!id) return;
    const request = ++this.briefRequest;
    try {
      const brief = await firstValueFrom(this.client.getReviewBrief(id, version));
      if (request === this.briefRequest) this.brief.set(brief);
    } catch (e) {
      if (request === this.briefRequest) this.error.set(toProblem(e));
    }
  }

  /** Generates the brief again as a new version and shows it; the earlier versions stay in the picker. */
  async regenerate(): Promise<Problem | null> {
    const id = this.review()?.review.id;
    if (!id) return null;
    this.regenerating.set(true);
    try {
      const brief = await firstValueFrom(this.client.generateReviewBrief(id));
      this.briefRequest++;
      this.brief.set(brief);
      this.update((r) => ({
        ...r,
        briefs: [
          ...r.briefs,
          {
            version: brief.version,
            generatedAt: brief.generatedAt,
            generatedBy: brief.generatedBy,
          },
        ],
        review: { ...r.review, latestBriefVersion: brief.version },
      }));
      return null;
    } catch (e) {
      return toProblem(e);
    } finally {
      this.regenerating.set(false);
    }
  }

  async addNote(kind: ReviewNoteKind, text: string): Promise<Problem | null> {
    const id = this.review()?.review.id;
    if (!id) return null;
    try {
      const call =
        kind === 'AgendaItem'
          ? this.client.addReviewAgendaItem(id, { text })
          : this.client.addReviewComment(id, { text });
      const note = await firstValueFrom(call);
      this.update((r) =>
        kind === 'AgendaItem'
          ? { ...r, agendaItems: [...r.agendaItems, note] }
          : { ...r, comments: [...r.comments, note] },
      );
      return null;
    } catch (e) {
      return toProblem(e);
    }
  }

  async editNote(noteId: string, text: string): Promise<Problem | null> {
    const id = this.review()?.review.id;
    if (!id) return null;
    try {
      const note = await firstValueFrom(this.client.updateReviewNote(id, noteId, { text }));
      const swap = (notes: ReviewDto['comments']) => notes.map((n) => (n.id === noteId ? note : n));
      this.update((r) => ({ ...r, agendaItems: swap(r.agendaItems), comments: swap(r.comments) }));
      return null;
    } catch (e) {
      return toProblem(e);
    }
  }

  async deleteNote(noteId: string): Promise<Problem | null> {
    const id = this.review()?.review.id;
    if (!id) return null;
    try {
      await firstValueFrom(this.client.deleteReviewNote(id, noteId));
      const drop = (notes: ReviewDto['comments']) => notes.filter((n) => n.id !== noteId);
      this.update((r) => ({ ...r, agendaItems: drop(r.agendaItems), comments: drop(r.comments) }));
      return null;
    } catch (e) {
      return toProblem(e);
    }
  }

  /** Records a decision; one with a change answers the draft it went into, for the page to open. */
  async recordDecision(
    text: string,
    change: AgreementAmendment | undefined,
  ): Promise<Saved<ReviewDecisionDto>> {
    const id = this.review()?.review.id;
    if (!id) return { ok: false, problem: NOT_LOADED };
    try {
      // The document offers each kind of change (oneOf); the generated client types the property as the first kind.
      const request = { text: text || undefined, change } as RecordDecisionRequest;
      const decision = await firstValueFrom(this.client.recordReviewDecision(id, request));
      this.update((r) => ({ ...r, decisions: [...r.decisions, decision] }));
      return { ok: true, value: decision };
    } catch (e) {
      return { ok: false, problem: toProblem(e) };
    }
  }

  async saveAction(
    request: ReviewActionRequest,
    actionId?: string,
  ): Promise<Saved<ReviewActionDto>> {
    const id = this.review()?.review.id;
    if (!id) return { ok: false, problem: NOT_LOADED };
    try {
      const action = await firstValueFrom(
        actionId
          ? this.client.updateReviewAction(id, actionId, request)
          : this.client.addReviewAction(id, request),
      );
      this.update((r) => ({
        ...r,
        actions: actionId
          ? r.actions.map((a) => (a.id === actionId ? action : a))
          : [...r.actions, action],
      }));
      return { ok: true, value: action };
    } catch (e) {
      return { ok: false, problem: toProblem(e) };
    }
  }

  /** Saves the brief on screen as a Markdown file, to attach to the meeting's invite. */
  async downloadMarkdown(): Promise<Problem | null> {
    const brief = this.brief();
    if (!brief) return null;
    try {
      const file = await firstValueFrom(
        this.client.getReviewBriefMarkdown(brief.reviewId, brief.version),
      );
      saveFile(file, `review-${brief.reviewDate}-brief-v${brief.version}.md`);
      return null;
    } catch (e) {
      return toProblem(e);
    }
  }

  private update(change: (review: ReviewDto) => ReviewDto): void {
    const current = this.review();
    if (current) this.review.set(change(current));
  }
}
