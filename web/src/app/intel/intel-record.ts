import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { LeadIntelDto } from '../api/l2r-api';
import { VERDICT_LABELS } from './intel-capture';

const KIND_NAMES = {
  Competitor: 'Competitor',
  Pain: 'Pain',
  Objection: 'Objection',
  Question: 'Question',
} as const;

/** What a rep heard, as the next person reads it on the lead: tags by kind, how the message landed, the note. */
@Component({
  selector: 'app-intel-record',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="heard" data-testid="intel-record">
      <span class="muted">Heard:</span>
      @for (t of intel().tags; track t.id) {
        <span
          class="tag"
          [class.retired]="t.retired"
          [attr.data-kind]="t.kind"
          [title]="kindNames[t.kind]"
          >{{ t.label }}</span
        >
      }
      @if (intel().verdict) {
        <span class="tag verdict"
          >{{ intel().campaign || 'Message' }}: {{ verdictLabels[intel().verdict!] }}</span
        >
      }
      @if (intel().note) {
        <q class="note">{{ intel().note }}</q>
      }
      @if (showAuthor()) {
        <span class="muted"> — {{ intel().recordedByName }}</span>
      }
    </div>
  `,
  styles: `
    .heard {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px 6px;
      margin-top: 2px;
    }
    .tag {
      padding: 0 8px;
      border-radius: 10px;
      background: var(--mat-sys-secondary-container, #e8def8);
      font-size: 0.9em;
    }
    .tag[data-kind='Competitor'] {
      background: #fde2e1;
    }
    .tag[data-kind='Pain'] {
      background: #fff1c2;
    }
    .tag[data-kind='Question'] {
      background: #dcefff;
    }
    .tag.retired {
      text-decoration: line-through;
    }
    .note {
      font-style: italic;
    }
  `,
})
export class IntelRecord {
  readonly intel = input.required<LeadIntelDto>();
  readonly showAuthor = input(false);
  protected readonly verdictLabels = VERDICT_LABELS;
  protected readonly kindNames = KIND_NAMES;
}
