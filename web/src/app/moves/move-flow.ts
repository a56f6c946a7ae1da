import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import {
  FireTriggerRequest,
  IntelRequest,
  LeadTrigger,
  Reason,
  TransitionOptionDto,
} from '../api/l2r-api';
import { triggerLabel } from '../core/labels';
import { ReasonDialog, ReasonDialogData, ReasonDialogResult } from './reason-dialog';

/** What the user said about a move: one of the agreement's reason codes and a note, when it asks for them. */
export interface MoveReason {
  reasonCode?: string;
  note?: string;
  intel?: IntelRequest;
}

/** The moves that carry a reason, and with it what the rep heard. */
export const INTEL_TRIGGERS: readonly LeadTrigger[] = ['Reject', 'Recycle', 'Lose', 'Disqualify'];

/** The body of a FireTrigger request, without empty reason fields. */
export function triggerRequest(
  option: TransitionOptionDto,
  reason: MoveReason,
): FireTriggerRequest {
  return {
    trigger: option.trigger,
    reasonCode: reason.reasonCode || undefined,
    note: reason.note || undefined,
    intel: reason.intel,
  };
}

/** The one way the board and the lead page make a move. */
@Injectable({ providedIn: 'root' })
export class MoveFlow {
  private readonly dialog = inject(MatDialog);

  /**
   * Asks for one of the agreement's reasons when the move needs one, then fires it with `fire`.
   * Resolves to what `fire` returned, or to null when the user cancelled the reason dialog.
   */
  async move<T>(
    option: TransitionOptionDto,
    leadName: string,
    fire: (reason: MoveReason) => Promise<T>,
    campaign?: string,
  ): Promise<T | null> {
    const reason =
      option.reasonList && option.reasonList !== 'None'
        ? await this.askReason(option, leadName, campaign)
        : {};
    return reason ? fire(reason) : null;
  }

  private askReason(
    option: TransitionOptionDto,
    leadName: string,
    campaign?: string,
  ): Promise<ReasonDialogResult | undefined> {
    return this.reason(
      `${triggerLabel(option.trigger)}: ${leadName}`,
      leadName,
      option.reasons ?? [],
      INTEL_TRIGGERS.includes(option.trigger) ? { campaign } : undefined,
    );
  }

  /** Asks for one of `reasons` and a note; undefined when the user cancelled. Bulk moves ask once for many leads. */
  reason(
    title: string,
    subject: string,
    reasons: Reason[],
    intel?: ReasonDialogData['intel'],
  ): Promise<ReasonDialogResult | undefined> {
    const ref = this.dialog.open<ReasonDialog, ReasonDialogData, ReasonDialogResult>(ReasonDialog, {
      data: { title, leadName: subject, reasons, intel },
      width: intel ? '560px' : '440px',
      autoFocus: 'first-tabbable',
    });
    return firstValueFrom(ref.afterClosed());
  }
}
