import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { AgreementClient, AgreementDraftDto, Role } from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import { APPROVER_ROLES } from './criteria';

/** The approver roles a user holds that nobody has yet used to approve the draft's current revision. */
export function awaitingRoles(draft: AgreementDraftDto | null, roles: Role[]): Role[] {
  if (!draft || draft.status !== 'Draft') return [];
  const approved = new Set(
    (draft.approvals ?? []).filter((a) => a.revision === draft.revision).map((a) => a.role),
  );
  return APPROVER_ROLES.filter((r) => roles.includes(r) && !approved.has(r));
}

/** Whether the tenant's open draft waits for the signed-in marketer's or seller's approval. */
@Injectable()
export class PendingApprovalStore {
  private readonly client = inject(AgreementClient);
  private readonly auth = inject(AuthStore);

  readonly draft = signal<AgreementDraftDto | null>(null);
  readonly awaiting = computed(() => awaitingRoles(this.draft(), this.auth.roles()));

  async load(): Promise<void> {
    if (!this.auth.hasRole(...APPROVER_ROLES)) return;
    try {
      this.draft.set((await firstValueFrom(this.client.getOpenDraft())).draft ?? null);
    } catch {
      // The board matters more than the reminder: no banner when the check fails.
      this.draft.set(null);
    }
  }
}
