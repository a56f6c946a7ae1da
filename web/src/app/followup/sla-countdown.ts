import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { SlaSummaryDto } from '../api/l2r-api';
import { Clock } from '../core/clock';
import { slaView } from './sla';

/** A live countdown to an SLA clock's due time, coloured by how close it is (shared by cards, queue and lead page). */
@Component({
  selector: 'app-sla-countdown',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span
    class="sla"
    [class]="view().tone"
    [title]="view().title"
    [attr.data-tone]="view().tone"
    data-testid="sla"
    >{{ view().text }}</span
  >`,
  styles: `
    .sla {
      white-space: nowrap;
      font-weight: 600;
      border-radius: 4px;
      padding: 0 4px;
    }
    .ok {
      color: #1b7a3a;
    }
    .warning {
      color: #7a4a00;
      background: #fff3d6;
    }
    .breach {
      color: #fff;
      background: #b3261e;
    }
    .paused {
      color: #5f6b7a;
      background: #eef2f7;
    }
  `,
})
export class SlaCountdown {
  readonly sla = input.required<SlaSummaryDto>();
  private readonly clock = inject(Clock);
  protected readonly view = computed(() => slaView(this.sla(), this.clock.now()));
}
