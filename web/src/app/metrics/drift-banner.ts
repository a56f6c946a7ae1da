import { ChangeDetectionStrategy, Component, OnInit, computed, inject } from '@angular/core';
import { PercentPipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { DriftAlertDto } from '../api/l2r-api';
import { DriftStore } from './drift-store';
import { MetricsQuery, toParams, DEFAULT_QUERY } from './metrics-query';

/** The reasons report over an alert's window: period mode, the rejections (what moves both measures). */
export function reasonsLink(alert: DriftAlertDto): Record<string, string> {
  const query: MetricsQuery = {
    ...DEFAULT_QUERY,
    mode: 'Period',
    from: alert.current.windowFrom,
    to: alert.current.windowTo,
    trigger: 'Reject',
  };
  return toParams(query);
}

/** On the board and the metrics page: the agreement's MQL acceptance or reject rate has crossed its alarm. */
@Component({
  selector: 'app-drift-banner',
  imports: [PercentPipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (a of alerts(); track a.alert.id) {
      <div
        class="banner"
        role="alert"
        data-testid="drift-banner"
        [attr.data-measure]="a.alert.measure"
      >
        <span>
          <strong>
            @if (a.alert.measure === 'MqlAcceptanceRate') {
              MQL acceptance is {{ a.alert.current.value | percent: '1.0-1' }}, below its floor of
              {{ a.alert.threshold | percent: '1.0-1' }}
            } @else {
              The MQL reject rate is {{ a.alert.current.value | percent: '1.0-1' }}, above its
              ceiling of
              {{ a.alert.threshold | percent: '1.0-1' }}
            }
          </strong>
          ({{ a.alert.current.accepted }} accepted, {{ a.alert.current.rejected }} rejected in the
          last {{ a.days }} days, agreement v{{ a.alert.agreementVersion }}).
        </span>
        <a
          routerLink="/metrics"
          [queryParams]="a.link"
          fragment="reasons"
          data-testid="drift-reasons"
          >Why were they rejected?</a
        >
      </div>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .banner {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: center;
      justify-content: space-between;
      background: #fdecea;
      border: 1px solid #f2b8b5;
      color: #5f1412;
      border-radius: 8px;
      padding: 8px 12px;
    }
    a {
      font-weight: 600;
      color: #1f3a5f;
    }
  `,
})
export class DriftBanner implements OnInit {
  private readonly store = inject(DriftStore);
  protected readonly alerts = computed(() =>
    this.store.alerts().map((alert) => ({
      alert,
      link: reasonsLink(alert),
      days: Math.round(
        (Date.parse(alert.current.windowTo) - Date.parse(alert.current.windowFrom)) / 86_400_000,
      ),
    })),
  );

  ngOnInit(): void {
    void this.store.refresh();
  }
}
