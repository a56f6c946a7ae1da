import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatButtonModule } from '@angular/material/button';
import { MatRadioModule } from '@angular/material/radio';
import { MatInputModule } from '@angular/material/input';
import { IntelRequest, Reason } from '../api/l2r-api';
import { FieldControl, FormField } from '../core/form-field';
import { IntelCapture } from '../intel/intel-capture';

export interface ReasonDialogData {
  title: string;
  leadName: string;
  reasons: Reason[];
  /** The move carries what the rep heard (one lead's Reject, Recycle, Lose or Disqualify); the lead's campaign, if any. */
  intel?: { campaign?: string };
}

export interface ReasonDialogResult {
  reasonCode: string;
  note: string;
  intel?: IntelRequest;
}

/** Asks for one of the agreement's reasons (Reject, Recycle, Lose, Disqualify, Reopen need one), and what the rep heard when the move carries it. */
@Component({
  selector: 'app-reason-dialog',
  imports: [
    FieldControl,
    FormField,
    FormsModule,
    MatDialogModule,
    MatButtonModule,
    MatRadioModule,
    MatInputModule,
    IntelCapture,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>
        Why? The agreement asks for a reason for <strong>{{ data.leadName }}</strong>.
      </p>
      <mat-radio-group
        class="reasons"
        aria-label="Reason"
        [value]="code()"
        (change)="code.set($event.value)"
        data-testid="reasons"
      >
        @for (r of data.reasons; track r.code) {
          <mat-radio-button [value]="r.code" [attr.data-code]="r.code">{{
            r.label
          }}</mat-radio-button>
        } @empty {
          <p class="error">The agreement lists no reasons for this move.</p>
        }
      </mat-radio-group>
      <app-form-field label="Note (optional)" subscriptSizing="fixed" class="note">
        <textarea
          *appFieldControl
          matInput
          rows="2"
          [ngModel]="note()"
          (ngModelChange)="note.set($event)"
          name="note"
        ></textarea>
      </app-form-field>
      @if (data.intel) {
        <app-intel-capture [defaultCampaign]="data.intel.campaign" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close type="button">Cancel</button>
      <button
        mat-flat-button
        type="button"
        [disabled]="!code()"
        (click)="confirm()"
        data-testid="confirm-reason"
      >
        Confirm
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .reasons {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-bottom: 12px;
    }
    .note {
      width: 100%;
    }
  `,
})
export class ReasonDialog {
  protected readonly data = inject<ReasonDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ReasonDialog, ReasonDialogResult>>(MatDialogRef);
  protected readonly code = signal('');
  protected readonly note = signal('');
  private readonly intel = viewChild(IntelCapture);

  protected confirm(): void {
    if (this.code())
      this.ref.close({
        reasonCode: this.code(),
        note: this.note().trim(),
        intel: this.intel()?.request(),
      });
  }
}
