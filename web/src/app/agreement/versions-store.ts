import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  AgreementClient,
  AgreementDraftDto,
  AgreementVersionSummaryDto,
  VersionTransitionsDto,
} from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';

/** A version as the list shows it: status, who approved it, and how many moves were judged under it. */
export interface VersionRow {
  summary: AgreementVersionSummaryDto;
  detail: AgreementDraftDto | null;
  transitions: VersionTransitionsDto | null;
}

export type StartOutcome = { ok: true; draftId: string } | { ok: false; problem: Problem };

/** Versions list details are fetched for the newest versions only; older ones keep just their summary. */
const DETAILED_VERSIONS = 20;

/** The tenant's agreement versions, the open draft, and starting a new draft (from the active or an older version). */
@Injectable()
export class VersionsStore {
  private readonly client = inject(AgreementClient);

  readonly versions = signal<VersionRow[]>([]);
  readonly openDraft = signal<AgreementDraftDto | null>(null);
  readonly loading = signal(false);
  readonly error = signal<Problem | null>(null);

  async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const [summaries, open] = await Promise.all([
        firstValueFrom(this.client.listAgreementVersions()),
        firstValueFrom(this.client.getOpenDraft()),
      ]);
      this.openDraft.set(open?.draft ?? null);
      const rows = await Promise.all(
        (summaries ?? []).map(async (summary, i): Promise<VersionRow> => {
          if (i >= DETAILED_VERSIONS || summary.version === undefined)
            return { summary, detail: null, transitions: null };
          const [detail, transitions] = await Promise.all([
            firstValueFrom(this.client.getAgreementVersion(summary.version)).catch(() => null),
            summary.status === 'Draft'
              ? Promise.resolve(null)
              : firstValueFrom(this.client.listVersionTransitions(summary.version, 1)).catch(
                  () => null,
                ),
          ]);
          return { summary, detail, transitions };
        }),
      );
      this.versions.set(rows);
    } catch (e) {
      this.error.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }

  /**
   * Opens the tenant's one draft, from the active version or from `fromVersion` (a rollback is a new version).
   * When a draft is already open the answer names it, so the user is taken there instead.
   */
  async startDraft(fromVersion?: number): Promise<StartOutcome> {
    try {
      const draft = await firstValueFrom(this.client.createDraft({ fromVersion }));
      this.openDraft.set(draft);
      return { ok: true, draftId: draft.id! };
    } catch (e) {
      const problem = toProblem(e);
      const open = problem.extensions?.['draftId'];
      if (problem.status === 409 && typeof open === 'string') return { ok: true, draftId: open };
      return { ok: false, problem };
    }
  }
}
