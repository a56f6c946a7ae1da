import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { DecimalPipe, NgTemplateOutlet } from '@angular/common';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { SimulationLeadDto } from '../api/l2r-api';
import { stateLabel, triggerLabel } from '../core/labels';
import { problemLines } from '../core/problem';
import { DraftStore } from './draft-store';
import { SimulationStore } from './simulation-store';

/** The draft run against today's open leads: what activation will move, what stops passing, where, and who. */
@Component({
  selector: 'app-simulation-view',
  imports: [
    DecimalPipe,
    NgTemplateOutlet,
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    MatSlideToggleModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" data-testid="simulation">
      <div class="head">
        <button
          mat-flat-button
          type="button"
          (click)="run()"
          [disabled]="sim.running() || draft.dirty() || !draft.draft()"
          data-testid="run-simulation"
        >
          {{ sim.result() ? 'Run again' : 'Run the simulation' }}
        </button>
        <span class="muted">
          Evaluates revision {{ draft.draft()?.revision }} against today's open leads. Nothing
          changes.
          @if (draft.dirty()) {
            Save your edits first to simulate them.
          }
        </span>
      </div>
      @if (sim.running()) {
        <mat-progress-bar mode="indeterminate" aria-label="Simulating" />
      }
      @if (sim.error(); as p) {
        <div class="error-box" role="alert">{{ lines(p).join('\\n') }}</div>
      }
      @if (sim.result(); as r) {
        @if (outdated()) {
          <p class="fail">The draft changed since this ran; run it again for current numbers.</p>
        }
        <div class="numbers">
          <div class="figure" data-testid="sim-open-leads">
            <span class="n">{{ r.openLeads | number }}</span> open leads evaluated
          </div>
          <div class="figure" data-testid="sim-will-move">
            <span class="n">{{ r.leadsThatWillMove | number }}</span> will move when it is activated
          </div>
          <div class="figure" data-testid="sim-mql">
            <span class="n"
              ><span data-testid="sim-mql-now">{{ r.mqlNow }}</span> →
              <span data-testid="sim-mql-after">{{ r.mqlAfter }}</span></span
            >
            MQLs ({{ delta(r.mqlNow, r.mqlAfter) }})
          </div>
        </div>
        <p class="muted">
          Compared with active version {{ r.activeVersion }}; computed in
          {{ r.elapsedMilliseconds | number: '1.0-0' }} ms. Leads that would no longer pass a guard
          stay where they are: nobody is moved back.
        </p>

        <div class="table-head">
          <h3>Per move</h3>
          <mat-slide-toggle [checked]="showAll()" (change)="showAll.set($event.checked)"
            >Show moves without changes</mat-slide-toggle
          >
        </div>
        <table class="plain" data-testid="sim-transitions">
          <thead>
            <tr>
              <th>Move</th>
              <th>To</th>
              <th>Newly pass</th>
              <th>No longer pass</th>
              <th>Will move</th>
            </tr>
          </thead>
          <tbody>
            @for (t of transitions(); track t.trigger) {
              <tr [attr.data-trigger]="t.trigger">
                <td>
                  {{ triggerLabel(t.trigger) }}
                  @if (t.autoAdvance) {
                    <span class="muted">(automatic)</span>
                  }
                </td>
                <td>{{ stateLabel(t.to) }}</td>
                <td data-testid="newly-pass">{{ t.newlyPass }}</td>
                <td>{{ t.noLongerPass }}</td>
                <td data-testid="will-move">{{ t.autoAdvance ? t.willMove : '—' }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="5" class="empty">No move's outcome changes for today's leads.</td>
              </tr>
            }
          </tbody>
        </table>

        @for (t of changed(); track t.trigger) {
          <details class="impact" [attr.data-trigger]="t.trigger" open>
            <summary>
              <strong>{{ triggerLabel(t.trigger) }}</strong>: {{ t.newlyPass }} newly pass,
              {{ t.noLongerPass }} no longer pass
            </summary>
            <div class="groups">
              @for (
                g of [
                  { name: 'By source', rows: t.bySource ?? [] },
                  { name: 'By campaign', rows: t.byCampaign ?? [] },
                ];
                track g.name
              ) {
                <table class="plain">
                  <thead>
                    <tr>
                      <th>{{ g.name }}</th>
                      <th>Newly pass</th>
                      <th>No longer pass</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (row of g.rows; track row.key) {
                      <tr>
                        <td>{{ row.key || '(none)' }}</td>
                        <td>{{ row.newlyPass }}</td>
                        <td>{{ row.noLongerPass }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              }
            </div>
            <div class="groups">
              <div>
                <h4>Newly pass, for example</h4>
                <ng-container
                  *ngTemplateOutlet="leads; context: { $implicit: t.newlyPassSample ?? [] }"
                />
              </div>
              <div>
                <h4>No longer pass, for example</h4>
                <ng-container
                  *ngTemplateOutlet="leads; context: { $implicit: t.noLongerPassSample ?? [] }"
                />
              </div>
            </div>
          </details>
        }

        @if (r.willMoveSample?.length) {
          <h3>Leads activation will move, for example</h3>
          <ng-container *ngTemplateOutlet="leads; context: { $implicit: r.willMoveSample }" />
        }
      }
    </section>

    <ng-template #leads let-list>
      <ul class="leads">
        @for (l of asLeads(list); track l.id) {
          <li>
            <a [routerLink]="['/leads', l.id]" data-testid="sample-lead">{{ l.name }}</a>
            <span class="muted">
              {{ l.company }} · {{ stateLabel(l.state)
              }}{{ l.source ? ' · ' + l.source : '' }}</span
            >
          </li>
        } @empty {
          <li class="muted">none</li>
        }
      </ul>
    </ng-template>
  `,
  styles: `
    .head,
    .table-head {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      margin-bottom: 8px;
    }
    .table-head {
      justify-content: space-between;
      margin-top: 12px;
    }
    .numbers {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin: 12px 0 4px;
    }
    .figure {
      background: #f4f6f9;
      border-radius: 8px;
      padding: 10px 14px;
      min-width: 180px;
    }
    .figure .n {
      display: block;
      font-size: 24px;
      font-weight: 700;
    }
    h3 {
      font-size: 15px;
      margin: 12px 0 4px;
    }
    h4 {
      font-size: 13px;
      margin: 8px 0 2px;
    }
    .impact {
      border-top: 1px solid #e1e5eb;
      padding: 8px 0;
    }
    .impact summary {
      cursor: pointer;
    }
    .groups {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(280px, 1fr));
      gap: 8px 24px;
    }
    .leads {
      margin: 0;
      padding-left: 18px;
    }
  `,
})
export class SimulationView {
  protected readonly sim = inject(SimulationStore);
  protected readonly draft = inject(DraftStore);
  protected readonly triggerLabel = triggerLabel;
  protected readonly stateLabel = stateLabel;
  protected readonly lines = problemLines;
  protected readonly showAll = signal(false);

  protected readonly changed = computed(() =>
    (this.sim.result()?.transitions ?? []).filter((t) => t.newlyPass || t.noLongerPass),
  );
  protected readonly transitions = computed(() =>
    this.showAll() ? (this.sim.result()?.transitions ?? []) : this.changed(),
  );
  protected readonly outdated = computed(
    () => this.sim.revision() !== null && this.sim.revision() !== this.draft.draft()?.revision,
  );

  protected run(): void {
    const d = this.draft.draft();
    if (d?.id) void this.sim.run(d.id, d.revision);
  }

  protected delta(now = 0, after = 0): string {
    const d = after - now;
    return d === 0 ? 'no change' : d > 0 ? `+${d}` : `${d}`;
  }

  protected asLeads(list: unknown): SimulationLeadDto[] {
    return list as SimulationLeadDto[];
  }
}
