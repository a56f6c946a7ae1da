import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { DatePipe } from '@angular/common';
import { HistoryEntryDto } from '../api/l2r-api';
import { CriteriaList } from '../core/criteria-list';
import { stateLabel, triggerLabel } from '../core/labels';
import { IntelRecord } from '../intel/intel-record';
import { LeadStore } from './lead-store';

/** One history entry in words: what happened ("Created in Raw", "Scored → MQL", a merge) and how (trigger, who or what, which import). */
export function describeEntry(t: HistoryEntryDto): { what: string; how: string } {
  const created = t.kind === 'Created';
  const who =
    t.actorKind === 'System'
      ? created
        ? 'by the system'
        : 'by the agreement (automatic)'
      : `by ${t.actorName || 'someone'}`;
  if (t.kind === 'Merged') {
    // A merge moves no stage: it says which duplicate this lead absorbed (its id now answers 404 pointing here).
    return { what: `Merged a duplicate into this lead (lead ${t.mergedLeadId ?? '?'})`, how: who };
  }
  return created
    ? {
        what: `Created in ${stateLabel(t.to)}`,
        how: t.importRunId ? `imported ${who} (import run ${t.importRunId.slice(0, 8)})` : who,
      }
    : {
        what: `${stateLabel(t.from)} → ${stateLabel(t.to)}`,
        how: `${triggerLabel(t.trigger)} · ${who}`,
      };
}

/**
 * The lead's creation and every move it made, newest first: who or what made it, under which agreement, and the
 * criteria as judged.
 */
@Component({
  selector: 'app-lead-history',
  imports: [DatePipe, CriteriaList, IntelRecord],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" aria-labelledby="history-title">
      <h2 id="history-title">Stage history</h2>
      <ol class="timeline" data-testid="history">
        @for (e of entries(); track e.t.id) {
          @let t = e.t;
          <li data-testid="history-entry" [attr.data-kind]="t.kind">
            <div>
              <strong>{{ e.what }}</strong>
              <span class="muted"> · {{ e.how }}</span>
            </div>
            <div class="muted">
              {{ t.occurredAt | date: 'medium' }} · agreement v{{ t.agreementVersion }}
            </div>
            @if (t.reasonLabel || t.reasonCode) {
              <div>Reason: {{ t.reasonLabel || t.reasonCode }}</div>
            }
            @if (t.note) {
              <div>Note: {{ t.note }}</div>
            }
            @if (heard().get(t.id); as intel) {
              <app-intel-record [intel]="intel" />
            }
            @if (t.criteria?.length) {
              <details>
                <summary>Criteria as evaluated ({{ t.criteria!.length }})</summary>
                <app-criteria-list [criteria]="t.criteria ?? []" />
              </details>
            }
          </li>
        } @empty {
          <li class="empty">No moves yet.</li>
        }
      </ol>
    </section>
  `,
})
export class LeadHistory {
  private readonly store = inject(LeadStore);
  protected readonly heard = this.store.intelByTransition;
  protected readonly entries = computed(() =>
    this.store.transitionsNewestFirst().map((t) => ({ t, ...describeEntry(t) })),
  );
}
