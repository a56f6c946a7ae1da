import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  AgreementClient,
  AgreementDraftDto,
  LeadAgreement,
  ReasonLists,
  Role,
} from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';
import { REASON_GROUPS, ReasonListName, editorPaths, forApi, missingNumbers } from './criteria';

/**
 * One draft: its sign-off state from the server, the admin's working copy of its content, and the problems the
 * API found, keyed by path (`transitions[1].criteria[0].field`) so the editor shows each beside its field.
 */
@Injectable()
export class DraftStore {
  private readonly client = inject(AgreementClient);

  readonly draft = signal<AgreementDraftDto | null>(null);
  readonly working = signal<LeadAgreement | null>(null);
  readonly dirty = signal(false);
  readonly errors = signal<Record<string, string[]>>({});
  /** A save or approval refused because someone else changed the draft (412): the user must reload. */
  readonly stale = signal<Problem | null>(null);
  readonly error = signal<Problem | null>(null);
  readonly notice = signal<string | null>(null);
  readonly diagram = signal('');
  readonly loading = signal(false);
  readonly saving = signal(false);
  readonly busy = signal(false);
  /** Reason codes of the version the draft started from: leads may carry them, so they stay as they are. */
  readonly lockedCodes = signal<Record<ReasonListName, string[]>>(emptyCodes());

  readonly isDraft = computed(() => this.draft()?.status === 'Draft');

  /** The problems found at one path, as one line; null when there are none. */
  errorAt(path: string): string | null {
    return this.errors()[path]?.join(' ') || null;
  }

  async load(id: string): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const draft = await firstValueFrom(this.client.getDraft(id));
      this.accept(draft);
      this.stale.set(null);
      this.notice.set(null);
      void this.loadDiagram();
      void this.loadLockedCodes(draft);
    } catch (e) {
      this.error.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }

  /** Throws away unsaved edits and reads the draft as it is now. */
  reload(): Promise<void> {
    const id = this.draft()?.id;
    return id ? this.load(id) : Promise.resolve();
  }

  /** Changes the working copy; the editor's components describe the change as a mutation of a copy. */
  edit(mutate: (agreement: LeadAgreement) => void, options: { structural?: boolean } = {}): void {
    const current = this.working();
    if (!current) return;
    const next = structuredClone(current);
    mutate(next);
    this.working.set(next);
    this.dirty.set(true);
    this.notice.set(null);
    // Paths shift when rows come and go, so the old messages would point at the wrong rows.
    if (options.structural) this.errors.set({});
  }

  /** Drops unsaved edits without a round trip. */
  revert(): void {
    const draft = this.draft();
    if (!draft?.agreement) return;
    this.working.set(structuredClone(draft.agreement));
    this.dirty.set(false);
    this.errors.set(issueErrors(draft));
  }

  /** Saves the working copy with the revision it was based on; true when the API accepted it. */
  async save(): Promise<boolean> {
    const draft = this.draft();
    const working = this.working();
    if (!draft?.id || !working) return false;
    const local = missingNumbers(working);
    if (Object.keys(local).length) {
      this.errors.set(local);
      return false;
    }
    this.saving.set(true);
    this.error.set(null);
    this.notice.set(null);
    try {
      const hadApprovals = (draft.approvals ?? []).length > 0;
      const saved = await firstValueFrom(
        this.client.updateDraft(draft.id, { agreement: forApi(working), revision: draft.revision }),
      );
      this.accept(saved);
      const changed = saved.revision !== draft.revision;
      this.notice.set(
        !changed
          ? 'Nothing changed.'
          : `Saved as revision ${saved.revision}.` +
              (hadApprovals
                ? ' The approvals were cleared: the new content needs signing again.'
                : ''),
      );
      if (changed) void this.loadDiagram();
      return true;
    } catch (e) {
      const problem = toProblem(e);
      if (problem.status === 400 && Object.keys(problem.errors).length) {
        this.errors.set(editorPaths(problem.errors));
      } else if (problem.status === 412) {
        this.stale.set(problem);
      } else {
        this.error.set(problem);
      }
      return false;
    } finally {
      this.saving.set(false);
    }
  }

  async approve(role: Role): Promise<boolean> {
    const draft = this.draft();
    if (!draft?.id) return false;
    return this.signOff(() =>
      firstValueFrom(this.client.approveDraft(draft.id!, { role, revision: draft.revision })),
    );
  }

  async withdraw(): Promise<boolean> {
    const id = this.draft()?.id;
    return id ? this.signOff(() => firstValueFrom(this.client.withdrawApproval(id))) : false;
  }

  async discard(): Promise<boolean> {
    const id = this.draft()?.id;
    if (!id) return false;
    this.busy.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(this.client.discardDraft(id));
      return true;
    } catch (e) {
      this.error.set(toProblem(e));
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  async loadDiagram(): Promise<void> {
    const id = this.draft()?.id;
    if (!id) return;
    try {
      this.diagram.set((await firstValueFrom(this.client.getDraftDiagram(id))).mermaid ?? '');
    } catch {
      // The editor works without the picture.
    }
  }

  private async signOff(call: () => Promise<AgreementDraftDto>): Promise<boolean> {
    this.busy.set(true);
    this.error.set(null);
    try {
      const updated = await call();
      this.draft.set(updated);
      return true;
    } catch (e) {
      const problem = toProblem(e);
      if (problem.status === 412) this.stale.set(problem);
      else this.error.set(problem);
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  private accept(draft: AgreementDraftDto): void {
    this.draft.set(draft);
    this.working.set(draft.agreement ? structuredClone(draft.agreement) : null);
    this.dirty.set(false);
    this.errors.set(issueErrors(draft));
  }

  private async loadLockedCodes(draft: AgreementDraftDto): Promise<void> {
    let reasons: ReasonLists | undefined = draft.agreement?.reasons;
    if (draft.basedOnVersion) {
      try {
        reasons = (await firstValueFrom(this.client.getAgreementVersion(draft.basedOnVersion)))
          .agreement?.reasons;
      } catch {
        // Fall back to the draft's own codes: safer to lock too many than too few.
      }
    }
    const codes = emptyCodes();
    for (const { list } of REASON_GROUPS)
      codes[list] = (reasons?.[list] ?? []).map((r) => r.code ?? '').filter(Boolean);
    this.lockedCodes.set(codes);
  }
}

function emptyCodes(): Record<ReasonListName, string[]> {
  return { reject: [], recycle: [], loss: [], disqualify: [], reopen: [] };
}

/** A stored draft's own problems (e.g. one started from a version that later rules refuse), as editor paths. */
function issueErrors(draft: AgreementDraftDto): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of draft.issues ?? []) {
    const path = issue.path ?? '';
    errors[path] = [...(errors[path] ?? []), issue.message ?? ''];
  }
  return errors;
}
