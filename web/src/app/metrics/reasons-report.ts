import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { DatePipe, PercentPipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatSelectModule } from '@angular/material/select';
import { LeadTrigger } from '../api/l2r-api';
import { FieldControl, FormField } from '../core/form-field';
import { clauseLabel, triggerLabel } from '../core/labels';
import { problemText } from '../core/problem';
import { Chart } from './chart';
import { paretoOptions } from './charts';
import { REASON_TRIGGERS } from './metrics-query';
import { MetricsStore } from './metrics-store';
import { MetricsUrl } from './metrics-url';

/**
 * Why entries were rejected, recycled, lost or disqualified: the reasons and the agreement clauses they dispute as
 * Pareto charts, by source and campaign, with the reps' notes. What marketing brings to the joint review.
 */
@Component({
  selector: 'app-reasons-report',
  imports: [
    DatePipe,
    PercentPipe,
    RouterLink,
    MatButtonModule,
    MatSelectModule,
    FormField,
    FieldControl,
    Chart,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" id="reasons" aria-labelledby="reasons-title" data-testid="reasons">
      <div class="head">
        <h2 id="reasons-title">Reasons</h2>
        <app-form-field label="Move" subscriptSizing="fixed">
          <mat-select
            *appFieldControl
            [value]="store.query().trigger"
            (valueChange)="url.set({ trigger: $event })"
            data-testid="reasons-trigger"
          >
            <mat-option value="">Every move with a reason</mat-option>
            @for (t of triggers; track t) {
              <mat-option [value]="t">{{ triggerLabel(t) }}</mat-option>
            }
          </mat-select>
        </app-form-field>
        <button
          mat-stroked-button
          type="button"
          (click)="store.download('reasons')"
          data-testid="reasons-csv"
        >
          CSV
        </button>
      </div>
      @let section = store.reasons();
      @if (section.problem; as p) {
        <div class="error-box" role="alert">{{ problemText(p) }}</div>
      } @else if (section.value; as r) {
        @if (!r.total) {
          <p class="empty" data-testid="reasons-empty">
            No reasons in this view yet. When sales reject, recycle, lose or disqualify a lead, the
            reason they pick (and the agreement clause it disputes) is counted here.
          </p>
        } @else {
          <p>
            <strong data-testid="reasons-total">{{ r.total }}</strong> moves with a reason.
          </p>
          <div class="pair">
            <div>
              <h3>By reason</h3>
              <app-chart [options]="reasonsChart()" label="Pareto chart of the reasons given" />
              <table class="plain" data-testid="reason-rows">
                <thead>
                  <tr>
                    <th scope="col">Reason</th>
                    <th scope="col">Disputes</th>
                    <th scope="col" class="num">Count</th>
                    <th scope="col" class="num">Share</th>
                  </tr>
                </thead>
                <tbody>
                  @for (x of r.reasons; track x.trigger + x.code) {
                    <tr>
                      <td>
                        {{ x.label }} <span class="muted">· {{ triggerLabel(x.trigger) }}</span>
                      </td>
                      <td>{{ clauseText(x.disputes) }}</td>
                      <td class="num">{{ x.count }}</td>
                      <td class="num">{{ x.share | percent: '1.0-1' }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
            <div>
              <h3>By disputed clause of the agreement</h3>
              <app-chart
                [options]="clausesChart()"
                label="Pareto chart of the disputed agreement clauses"
              />
              <table class="plain" data-testid="clause-rows">
                <thead>
                  <tr>
                    <th scope="col">Clause</th>
                    <th scope="col">Reasons</th>
                    <th scope="col" class="num">Count</th>
                    <th scope="col" class="num">Share</th>
                  </tr>
                </thead>
                <tbody>
                  @for (c of r.clauses; track $index) {
                    <tr>
                      <td>{{ clauseText(c.clause) }}</td>
                      <td>{{ c.reasonCodes.join(', ') }}</td>
                      <td class="num">{{ c.count }}</td>
                      <td class="num">{{ c.share | percent: '1.0-1' }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          </div>
          <div class="pair">
            @for (slice of slices(); track slice.title) {
              <div>
                <h3>{{ slice.title }}</h3>
                <table class="plain">
                  <thead>
                    <tr>
                      <th scope="col">{{ slice.column }}</th>
                      <th scope="col" class="num">Count</th>
                      <th scope="col">Reasons</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (row of slice.rows; track row.key) {
                      <tr>
                        <td>{{ row.label }}</td>
                        <td class="num">{{ row.count }}</td>
                        <td class="muted">
                          @for (c of row.reasons; track c.trigger + c.code; let last = $last) {
                            {{ c.code }} {{ c.count }}{{ last ? '' : ', ' }}
                          }
                        </td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
            }
          </div>
          <h3>What the reps noted</h3>
          <ul class="timeline" data-testid="reason-notes">
            @for (n of r.notes; track $index) {
              <li>
                <div>“{{ n.note }}”</div>
                <div class="muted">
                  {{ n.label }} · {{ triggerLabel(n.trigger) }} ·
                  <a [routerLink]="['/leads', n.leadId]">{{ n.leadName }}</a> · {{ n.byName }} ·
                  {{ n.at | date: 'mediumDate' }}
                </div>
              </li>
            } @empty {
              <li class="empty">No notes with these reasons.</li>
            }
          </ul>
        }
      }
    </section>
  `,
  styles: `
    .head {
      display: flex;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
    }
    .head h2 {
      flex: 1;
    }
    h3 {
      font-size: 15px;
      margin: 12px 0 4px;
    }
    .pair {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(420px, 1fr));
      gap: 16px;
    }
    .num {
      text-align: right;
    }
    table {
      font-size: 13px;
    }
  `,
})
export class ReasonsReport {
  protected readonly store = inject(MetricsStore);
  protected readonly url = inject(MetricsUrl);
  protected readonly triggers: LeadTrigger[] = REASON_TRIGGERS;
  protected readonly triggerLabel = triggerLabel;
  protected readonly clauseText = clauseLabel;
  protected readonly problemText = problemText;

  private readonly report = computed(() => this.store.reasons().value);
  protected readonly reasonsChart = computed(() =>
    paretoOptions(
      (this.report()?.reasons ?? []).map((r) => ({ label: r.label, count: r.count })),
      this.report()?.total ?? 0,
    ),
  );
  protected readonly clausesChart = computed(() =>
    paretoOptions(
      (this.report()?.clauses ?? []).map((c) => ({
        label: c.clause?.description ?? clauseLabel(null),
        count: c.count,
      })),
      this.report()?.total ?? 0,
    ),
  );
  protected readonly slices = computed(() => [
    { title: 'By source', column: 'Source', rows: this.report()?.bySource ?? [] },
    { title: 'By campaign', column: 'Campaign', rows: this.report()?.byCampaign ?? [] },
  ]);
}
