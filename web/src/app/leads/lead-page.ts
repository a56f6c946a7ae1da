import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { DatePipe, DecimalPipe } from '@angular/common';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivityType, LeadDto, TransitionOptionDto, UpdateLeadRequest } from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import { CriteriaList } from '../core/criteria-list';
import { ACTIVITY_TYPES, activityLabel, age, stateLabel, triggerLabel } from '../core/labels';
import { problemLines } from '../core/problem';
import { ReasonDialog, ReasonDialogData, ReasonDialogResult } from '../board/reason-dialog';
import { LeadStore } from './lead-store';

const PROFILE_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'title',
  'company',
  'website',
  'industry',
  'country',
  'companySize',
  'annualRevenue',
  'source',
  'campaign',
] as const;
const SALES_FIELDS = [
  'budget',
  'authority',
  'need',
  'timeline',
  'amount',
  'expectedCloseDate',
] as const;
type Field = (typeof PROFILE_FIELDS)[number] | (typeof SALES_FIELDS)[number];

const FIELD_LABELS: Record<string, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  title: 'Title',
  company: 'Company',
  website: 'Website',
  industry: 'Industry',
  country: 'Country',
  companySize: 'Company size (employees)',
  annualRevenue: 'Annual revenue',
  source: 'Source',
  campaign: 'Campaign',
  budget: 'Budget confirmed',
  authority: 'Authority confirmed',
  need: 'Need confirmed',
  timeline: 'Timeline confirmed',
  amount: 'Amount',
  expectedCloseDate: 'Expected close date',
  ownerId: 'Owner',
};

interface Notice {
  kind: 'ok' | 'error';
  lines: string[];
}

