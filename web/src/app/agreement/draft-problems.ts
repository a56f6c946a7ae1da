import { ChangeDetectionStrategy, Component, computed, inject, output } from '@angular/core';
import { LeadAgreement } from '../api/l2r-api';
import { triggerLabel } from '../core/labels';
import { REASON_GROUPS } from './criteria';
import { DraftStore } from './draft-store';

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
  m = /^slas\.terms\[(\d+)\]\.?(.*)$/.exec(path);
  if (m) {
    const term = a?.slas.terms?.[+m[1]];
    parts.push('Service levels', `term ${+m[1] + 1}${term?.name ? ` (${term.name})` : ''}`);
    if (m[2]) parts.push(m[2]);
    return parts.join(' › ');
  }
  m = /^scorecard\.goals\[(\d+)\]\.?(.*)$/.exec(path);
  if (m) {
    parts.push('Shared scorecard', `goal ${+m[1] + 1}`);
    if (m[2]) parts.push(m[2]);
    return parts.join(' › ');
  }
  if (path.startsWith('scorecard')) return 'Shared scorecard';
  if (path.startsWith('slas')) return 'Service levels';
  if (path === 'scoring.engagementRules') return 'Engagement rules';
  if (path === 'transitions') return 'Moves';
  return path || 'Agreement';
}

/** Every problem in the draft, each naming its place in words and taking the user there on request. */
@Component({
  selector: 'app-draft-problems',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (problems().length) {
      <div class="error-box" role="alert" data-testid="draft-errors">
        <strong
          >{{ problems().length }} {{ problems().length === 1 ? 'problem' : 'problems' }} to fix;
          each is marked beside its field:</strong
        >
        <ul>
          @for (p of problems(); track $index) {
            <li>
              <button type="button" class="link" (click)="picked.emit(p.path)">
                {{ p.where }}</button>: {{ p.message }}
            </li>
          }
        </ul>
      </div>
    }
  `,
  styles: `
    .error-box {
      margin: 4px 0 8px;
    }
    ul {
      margin: 4px 0 0;
      padding-left: 18px;
    }
    button.link {
      background: none;
      border: none;
      padding: 0;
      font: inherit;
      color: inherit;
      text-decoration: underline;
      cursor: pointer;
    }
  `,
})
export class DraftProblems {
  private readonly store = inject(DraftStore);
  /** The path of the problem the user chose to go to. */
  readonly picked = output<string>();

  protected readonly problems = computed(() =>
    Object.entries(this.store.errors()).flatMap(([path, messages]) =>
      messages.map((message) => ({
        path,
        where: describePath(path, this.store.working()),
        message,
      })),
    ),
  );
}
