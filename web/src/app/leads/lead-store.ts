import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom, forkJoin } from 'rxjs';
import {
  ActivityDto,
  HistoryEntryDto,
  LeadDto,
  LeadFeedbackDto,
  LeadHistoryDto,
  LeadsClient,
  RecordActivityRequest,
  ScoreBreakdownDto,
  SlaClockDto,
  TransitionOptionDto,
  UpdateLeadRequest,
} from '../api/l2r-api';
import { activityLabel, stateLabel } from '../core/labels';
import { LeadChange, isNewer } from '../core/live-store';
import { Problem, problemLines, toProblem } from '../core/problem';
import { MoveReason, triggerRequest } from '../moves/move-flow';

/** A stale save: what the user tried to write, and the lead as it is now. Nothing the user typed is lost. */
export interface EditConflict {
  mine: UpdateLeadRequest;
  latest: LeadDto;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** What the page tells the user after an action: what was saved or moved, or why not. */
export interface Notice {
  kind: 'ok' | 'error';
  lines: string[];
}

const done = (...lines: string[]): Notice => ({ kind: 'ok', lines });
const failed = (problem: Problem): Notice => ({ kind: 'error', lines: problemLines(problem) });

/** One lead's page: its data, moves, history, journey and score, kept consistent after every change. */
@Injectable()
export class LeadStore {
  private readonly client = inject(LeadsClient);

  readonly lead = signal<LeadDto | null>(null);
  readonly options = signal<TransitionOptionDto[]>([]);
  readonly history = signal<LeadHistoryDto>({
    transitions: [],
    changes: [],
    assignments: [],
    intel: [],
  });
  readonly activities = signal<ActivityDto[]>([]);
  /** What reps heard, by the activity or move it was recorded with. */
  readonly intelByActivity = computed(
    () =>
      new Map(
        (this.history().intel ?? []).filter((i) => i.activityId).map((i) => [i.activityId!, i]),
      ),
  );
  readonly intelByTransition = computed(
    () =>
      new Map(
        (this.history().intel ?? []).filter((i) => i.transitionId).map((i) => [i.transitionId!, i]),
      ),
  );
  readonly score = signal<ScoreBreakdownDto | null>(null);
  /** The reasons sales gave for this lead, newest first, with the agreement clause each disputes. */
  readonly feedback = signal<LeadFeedbackDto[]>([]);
  /** The lead's SLA clocks, newest first (the server's order). */
  readonly slaClocks = signal<SlaClockDto[]>([]);
  readonly loading = signal(false);
  readonly error = signal<Problem | null>(null);
  readonly conflict = signal<EditConflict | null>(null);
  /** A save, move or activity is on its way to the server. */
  readonly busy = signal(false);
  readonly notice = signal<Notice | null>(null);

  /** The server's display name (it falls back to the email); never rebuilt here, so every screen shows the same one. */
  readonly name = computed(() => this.lead()?.name || 'Lead');

  /**
   * The server sends the history oldest first, by instant and then by step: a creation or a move and the automatic
   * moves it set off share one instant. Reversing keeps those in order; sorting by time alone would scramble them.
   */
  readonly transitionsNewestFirst = computed(() =>
    [...(this.history().transitions ?? [])].reverse(),
  );
  readonly changesNewestFirst = computed(() =>
    [...(this.history().changes ?? [])].sort((a, b) =>
      (b.changedAt ?? '').localeCompare(a.changedAt ?? ''),
    ),
  );
  readonly activitiesNewestFirst = computed(() =>
    [...this.activities()].sort((a, b) => (b.occurredAt ?? '').localeCompare(a.occurredAt ?? '')),
  );

  private id = '';

  async load(id: string): Promise<void> {
    this.id = id;
    this.loading.set(true);
    this.error.set(null);
    try {
      const all = await firstValueFrom(
        forkJoin({
          lead: this.client.getLead(id),
          options: this.client.getLeadTransitions(id),
          history: this.client.getLeadHistory(id),
          activities: this.client.listActivities(id),
          score: this.client.getLeadScore(id),
          feedback: this.client.getLeadFeedback(id),
          sla: this.client.getLeadSla(id),
        }),
      );
      if (id !== this.id) return;
      this.lead.set(all.lead);
      this.options.set(all.options ?? []);
      this.history.set(all.history ?? {});
      this.activities.set(all.activities ?? []);
      this.score.set(all.score);
      this.feedback.set(all.feedback ?? []);
      this.slaClocks.set(all.sla ?? []);
    } catch (e) {
      if (id === this.id) this.error.set(toProblem(e));
    } finally {
      if (id === this.id) this.loading.set(false);
    }
  }

  /**
   * Someone else changed this lead (a push): reload it, unless the page already shows that version (the echo of this
   * user's own action) or this user's own action on it is still under way (its answer reloads the page, and its
   * notice says what it did). A move is news only when the page shows another stage. A lead merged away or deleted
   * reloads into the page's "not found" with its survivor.
   */
  async applyRemote(change: LeadChange): Promise<void> {
    const lead = this.lead();
    if (!lead || change.leadId !== lead.id || this.busy()) return;
    if (!isNewer(change, lead.version)) return;
    if (change.kind === 'moved' && change.card && change.card.state !== lead.state) {
      const who = change.actorName ?? 'Someone';
      this.notice.set(done(`${who} moved this lead to ${stateLabel(change.card.state)}.`));
    }
    await this.load(lead.id);
  }