/** A lead's page: profile, sales checklist, moves with their criteria, score breakdown, journey and history. */
@Component({
  selector: 'app-lead-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    DatePipe,
    DecimalPipe,
    CriteriaList,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  providers: [LeadStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './lead-page.html',
  styleUrl: './lead-page.css',
})
export class LeadPage {
  readonly id = input.required<string>();

  protected readonly store = inject(LeadStore);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly fb = inject(FormBuilder);

  protected readonly notice = signal<Notice | null>(null);
  protected readonly busy = signal(false);
  protected readonly stateLabel = stateLabel;
  protected readonly triggerLabel = triggerLabel;
  protected readonly activityLabel = activityLabel;
  protected readonly activityTypes = ACTIVITY_TYPES;
  protected readonly profileFields = PROFILE_FIELDS;
  protected readonly fieldLabel = (f: string) => FIELD_LABELS[f] ?? f;
  protected readonly age = age;

  protected readonly canEditProfile = computed(() =>
    this.auth.hasRole('Admin', 'Marketing', 'Sales'),
  );
  protected readonly canEditSales = computed(() => this.auth.hasRole('Admin', 'Sales'));
  protected readonly canRecordActivity = computed(() => this.auth.hasRole('Admin', 'Marketing'));
  protected readonly name = computed(() => {
    const l = this.store.lead();
    return l ? `${l.firstName ?? ''} ${l.lastName ?? ''}`.trim() || l.email || 'Lead' : 'Lead';
  });
  protected readonly available = computed(() =>
    this.store.options().filter((o) => o.allowed && o.criteriaMet),
  );
  protected readonly blocked = computed(() =>
    this.store.options().filter((o) => !(o.allowed && o.criteriaMet)),
  );
  protected readonly conflictRows = computed(() => {
    const c = this.store.conflict();
    if (!c) return [];
    return Object.entries(c.mine).map(([field, mine]) => ({
      field: this.fieldLabel(field),
      mine: show(mine),
      theirs: show((c.latest as Record<string, unknown>)[field]),
    }));
  });

  protected readonly profile = this.fb.group({
    firstName: [''],
    lastName: [''],
    email: [''],
    phone: [''],
    title: [''],
    company: [''],
    website: [''],
    industry: [''],
    country: [''],
    companySize: [null as number | null],
    annualRevenue: [null as number | null],
    source: [''],
    campaign: [''],
  });
  protected readonly sales = this.fb.group({
    budget: [false],
    authority: [false],
    need: [false],
    timeline: [false],
    amount: [null as number | null],
    expectedCloseDate: [''],
  });
  protected readonly activity = this.fb.nonNullable.group({
    type: ['Webinar' as ActivityType],
    occurredAt: [localNow()],
    campaign: [''],
    title: [''],
  });

  constructor() {
    effect(() => void this.store.load(this.id()));
    // The forms show the lead as last loaded or saved.
    effect(() => {
      const lead = this.store.lead();
      if (lead) this.resetForms(lead);
    });
  }

  protected async saveProfile(): Promise<void> {
    await this.save(this.diff(PROFILE_FIELDS, this.profile.getRawValue()));
  }

  protected undoProfile(): void {
    const lead = this.store.lead();
    if (lead) this.resetForms(lead);
  }

  protected async saveSales(): Promise<void> {
    const raw = this.sales.getRawValue();
    await this.save(
      this.diff(SALES_FIELDS, { ...raw, expectedCloseDate: raw.expectedCloseDate || null }),
    );
  }

  protected async overwrite(): Promise<void> {
    this.busy.set(true);
    const outcome = await this.store.overwriteWithMine();
    this.busy.set(false);
    this.notice.set(
      outcome.ok
        ? { kind: 'ok', lines: ['Your changes were saved over the newer version.'] }
        : { kind: 'error', lines: problemLines(outcome.problem) },
    );
  }

  protected discardMine(): void {
    this.store.acceptTheirs();
    this.notice.set({
      kind: 'ok',
      lines: ['Showing the latest version; your unsaved changes were discarded.'],
    });
  }

  protected async fire(option: TransitionOptionDto): Promise<void> {
    let reason: ReasonDialogResult | undefined;
    if (option.reasonList && option.reasonList !== 'None') {
      const ref = this.dialog.open<ReasonDialog, ReasonDialogData, ReasonDialogResult>(
        ReasonDialog,
        {
          data: {
            title: `${triggerLabel(option.trigger)}: ${this.name()}`,
            leadName: this.name(),
            reasons: option.reasons ?? [],
          },
          width: '440px',
        },
      );
      reason = await firstValueFrom(ref.afterClosed());
      if (!reason) return;
    }
    this.busy.set(true);
    const outcome = await this.store.fire(option, reason?.reasonCode, reason?.note);
    this.busy.set(false);
    this.notice.set(
      outcome.ok
        ? {
            kind: 'ok',
            lines: [`Moved to ${outcome.value.map((t) => stateLabel(t.to)).join(' → ')}.`],
          }
        : { kind: 'error', lines: problemLines(outcome.problem) },
    );
  }

  protected async recordActivity(): Promise<void> {
    const v = this.activity.getRawValue();
    this.busy.set(true);
    const outcome = await this.store.recordActivity({
      type: v.type,
      occurredAt: v.occurredAt ? new Date(v.occurredAt).toISOString() : undefined,
      campaign: v.campaign.trim() || undefined,
      title: v.title.trim() || undefined,
    });
    this.busy.set(false);
    if (outcome.ok) {
      const moved = outcome.value.map((t) => stateLabel(t.to));
      this.notice.set({
        kind: 'ok',
        lines: [
          `${activityLabel(v.type)} recorded.${moved.length ? ` The lead advanced to ${moved.join(' → ')}.` : ''}`,
        ],
      });
      this.activity.patchValue({ title: '', occurredAt: localNow() });
    } else {
      this.notice.set({ kind: 'error', lines: problemLines(outcome.problem) });
    }
  }

  private async save(changes: UpdateLeadRequest): Promise<void> {
    if (!Object.keys(changes).length) {
      this.notice.set({ kind: 'ok', lines: ['Nothing changed.'] });
      return;
    }
    this.busy.set(true);
    const outcome = await this.store.save(changes);
    this.busy.set(false);
    if (outcome.ok) this.notice.set({ kind: 'ok', lines: ['Saved.'] });
    else if (outcome.problem.status === 412)
      this.notice.set(null); // the conflict panel explains it
    else this.notice.set({ kind: 'error', lines: problemLines(outcome.problem) });
  }

  /** Only the fields the user changed, with blanks as null so a field can be cleared. */
  private diff(fields: readonly Field[], values: Record<string, unknown>): UpdateLeadRequest {
    const lead = (this.store.lead() ?? {}) as Record<string, unknown>;
    const changes: Record<string, unknown> = {};
    for (const f of fields) {
      let value = values[f];
      if (typeof value === 'string') value = value.trim() === '' ? null : value.trim();
      const before =
        f === 'expectedCloseDate' ? dateOnly(lead[f] as string) || null : (lead[f] ?? null);
      if ((value ?? null) !== before && !(value === false && before === null)) changes[f] = value;
    }
    return changes as UpdateLeadRequest;
  }

  private resetForms(lead: LeadDto): void {
    const l = lead as Record<string, unknown>;
    this.profile.reset(
      Object.fromEntries(
        PROFILE_FIELDS.map((f) => [
          f,
          l[f] ?? (f === 'companySize' || f === 'annualRevenue' ? null : ''),
        ]),
      ) as never,
    );
    this.sales.reset({
      budget: !!lead.budget,
      authority: !!lead.authority,
      need: !!lead.need,
      timeline: !!lead.timeline,
      amount: lead.amount ?? null,
      expectedCloseDate: dateOnly(lead.expectedCloseDate),
    });
    if (!this.canEditProfile()) this.profile.disable();
    if (!this.canEditSales()) this.sales.disable();
  }
}

function show(value: unknown): string {
  return value === null || value === undefined || value === '' ? '(empty)' : String(value);
}

function dateOnly(value: string | undefined | null): string {
  return value ? value.slice(0, 10) : '';
}

function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}
