import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { CampaignReceptionDto, MessageVerdict } from '../api/l2r-api';
import { problemText } from '../core/problem';
import { VERDICTS, VERDICT_LABELS } from './intel-capture';
import { IntelStore } from './intel-store';

const COUNT: Record<MessageVerdict, keyof CampaignReceptionDto> = {
  Resonated: 'resonated',
  FellFlat: 'fellFlat',
  Confused: 'confused',
};

/** How each campaign's message landed, as reps heard it. */
@Component({
  selector: 'app-reception-report',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" aria-labelledby="reception-title" data-testid="reception">
      <h2 id="reception-title">Message reception</h2>
      @if (store.reception().problem; as p) {
        <div class="error-box" role="alert">{{ problemText(p) }}</div>
      }
      @if (store.reception().value; as r) {
        @if (r.campaigns.length) {
          <table class="plain">
            <thead>
              <tr>
                <th scope="col">Campaign</th>
                @for (v of verdicts; track v) {
                  <th scope="col">{{ labels[v] }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (c of r.campaigns; track c.campaign) {
                <tr>
                  <th scope="row">{{ c.label }}</th>
                  @for (v of verdicts; track v) {
                    <td>
                      <button
                        class="count"
                        type="button"
                        [disabled]="!c.campaign"
                        (click)="drill(c, v)"
                      >
                        {{ count(c, v) }}
                      </button>
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        } @else {
          <p class="empty">No verdicts on a campaign's message in this period.</p>
        }
      }
    </section>
  `,
})
export class ReceptionReport {
  protected readonly store = inject(IntelStore);
  protected readonly verdicts = VERDICTS;
  protected readonly labels = VERDICT_LABELS;
  protected readonly problemText = problemText;

  protected count(c: CampaignReceptionDto, v: MessageVerdict): number {
    return c[COUNT[v]] as number;
  }

  protected drill(c: CampaignReceptionDto, v: MessageVerdict): void {
    void this.store.openDrill({
      title: `${c.label}: ${VERDICT_LABELS[v]}`,
      expected: this.count(c, v),
      verdict: v,
      campaign: c.campaign,
    });
  }
}