  /** Saves only the changed fields, guarded by the version the user saw (If-Match). A 412 becomes a conflict to resolve. */
  async save(changes: UpdateLeadRequest): Promise<Outcome<LeadDto>> {
    const lead = this.lead();
    if (!lead?.id) return { ok: false, problem: toProblem(null) };
    if (!Object.keys(changes).length) {
      this.notice.set(done('Nothing changed.'));
      return { ok: true, value: lead };
    }
    this.busy.set(true);
    try {
      const result = await firstValueFrom(
        this.client.updateLead(lead.id, changes, `"${lead.version}"`),
      );
      const saved: LeadDto = result.lead ?? lead;
      this.conflict.set(null);
      this.lead.set(saved);
      this.notice.set(done('Saved.'));
      void this.refreshDerived();
      return { ok: true, value: saved };
    } catch (e) {
      const problem = toProblem(e);
      if (problem.status === 412) {
        try {
          const latest = await firstValueFrom(this.client.getLead(lead.id));
          this.conflict.set({ mine: changes, latest });
        } catch {
          this.conflict.set({ mine: changes, latest: lead });
        }
      }
      // The conflict panel explains a stale save.
      this.notice.set(problem.status === 412 ? null : failed(problem));
      return { ok: false, problem };
    } finally {
      this.busy.set(false);
    }
  }

  /** Conflict resolved in favour of the other writer: show their version, drop ours. */
  acceptTheirs(): void {
    const c = this.conflict();
    if (!c) return;
    this.lead.set(c.latest);
    this.conflict.set(null);
    this.notice.set(done('Showing the latest version; your unsaved changes were discarded.'));
    void this.refreshDerived();
  }

  /** Conflict resolved in favour of ours: write our changes on top of the version we now know. */
  async overwriteWithMine(): Promise<Outcome<LeadDto>> {
    const c = this.conflict();
    if (!c) return { ok: false, problem: toProblem(null) };
    this.lead.set(c.latest);
    const outcome = await this.save(c.mine);
    this.notice.set(
      outcome.ok
        ? done('Your changes were saved over the newer version.')
        : failed(outcome.problem),
    );
    return outcome;
  }

  async fire(
    option: TransitionOptionDto,
    reason: MoveReason = {},
  ): Promise<Outcome<HistoryEntryDto[]>> {
    const lead = this.lead();
    if (!lead?.id) return { ok: false, problem: toProblem(null) };
    this.busy.set(true);
    try {
      const result = await firstValueFrom(
        this.client.fireTrigger(lead.id, triggerRequest(option, reason), `"${lead.version}"`),
      );
      if (result.lead) this.lead.set(result.lead);
      await this.refreshDerived();
      const transitions = result.transitions ?? [];
      this.notice.set(done(`Moved to ${transitions.map((t) => stateLabel(t.to)).join(' → ')}.`));
      return { ok: true, value: transitions };
    } catch (e) {
      const problem = toProblem(e);
      this.notice.set(failed(problem));
      return { ok: false, problem };
    } finally {
      this.busy.set(false);
    }
  }

  /** Records an activity; the agreement may advance the lead because of it, and the notice says so. */
  async recordActivity(request: RecordActivityRequest): Promise<Outcome<HistoryEntryDto[]>> {
    const lead = this.lead();
    if (!lead?.id) return { ok: false, problem: toProblem(null) };
    this.busy.set(true);
    try {
      const result = await firstValueFrom(this.client.recordActivity(lead.id, request));
      if (result.lead) this.lead.set(result.lead);
      await this.refreshDerived();
      const transitions = result.transitions ?? [];
      const moved = transitions.map((t) => stateLabel(t.to));
      this.notice.set(
        done(
          `${activityLabel(request.type)} recorded.${moved.length ? ` The lead advanced to ${moved.join(' → ')}.` : ''}`,
        ),
      );
      return { ok: true, value: transitions };
    } catch (e) {
      const problem = toProblem(e);
      this.notice.set(failed(problem));
      return { ok: false, problem };
    } finally {
      this.busy.set(false);
    }
  }

  /** Moves, history, journey, score, feedback and SLA clocks depend on the lead's data: reload them after any change. */
  private async refreshDerived(): Promise<void> {
    const id = this.lead()?.id;
    if (!id) return;
    try {
      const all = await firstValueFrom(
        forkJoin({
          options: this.client.getLeadTransitions(id),
          history: this.client.getLeadHistory(id),
          activities: this.client.listActivities(id),
          score: this.client.getLeadScore(id),
          feedback: this.client.getLeadFeedback(id),
          sla: this.client.getLeadSla(id),
        }),
      );
      this.options.set(all.options ?? []);
      this.history.set(all.history ?? {});
      this.activities.set(all.activities ?? []);
      this.score.set(all.score);
      this.feedback.set(all.feedback ?? []);
      this.slaClocks.set(all.sla ?? []);
    } catch (e) {
      this.error.set(toProblem(e));
    }
  }
}
