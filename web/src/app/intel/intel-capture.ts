import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { IntelKind, IntelRequest, MessageVerdict } from '../api/l2r-api';
import { INTEL_KINDS, IntelTagsStore, KIND_LABELS } from './intel-tags-store';
import { TagPicker } from './tag-picker';

export const VERDICT_LABELS: Record<MessageVerdict, string> = {
  Resonated: 'Resonated',
  FellFlat: 'Fell flat',
  Confused: 'Confused',
};
export const VERDICTS: readonly MessageVerdict[] = ['Resonated', 'FellFlat', 'Confused'];
export const NOTE_LIMIT = 500;

/** What the rep heard, as the API takes it; undefined when they recorded nothing. */
export function intelRequest(
  picked: Record<IntelKind, string[]>,
  verdict: MessageVerdict | null,
  campaign: string,
  note: string,
): IntelRequest | undefined {
  const tags = (kind: IntelKind) => (picked[kind].length ? picked[kind] : undefined);
  const request = {
    competitors: tags('Competitor'),
    pains: tags('Pain'),
    objections: tags('Objection'),
    questions: tags('Question'),
    reception: verdict ? { verdict, campaign: campaign.trim() || undefined } : undefined,
    note: note.trim() || undefined,
  };
  return Object.values(request).some((v) => v !== undefined)
    ? (request as IntelRequest)
    : undefined;
}

const nothingPicked = (): Record<IntelKind, string[]> => ({
  Competitor: [],
  Pain: [],
  Objection: [],
  Question: [],
});

/**
 * "What did you hear?": competitors, pains, objections and questions from the tenant's lists, how the campaign's
 * message landed, and a short note. Collapsed until asked for, so tagging stays optional; the form around it reads
 * `request()` when it submits.
 */
@Component({
  selector: 'app-intel-capture',
  imports: [MatButtonModule, TagPicker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details
      class="intel"
      [open]="expanded()"
      (toggle)="expanded.set($any($event.target).open)"
      data-testid="intel-capture"
    >
      <summary data-testid="intel-toggle">
        What did you hear?
        @if (summary()) {
          <span class="muted"> · {{ summary() }}</span>
        }
      </summary>
      @if (expanded()) {
        <div class="intel-body">
          @for (kind of kinds; track kind) {
            <app-tag-picker
              [kind]="kind"
              [label]="kindLabels[kind]"
              [picked]="picked()[kind]"
              (pickedChange)="setPicked(kind, $event)"
            />
          }
          <div class="reception">
            <span id="reception-label" class="picker-label">How did the message land?</span>
            <div
              role="group"
              aria-labelledby="reception-label"
              class="verdicts"
              data-testid="verdict"
            >
              @for (v of verdicts; track v) {
                <button
                  mat-stroked-button
                  type="button"
                  [class.chosen]="v === verdict()"
                  [attr.aria-pressed]="v === verdict()"
                  [attr.data-verdict]="v"
                  (click)="verdict.set(v === verdict() ? null : v)"
                >
                  {{ verdictLabels[v] }}
                </button>
              }
            </div>
            @if (verdict()) {
              <input
                class="campaign"
                type="text"
                aria-label="Campaign"
                [placeholder]="defaultCampaign() ? 'Campaign: ' + defaultCampaign() : 'Campaign'"
                [value]="campaign()"
                (input)="campaign.set($any($event.target).value)"
              />
            }
          </div>
          <label class="note">
            <span class="picker-label">Note</span>
            <textarea
              rows="2"
              [attr.maxlength]="noteLimit"
              [value]="note()"
              (input)="note.set($any($event.target).value)"
              data-testid="intel-note"
            ></textarea>
            <span class="muted">{{ note().length }} / {{ noteLimit }}</span>
          </label>
        </div>
      }
    </details>
  `,
  styles: `
    .intel summary {
      cursor: pointer;
      font-weight: 500;
      padding: 4px 0;
    }
    .intel-body {
      display: grid;
      gap: 12px;
      padding: 8px 0;
    }
    .reception {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .reception .picker-label {
      flex-basis: 100%;
      font-weight: 500;
    }
    .verdicts {
      display: flex;
      gap: 8px;
    }
    .verdicts .chosen {
      background: var(--mat-sys-secondary-container, #e8def8);
    }
    .campaign,
    .note textarea {
      padding: 6px 8px;
      font: inherit;
      border: 1px solid var(--mat-sys-outline-variant, #ccc);
      border-radius: 4px;
    }
    .note {
      display: grid;
      gap: 4px;
    }
    .note .picker-label {
      font-weight: 500;
    }
  `,
})
export class IntelCapture implements OnInit {
  /** The lead's campaign, which a verdict is about unless the rep names another. */
  readonly defaultCampaign = input<string | undefined>(undefined);

  private readonly tags = inject(IntelTagsStore);
  protected readonly kinds = INTEL_KINDS;
  protected readonly kindLabels = KIND_LABELS;
  protected readonly verdicts = VERDICTS;
  protected readonly verdictLabels = VERDICT_LABELS;
  protected readonly noteLimit = NOTE_LIMIT;

  readonly expanded = signal(false);
  protected readonly picked = signal(nothingPicked());
  protected readonly verdict = signal<MessageVerdict | null>(null);
  protected readonly campaign = signal('');
  protected readonly note = signal('');

  readonly request = computed(() =>
    intelRequest(this.picked(), this.verdict(), this.campaign(), this.note()),
  );
  protected readonly summary = computed(() => {
    const count = Object.values(this.picked()).reduce((n, ids) => n + ids.length, 0);
    return [
      count ? `${count} tag${count === 1 ? '' : 's'}` : '',
      this.verdict() ? VERDICT_LABELS[this.verdict()!] : '',
      this.note().trim() ? 'note' : '',
    ]
      .filter(Boolean)
      .join(', ');
  });

  ngOnInit(): void {
    void this.tags.ensureLoaded();
  }

  protected setPicked(kind: IntelKind, ids: string[]): void {
    this.picked.update((p) => ({ ...p, [kind]: ids }));
  }

  /** After the form saved: nothing picked, collapsed again. */
  reset(): void {
    this.picked.set(nothingPicked());
    this.verdict.set(null);
    this.campaign.set('');
    this.note.set('');
    this.expanded.set(false);
  }
}
