import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { LeadActivityForm } from './lead-activity-form';
import { LeadChanges } from './lead-changes';
import { LeadConflict } from './lead-conflict';
import { LeadFeedback } from './lead-feedback';
import { LeadHeader } from './lead-header';
import { LeadHistory } from './lead-history';
import { LeadJourney } from './lead-journey';
import { LeadMoves } from './lead-moves';
import { LeadProfile } from './lead-profile';
import { LeadSales } from './lead-sales';
import { LeadScore } from './lead-score';
import { LeadSla } from './lead-sla';
import { LiveStore } from '../core/live-store';
import { LeadStore } from './lead-store';

/** A lead's page: its sections, fed by one store, and what the last action did. */
@Component({
  selector: 'app-lead-page',
  imports: [
    RouterLink,
    MatProgressBarModule,
    LeadActivityForm,
    LeadChanges,
    LeadConflict,
    LeadFeedback,
    LeadHeader,
    LeadHistory,
    LeadJourney,
    LeadMoves,
    LeadProfile,
    LeadSales,
    LeadScore,
    LeadSla,
  ],
  providers: [LeadStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page lead-page">
      <a routerLink="/board" class="back">← Board</a>
      @if (store.loading() && !store.lead()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the lead" />
      }
      @if (store.error(); as problem) {
        <div class="error-box" role="alert">
          {{ problem.title }}
          @if (problem.detail) {
            <br />{{ problem.detail }}
          }
          @if (mergedInto(); as survivor) {
            <br /><a [routerLink]="['/leads', survivor]" data-testid="merged-into"
              >Open the lead it was merged into</a
            >
          }
        </div>
      }
      @if (store.lead()) {
        <app-lead-header />
        @if (store.busy()) {
          <mat-progress-bar mode="indeterminate" />
        }
        @if (store.notice(); as n) {
          <div
            [class]="n.kind === 'ok' ? 'ok-box' : 'error-box'"
            role="status"
            data-testid="lead-notice"
          >
            @for (line of n.lines; track $index) {
              <div>{{ line }}</div>
            }
          </div>
        }
        <app-lead-conflict />

        <div class="grid">
          <div class="col">
            <app-lead-moves />
            <app-lead-profile />
            <app-lead-sales />
            <app-lead-activity-form />
          </div>
          <div class="col">
            <app-lead-sla />
            <app-lead-score />
            <app-lead-feedback />
            <app-lead-history />
            <app-lead-journey />
            <app-lead-changes />
          </div>
        </div>
      }
    </div>
  `,
  styles: `
    .back {
      display: inline-block;
      margin-bottom: 8px;
    }
    .grid {
      display: grid;
      grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr);
      gap: 16px;
      align-items: start;
    }
    @media (max-width: 1000px) {
      .grid {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .col {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .ok-box {
      border: 1px solid #a5d6a7;
      background: #e6f3e7;
      padding: 8px 12px;
      border-radius: 6px;
      margin-bottom: 12px;
    }
    .error-box {
      margin-bottom: 12px;
    }
  `,
})
export class LeadPage {
  readonly id = input.required<string>();

  protected readonly store = inject(LeadStore);
  /** A lead merged into another answers 404 naming the survivor, so old links still lead somewhere. */
  protected readonly mergedInto = computed(() => {
    const problem = this.store.error();
    const id = problem?.status === 404 ? problem.extensions?.['mergedInto'] : null;
    return typeof id === 'string' ? id : null;
  });

  constructor() {
    effect(() => void this.store.load(this.id()));
    // Others' moves, owner and SLA changes show up here as they happen; after a gap in the connection, reload.
    const live = inject(LiveStore);
    live.leadChanged.pipe(takeUntilDestroyed()).subscribe((c) => void this.store.applyRemote(c));
    live.resynced.pipe(takeUntilDestroyed()).subscribe(() => void this.store.load(this.id()));
  }
}
