import { ChangeDetectionStrategy, Component, ElementRef, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { ActivityType, FieldCriterion, LeadAgreement, Role } from '../api/l2r-api';
import {
  ACTIVITY_TYPES,
  TRIGGER_PATHS,
  activityLabel,
  stateLabel,
  triggerLabel,
} from '../core/labels';
import { CriterionEditor } from './criterion-editor';
import {
  EditableCriterion,
  EditableReason,
  ROLES,
  freshId,
  numberFrom,
  textFrom,
} from './criteria';
import { DraftStore, ReasonListName } from './draft-store';

/** The reason list each reason-bearing trigger asks for. */
const REASON_LIST_OF: Record<string, ReasonListName> = {
  Reject: 'reject',
  Recycle: 'recycle',
  Lose: 'loss',
  Disqualify: 'disqualify',
  Reopen: 'reopen',
};

const REASON_GROUPS: { list: ReasonListName; name: string }[] = [
  { list: 'reject', name: 'Reject (MQL sent back by sales)' },
  { list: 'recycle', name: 'Recycle' },
  { list: 'loss', name: 'Loss' },
  { list: 'disqualify', name: 'Disqualify' },
  { list: 'reopen', name: 'Reopen' },
];

/** "transitions[1].criteria[0].field" → "Qualify as MQL › criterion 1 (Fit score at least 30) › field". */
export function describePath(path: string, a: LeadAgreement | null): string {
  const parts: string[] = [];
  let m = /^transitions\[(\d+)\](.*)$/.exec(path);
  if (m) {
    const t = a?.transitions[+m[1]];
    parts.push(triggerLabel(t?.trigger) || `Move ${+m[1] + 1}`);
    const c = /^\.criteria\[(\d+)\](.*)$/.exec(m[2]);
    if (c) {
      const description = t?.criteria?.[+c[1]]?.description;
      parts.push(`criterion ${+c[1] + 1}${description ? ` (${description})` : ''}`);
      if (c[2]) parts.push(c[2].slice(1));
    } else if (m[2]) parts.push(m[2].slice(1));
    return parts.join(' › ');
  }
  m = /^scoring\.(fitRules|engagementRules)\[(\d+)\]\.?(.*)$/.exec(path);
  if (m) {
    parts.push(`${m[1] === 'fitRules' ? 'Fit rule' : 'Engagement rule'} ${+m[2] + 1}`);
    if (m[3]) parts.push(m[3].replace(/^condition\.?/, 'condition ').trim());
    return parts.join(' › ');
  }
  m = /^reasons\.(\w+)(?:\[(\d+)\])?\.?(.*)$/.exec(path);
  if (m) {
    const group = REASON_GROUPS.find((g) => g.list === m![1])?.name.split(' ')[0] ?? m[1];
    parts.push(`${group} reasons`);
    if (m[2]) parts.push(`reason ${+m[2] + 1}`);
    if (m[3]) parts.push(m[3]);
    return parts.join(' › ');
  }
  if (path.startsWith('slas')) return 'Service levels';
  if (path === 'scoring.engagementRules') return 'Engagement rules';
  if (path === 'transitions') return 'Moves';
  return path || 'Agreement';
}

/**
 * The admin's editor for a draft: a criteria builder per move with roles and auto-advance, the scoring tables,
 * the reason lists and the SLA terms. Saving sends the whole agreement; the API's problems land beside their fields.
 */
@Component({
  selector: 'app-draft-editor',
  imports: [
    CriterionEditor,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './draft-editor.html',
  styleUrl: './draft-editor.css',
})
export class DraftEditor {
  protected readonly store = inject(DraftStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly roles: Role[] = ROLES;
  protected readonly activityTypes: ActivityType[] = ACTIVITY_TYPES;
  protected readonly reasonGroups = REASON_GROUPS;
  protected readonly triggerLabel = triggerLabel;
  protected readonly activityLabel = activityLabel;
  protected readonly text = textFrom;

  protected readonly a = computed(() => this.store.working());
  protected readonly errorList = computed(() =>
    Object.entries(this.store.errors()).flatMap(([path, messages]) =>
      messages.map((message) => ({ path, where: describePath(path, this.a()), message })),
    ),
  );
  protected readonly unusedActivity = computed(() => {
    const used = new Set((this.a()?.scoring.engagementRules ?? []).map((r) => r.activityType));
    return this.activityTypes.find((t) => !used.has(t)) ?? null;
  });

  protected err(path: string): string | null {
    return this.store.errors()[path]?.join(' ') || null;
  }

  protected path(trigger: string | undefined): string {
    const p = trigger ? TRIGGER_PATHS[trigger] : undefined;
    return p ? `${p.from.map(stateLabel).join(', ')} → ${stateLabel(p.to)}` : '';
  }

  protected reasonListOf(trigger: string | undefined): ReasonListName | null {
    return (trigger && REASON_LIST_OF[trigger]) || null;
  }

  protected isLocked(list: ReasonListName, reason: EditableReason): boolean {
    return !reason.isNew && !!reason.code && this.store.lockedCodes()[list].includes(reason.code);
  }

  /** Brings the row a problem names into view and focuses its invalid input. */
  protected goTo(path: string): void {
    let target: HTMLElement | null = null;
    for (const el of Array.from(
      this.host.nativeElement.querySelectorAll<HTMLElement>('[data-path]'),
    )) {
      const p = el.dataset['path'] ?? '';
      const contains = path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`);
      if (contains && p.length > (target?.dataset['path']?.length ?? -1)) target = el;
    }
    if (!target) return;
    target.scrollIntoView?.({ block: 'center' });
    const invalid = target.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? target.querySelector<HTMLElement>('input, [role="combobox"], button'))?.focus({
      preventScroll: true,
    });
  }

  protected save(): void {
    void this.store.save();
  }

  // ---- moves ----
  protected toggleRole(i: number, role: Role, on: boolean): void {
    this.store.edit((a) => {
      const t = a.transitions[i];
      t.roles = on
        ? ROLES.filter((r) => r === role || t.roles.includes(r))
        : t.roles.filter((r) => r !== role);
    });
  }

  protected setAuto(i: number, on: boolean): void {
    this.store.edit((a) => (a.transitions[i].autoAdvance = on));
  }

  protected setCriterion(i: number, j: number, c: EditableCriterion): void {
    this.store.edit((a) => (a.transitions[i].criteria![j] = c as FieldCriterion));
  }

  protected removeCriterion(i: number, j: number): void {
    this.store.edit((a) => a.transitions[i].criteria!.splice(j, 1), { structural: true });
  }

  protected addCriterion(i: number): void {
    this.store.edit(
      (a) => {
        const t = a.transitions[i];
        const criteria = (t.criteria ??= []);
        const id = freshId(
          t.trigger.toLowerCase(),
          criteria.map((c) => c.id),
        );
        criteria.push({
          kind: 'scoreAtLeast',
          id,
          score: 'Fit',
          value: 0,
          description: 'Fit score at least 0',
        } as EditableCriterion as FieldCriterion);
      },
      { structural: true },
    );
  }

  // ---- scoring ----
  protected setCondition(i: number, c: EditableCriterion): void {
    this.store.edit((a) => {
      const rule = a.scoring.fitRules![i];
      // A fit rule and its condition share one id, as in the default agreement.
      if (rule.id === rule.condition?.id) rule.id = c.id;
      rule.condition = c as FieldCriterion;
    });
  }

  protected setPoints(i: number, event: Event): void {
    const points = numberFrom(event);
    if (points !== undefined)
      this.store.edit((a) => (a.scoring.fitRules![i].points = points as number));
  }

  protected removeFitRule(i: number): void {
    this.store.edit((a) => a.scoring.fitRules!.splice(i, 1), { structural: true });
  }

  protected addFitRule(): void {
    this.store.edit(
      (a) => {
        const rules = (a.scoring.fitRules ??= []);
        const id = freshId(
          'fit',
          rules.map((r) => r.id),
        );
        rules.push({
          id,
          points: 10,
          condition: {
            kind: 'numberAtLeast',
            id,
            field: 'companySize',
            value: 100,
            description: 'Company size at least 100',
          } as FieldCriterion,
        });
      },
      { structural: true },
    );
  }

  protected setEngagement(i: number, patch: Record<string, unknown>): void {
    this.store.edit((a) => Object.assign(a.scoring.engagementRules![i], patch));
  }

  protected setEngagementNumber(i: number, key: 'points' | 'halfLifeDays', event: Event): void {
    const value = numberFrom(event);
    if (value !== undefined) this.setEngagement(i, { [key]: value });
  }

  protected removeEngagementRule(i: number): void {
    this.store.edit((a) => a.scoring.engagementRules!.splice(i, 1), { structural: true });
  }

  protected addEngagementRule(): void {
    const type = this.unusedActivity();
    if (!type) return;
    this.store.edit(
      (a) =>
        (a.scoring.engagementRules ??= []).push({
          activityType: type,
          points: 5,
          halfLifeDays: 30,
        }),
      { structural: true },
    );
  }

  // ---- reasons ----
  protected setReason(list: ReasonListName, i: number, key: 'code' | 'label', event: Event): void {
    const value = key === 'code' ? textFrom(event).trim() : textFrom(event);
    this.store.edit((a) => (a.reasons[list]![i][key] = value));
  }

  protected removeReason(list: ReasonListName, i: number): void {
    this.store.edit((a) => a.reasons[list]!.splice(i, 1), { structural: true });
  }

  protected addReason(list: ReasonListName): void {
    const reason: EditableReason = { code: '', label: '', isNew: true };
    this.store.edit((a) => (a.reasons[list] ??= []).push(reason), {
      structural: true,
    });
  }

  // ---- SLAs ----
  protected setSla(key: 'mqlResponseHours' | 'salesAcceptedToSqlDays', event: Event): void {
    const value = numberFrom(event);
    if (value !== undefined) this.store.edit((a) => (a.slas[key] = value as number));
  }
}
