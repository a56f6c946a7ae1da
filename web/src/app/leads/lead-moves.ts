import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TransitionOptionDto } from '../api/l2r-api';
import { CriteriaList } from '../core/criteria-list';
import { stateLabel, triggerLabel } from '../core/labels';
import { MoveFlow } from '../moves/move-flow';
import { LeadStore } from './lead-store';

/** The moves the agreement defines from the lead's stage: those open now, and why the others are blocked. */
@Component({
  selector: 'app-lead-moves',
  imports: [CriteriaList, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" aria-labelledby="moves-title">
      <h2 id="moves-title">Moves</h2>
      @if (!store.options().length) {
        <p class="empty">
          No moves from {{ stateLabel(store.lead()?.state) }}: it is a closed outcome or nothing is
          defined.
        </p>
      }
      @for (o of available(); track o.trigger) {
        <div class="move ok">
          <button
            mat-flat-button
            type="button"
            (click)="fire(o)"
            [disabled]="store.busy()"
            [attr.data-trigger]="o.trigger"
          >
            {{ triggerLabel(o.trigger) }} → {{ stateLabel(o.to) }}
          </button>
          @if (o.reasonList !== 'None') {
            <span class="muted">asks for a reason</span>
          }
          <app-criteria-list [criteria]="o.criteria ?? []" />
        </div>
      }
      @for (o of blocked(); track o.trigger) {
        <div class="move blocked" [attr.data-blocked]="o.trigger">
          <div>
            <strong>{{ triggerLabel(o.trigger) }} → {{ stateLabel(o.to) }}</strong>
            <span class="why">
              @if (!o.allowed) {
                — your role may not make this move
              } @else {
                — blocked: criteria not met
              }
            </span>
            @if (o.autoAdvance) {
              <span class="muted"> (happens by itself once the criteria hold)</span>
            }
          </div>
          <app-criteria-list [criteria]="o.criteria ?? []" />
          @if (o.allowed) {
            <button mat-stroked-button type="button" (click)="fire(o)" [disabled]="store.busy()">
              Try anyway
            </button>
          }
        </div>
      }
    </section>
  `,
  styles: `
    .move {
      padding: 8px 0;
      border-bottom: 1px solid #eef1f5;
    }
    .move:last-child {
      border-bottom: none;
    }
    .move.blocked .why {
      color: #8a5a00;
    }
    .move .muted {
      margin-left: 8px;
    }
  `,
})
export class LeadMoves {
  protected readonly store = inject(LeadStore);
  private readonly moves = inject(MoveFlow);
  protected readonly stateLabel = stateLabel;
  protected readonly triggerLabel = triggerLabel;

  protected readonly available = computed(() =>
    this.store.options().filter((o) => o.allowed && o.criteriaMet),
  );
  protected readonly blocked = computed(() =>
    this.store.options().filter((o) => !(o.allowed && o.criteriaMet)),
  );

  protected async fire(option: TransitionOptionDto): Promise<void> {
    await this.moves.move(
      option,
      this.store.name(),
      (reason) => this.store.fire(option, reason),
      this.store.lead()?.campaign ?? undefined,
    );
  }
}
