import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { AgreementAmendment, LeadAgreement, ReasonListKind } from '../api/l2r-api';
import {
  Choice,
  REASON_LISTS,
  criterionChoices,
  reasonChoices,
  ruleChoices,
  slaChoices,
} from './amendment-choices';

export type DecisionKind =
  'text' | 'setRulePoints' | 'setCriterionValue' | 'addReason' | 'retireReason' | 'setSlaTarget';

export interface DecisionDraft {
  text: string;
  change: AgreementAmendment | undefined;
}

const KINDS: { value: DecisionKind; label: string; admin: boolean }[] = [
  { value: 'text', label: 'A decision in words', admin: false },
  { value: 'setRulePoints', label: "Change a scoring rule's points", admin: true },
  { value: 'setCriterionValue', label: "Change a criterion's value", admin: true },
  { value: 'addReason', label: 'Add a reason', admin: true },
  { value: 'retireReason', label: 'Retire a reason', admin: true },
  { value: 'setSlaTarget', label: "Change an SLA term's target", admin: true },
];

/**
 * Records a decision: in words, or (Admins) as a named change chosen from the active agreement, which the API turns
 * into an edit of the agreement draft.
 */
@Component({
  selector: 'app-decision-form',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="decision"
      aria-label="Record a decision"
      (submit)="$event.preventDefault(); submit()"
    >
      <label
        >Kind
        <select name="kind" [value]="kind()" (change)="pick(value($event))">
          @for (k of kinds(); track k.value) {
            <option [value]="k.value">{{ k.label }}</option>
          }
        </select>
      </label>
      @switch (kind()) {
        @case ('setRulePoints') {
          <label
            >Rule
            <select name="rule" [value]="target()" (change)="choose(value($event), rules())">
              <option value="">Choose a rule…</option>
              @for (c of rules(); track c.value) {
                <option [value]="c.value">{{ c.label }} ({{ c.current }} points)</option>
              }
            </select>
          </label>
          <label
            >Points
            <input
              type="number"
              name="points"
              [value]="amount()"
              (input)="amount.set(value($event))"
          /></label>
        }
        @case ('setCriterionValue') {
          <label
            >Criterion
            <select
              name="criterion"
              [value]="target()"
              (change)="choose(value($event), criteria())"
            >
              <option value="">Choose a criterion…</option>
              @for (c of criteria(); track c.value) {
                <option [value]="c.value">{{ c.label }}</option>
              }
            </select>
          </label>
          <label
            >New value
            <input
              type="number"
              name="value"
              [value]="amount()"
              (input)="amount.set(value($event))"
          /></label>
        }
        @case ('setSlaTarget') {
          <label
            >SLA term
            <select name="term" [value]="target()" (change)="choose(value($event), terms())">
              <option value="">Choose a term…</option>
              @for (c of terms(); track c.value) {
                <option [value]="c.value">{{ c.label }} ({{ c.current }} h)</option>
              }
            </select>
          </label>
          <label
            >Target hours
            <input
              type="number"
              name="hours"
              [value]="amount()"
              (input)="amount.set(value($event))"
          /></label>
        }
        @case ('addReason') {
          <label
            >List
            <select name="list" [value]="list()" (change)="list.set($any(value($event)))">
              @for (l of lists; track l) {
                <option [value]="l">{{ l }}</option>
              }
            </select>
          </label>
          <label
            >Code <input name="code" [value]="code()" (input)="code.set(value($event))"
          /></label>
          <label
            >Label <input name="label" [value]="label()" (input)="label.set(value($event))"
          /></label>
          <label
            >Disputes (clause id, optional)
            <input name="disputes" [value]="disputes()" (input)="disputes.set(value($event))"
          /></label>
        }
        @case ('retireReason') {
          <label
            >List
            <select
              name="list"
              [value]="list()"
              (change)="list.set($any(value($event))); target.set('')"
            >
              @for (l of lists; track l) {
                <option [value]="l">{{ l }}</option>
              }
            </select>
          </label>
          <label
            >Reason
            <select name="reason" [value]="target()" (change)="target.set(value($event))">
              <option value="">Choose a reason…</option>
              @for (c of reasons(); track c.value) {
                <option [value]="c.value">{{ c.label }}</option>
              }
            </select>
          </label>
        }
      }
      <label class="text"
        >{{ kind() === 'text' ? 'Decision' : 'Why (optional)' }}
        <input name="text" [value]="text()" (input)="text.set(value($event))"
      /></label>
      <button mat-flat-button type="submit" [disabled]="!ready()">Record decision</button>
    </form>
  `,
  styles: `
    .decision {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: end;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .text {
      flex: 1 1 24em;
    }
  `,
})
export class DecisionForm {
  readonly agreement = input<LeadAgreement | undefined>(undefined);
  readonly isAdmin = input(false);
  readonly record = output<DecisionDraft>();

  protected readonly lists = REASON_LISTS;
  protected readonly kind = signal<DecisionKind>('text');
  protected readonly target = signal('');
  protected readonly amount = signal('');
  protected readonly list = signal<ReasonListKind>('Reject');
  protected readonly code = signal('');
  protected readonly label = signal('');
  protected readonly disputes = signal('');
  protected readonly text = signal('');

  protected readonly kinds = computed(() => KINDS.filter((k) => this.isAdmin() || !k.admin));
  protected readonly rules = computed(() => ruleChoices(this.agreement()));
  protected readonly criteria = computed(() => criterionChoices(this.agreement()));
  protected readonly terms = computed(() => slaChoices(this.agreement()));
  protected readonly reasons = computed(() => reasonChoices(this.agreement(), this.list()));
  protected readonly change = computed(() => this.amendment());
  protected readonly ready = computed(() =>
    this.kind() === 'text' ? this.text().trim().length > 0 : this.change() !== undefined,
  );

  protected pick(kind: string): void {
    this.kind.set(kind as DecisionKind);
    this.target.set('');
    this.amount.set('');
  }

  protected choose(value: string, choices: Choice[]): void {
    this.target.set(value);
    const current = choices.find((c) => c.value === value)?.current;
    this.amount.set(current === undefined ? '' : String(current));
  }

  protected submit(): void {
    if (!this.ready()) return;
    this.record.emit({ text: this.text().trim(), change: this.change() });
  }

  /** Clears the form after the page saved the decision. */
  reset(): void {
    this.pick('text');
    this.text.set('');
    this.code.set('');
    this.label.set('');
    this.disputes.set('');
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  private amendment(): AgreementAmendment | undefined {
    const [first, second] = this.target().split('|');
    const amount = this.amount() === '' ? NaN : Number(this.amount());
    switch (this.kind()) {
      case 'setRulePoints':
        return first && second && Number.isFinite(amount)
          ? ({
              kind: 'setRulePoints',
              scoring: first,
              ruleId: second,
              points: amount,
            } as AgreementAmendment)
          : undefined;
      case 'setCriterionValue':
        return first && second && Number.isFinite(amount)
          ? ({
              kind: 'setCriterionValue',
              trigger: first,
              criterionId: second,
              value: amount,
            } as AgreementAmendment)
          : undefined;
      case 'setSlaTarget':
        return first && Number.isFinite(amount)
          ? ({ kind: 'setSlaTarget', termId: first, targetHours: amount } as AgreementAmendment)
          : undefined;
      case 'addReason':
        return this.code().trim() && this.label().trim()
          ? ({
              kind: 'addReason',
              list: this.list(),
              code: this.code().trim(),
              label: this.label().trim(),
              disputes: this.disputes().trim() || undefined,
            } as AgreementAmendment)
          : undefined;
      case 'retireReason':
        return first
          ? ({ kind: 'retireReason', list: this.list(), code: first } as AgreementAmendment)
          : undefined;
      default:
        return undefined;
    }
  }
}
