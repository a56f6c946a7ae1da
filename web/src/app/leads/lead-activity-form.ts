import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivityType } from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import { FieldControl, FormField } from '../core/form-field';
import { ACTIVITY_TYPES, TOUCH_TYPES, activityLabel } from '../core/labels';
import { IntelCapture } from '../intel/intel-capture';
import { LeadStore } from './lead-store';

/**
 * Marketing records what the lead did (a webinar, a meeting…); engagement, and maybe the stage, follow. A rep logs
 * a touch (a call, a meeting, an email they sent), which meets the SLA clocks waiting for one, and may tag what they
 * heard on it.
 */
@Component({
  selector: 'app-lead-activity-form',
  imports: [
    ReactiveFormsModule,
    FieldControl,
    FormField,
    MatButtonModule,
    MatInputModule,
    MatSelectModule,
    IntelCapture,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" aria-labelledby="activity-title">
      <h2 id="activity-title">{{ touchesOnly() ? 'Log a touch' : 'Record an activity' }}</h2>
      <form [formGroup]="form" (ngSubmit)="record()" class="form-grid" data-testid="activity-form">
        <app-form-field label="Type">
          <mat-select *appFieldControl formControlName="type" data-testid="activity-type">
            @for (t of activityTypes(); track t) {
              <mat-option [value]="t">{{ activityLabel(t) }}</mat-option>
            }
          </mat-select>
        </app-form-field>
        <app-form-field label="When">
          <input
            *appFieldControl
            matInput
            type="datetime-local"
            formControlName="occurredAt"
            name="occurredAt"
          />
        </app-form-field>
        <app-form-field label="Campaign">
          <input *appFieldControl matInput formControlName="campaign" name="campaign" />
        </app-form-field>
        <app-form-field label="Title">
          <input *appFieldControl matInput formControlName="title" name="title" />
        </app-form-field>
        @if (carriesIntel()) {
          <app-intel-capture class="wide" [defaultCampaign]="store.lead()?.campaign ?? undefined" />
        }
        <div class="form-actions wide">
          <button
            mat-flat-button
            type="submit"
            [disabled]="store.busy()"
            data-testid="record-activity"
          >
            {{ touchesOnly() ? 'Log touch' : 'Record activity' }}
          </button>
        </div>
      </form>
    </section>
  `,
})
export class LeadActivityForm {
  protected readonly store = inject(LeadStore);
  private readonly auth = inject(AuthStore);
  /** Sales logs its own touches; the lead's engagement (webinars, downloads…) is marketing's to record. */
  protected readonly touchesOnly = computed(() => !this.auth.hasRole('Admin', 'Marketing'));
  protected readonly activityTypes = computed(() =>
    this.touchesOnly() ? TOUCH_TYPES : ACTIVITY_TYPES,
  );
  protected readonly activityLabel = activityLabel;

  protected readonly form = inject(FormBuilder).nonNullable.group({
    type: [(this.touchesOnly() ? 'Call' : 'Webinar') as ActivityType],
    occurredAt: [localNow()],
    campaign: [''],
    title: [''],
  });

  private readonly type = toSignal(this.form.controls.type.valueChanges, {
    initialValue: this.form.controls.type.value,
  });
  /** A rep's own touches carry what they heard; the lead's clicks and opens do not. */
  protected readonly carriesIntel = computed(() => TOUCH_TYPES.includes(this.type()));
  private readonly intel = viewChild(IntelCapture);

  protected async record(): Promise<void> {
    const v = this.form.getRawValue();
    const outcome = await this.store.recordActivity({
      type: v.type,
      occurredAt: v.occurredAt ? new Date(v.occurredAt).toISOString() : undefined,
      campaign: v.campaign.trim() || undefined,
      title: v.title.trim() || undefined,
      intel: this.carriesIntel() ? this.intel()?.request() : undefined,
    });
    if (outcome.ok) {
      this.form.patchValue({ title: '', occurredAt: localNow() });
      this.intel()?.reset();
    }
  }
}

/** Now, as a `datetime-local` input shows it. */
function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}
