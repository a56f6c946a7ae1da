import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { SlaTallyDto } from '../api/l2r-api';
import { problemText } from '../core/problem';
import { formatDecimal } from './figures';
import { MetricsStore } from './metrics-store';

/** SLA compliance of the clocks started in the period: met on time, late, breached, and how fast, by term, rep and source. */
@Component({
  selector: 'app-sla-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" aria-labelledby="sla-title" data-testid="sla">
      <h2 id="sla-title">Follow-up SLAs</h2>
      @let section = store.sla();
      @if (section.problem; as p) {
        <div class="error-box" role="alert">{{ problemText(p) }}</div>
      } @else if (section.value; as m) {
        @if (!m.total?.clocks) {
          <p class="empty" data-testid="sla-empty">
            No SLA clock started in this period. Once MQLs wait for sales under the agreement's
            service levels, this shows how many were answered on time, how fast, and where they were
            late.
          </p>
        } @else {
          @let t = m.total!;
          <dl class="tiles" data-testid="sla-total">
            <div>
              <dt>Met on time</dt>
              <dd data-testid="sla-on-time">{{ percent(t) }}</dd>
            </div>
            <div>
              <dt>Clocks</dt>
              <dd>{{ t.clocks }}</dd>
            </div>
            <div>
              <dt>On time · late · breached</dt>
              <dd>{{ t.metOnTime }} · {{ t.metLate }} · {{ t.breached }}</dd>
            </div>
            <div>
              <dt>Still open · ended</dt>
              <dd>{{ t.open }} · {{ t.ended }}</dd>
            </div>
            <div>
              <dt>Median hours to meet</dt>
              <dd>{{ hours(t.medianHoursToMeet) }}</dd>
            </div>
            <div>
              <dt>P90 hours to meet</dt>
              <dd>{{ hours(t.p90HoursToMeet) }}</dd>
            </div>
          </dl>
          <p class="muted">
            Met on time = clocks met before they fell due ÷ clocks decided (met, or breached and
            still open); hours to meet run from the clock's start to the decision or touch that met
            it, in clock time.
          </p>
          <div class="tables">
            @for (slice of slices(); track slice.title) {
              <div>
                <h3>{{ slice.title }}</h3>
                <table class="plain" [attr.data-testid]="'sla-' + slice.id">
                  <thead>
                    <tr>
                      <th scope="col">{{ slice.column }}</th>
                      <th scope="col" class="num">Clocks</th>
                      <th scope="col" class="num">On time</th>
                      <th scope="col" class="num">Late</th>
                      <th scope="col" class="num">Breached</th>
                      <th scope="col" class="num">Met on time</th>
                      <th scope="col" class="num">Median h</th>
                      <th scope="col" class="num">P90 h</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (row of slice.rows; track row.key) {
                      <tr>
                        <td>{{ row.label || row.key || '—' }}</td>
                        <td class="num">{{ row.tally?.clocks }}</td>
                        <td class="num">{{ row.tally?.metOnTime }}</td>
                        <td class="num">{{ row.tally?.metLate }}</td>
                        <td class="num">{{ row.tally?.breached }}</td>
                        <td class="num">{{ percent(row.tally) }}</td>
                        <td class="num">{{ hours(row.tally?.medianHoursToMeet) }}</td>
                        <td class="num">{{ hours(row.tally?.p90HoursToMeet) }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
            }
          </div>
        }
      }
    </section>
  `,
  styles: `
    .tiles {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(160px, 1fr));
      gap: 8px;
      margin: 0;
    }
    .tiles div {
      background: #f7f9fb;
      border-radius: 6px;
      padding: 8px;
    }
    dt {
      font-size: 12px;
      color: #5f6b7a;
    }
    dd {
      margin: 0;
      font-size: 20px;
      font-weight: 600;
    }
    h3 {
      font-size: 15px;
      margin: 12px 0 4px;
    }
    .tables {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(560px, 1fr));
      gap: 16px;
    }
    .tables > div {
      overflow-x: auto;
    }
    table {
      font-size: 13px;
    }
    th {
      white-space: nowrap;
    }
    .num {
      text-align: right;
    }
  `,
})
export class SlaSection {
  protected readonly store = inject(MetricsStore);
  protected readonly problemText = problemText;

  protected readonly slices = computed(() => {
    const m = this.store.sla().value;
    return [
      { id: 'term', title: 'By service level', column: 'Term', rows: m?.byTerm ?? [] },
      { id: 'owner', title: 'By rep', column: 'Rep', rows: m?.byOwner ?? [] },
      { id: 'source', title: 'By source', column: 'Source', rows: m?.bySource ?? [] },
    ];
  });

  /** metOnTimePercent comes as a percentage (0–100) or null when nothing was decided. */
  protected percent(t: SlaTallyDto | undefined): string {
    const value = t?.metOnTimePercent;
    return value === null || value === undefined ? '—' : `${formatDecimal(value)}%`;
  }

  protected readonly hours = formatDecimal;
}
