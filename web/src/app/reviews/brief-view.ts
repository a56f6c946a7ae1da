import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { DatePipe } from '@angular/common';
import { Params, RouterLink } from '@angular/router';
import { ReviewBriefDto } from '../api/l2r-api';

/** A metrics URL of the brief ("/metrics?mode=Period&…") as a router link with its query. */
export function metricsLink(url: string): { path: string; query: Params } {
  const parsed = new URL(url, 'http://l2r.invalid');
  return { path: parsed.pathname, query: Object.fromEntries(parsed.searchParams.entries()) };
}

/** The brief, one column in large type for a meeting-room screen: each finding with its numbers and its leads. */
@Component({
  selector: 'app-brief-view',
  imports: [DatePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let content = brief().content;
    <p class="period">
      {{ content.from | date: 'd MMM, HH:mm' : 'UTC' }} –
      {{ content.to | date: 'd MMM y, HH:mm' : 'UTC' }} UTC, against the same length before. Only
      changes of at least {{ content.changePercent }}% on at least
      {{ content.minimumSample }} leads.
    </p>
    @for (section of content.sections; track section.key) {
      <section class="brief-section" [attr.data-section]="section.key">
        <h2>{{ section.title }}</h2>
        @for (item of section.items; track $index) {
          <div
            class="item"
            [class.rose]="item.direction === 'Rose'"
            [class.fell]="item.direction === 'Fell'"
          >
            <p>{{ item.text }}</p>
            <p class="links">
              @if (item.metricsUrl; as url) {
                <a [routerLink]="link(url).path" [queryParams]="link(url).query">See the numbers</a>
              }
              @if (item.leadIds.length) {
                <span>
                  Leads:
                  @for (id of item.leadIds.slice(0, 5); track id; let i = $index) {
                    <a [routerLink]="['/leads', id]">{{ i + 1 }}</a>
                  }
                  @if (item.leadIds.length > 5) {
                    <span>and {{ item.leadIds.length - 5 }} more</span>
                  }
                </span>
              }
            </p>
          </div>
        } @empty {
          <p class="quiet">Nothing beyond the thresholds.</p>
        }
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
      font-size: 1.25rem;
      line-height: 1.5;
    }
    .period,
    .quiet {
      color: var(--mat-sys-on-surface-variant, #555);
    }
    .brief-section h2 {
      font-size: 1.5rem;
      margin: 24px 0 8px;
    }
    .item {
      border-left: 6px solid #c8d3e0;
      padding: 4px 12px;
      margin: 8px 0;
    }
    .item p {
      margin: 4px 0;
    }
    .item.rose {
      border-color: #2e7d32;
    }
    .item.fell {
      border-color: #c62828;
    }
    .links {
      font-size: 1rem;
      display: flex;
      gap: 16px;
    }
    .links a + a {
      margin-left: 6px;
    }
    @media print {
      :host {
        font-size: 12pt;
      }
      .item {
        break-inside: avoid;
      }
    }
  `,
})
export class BriefView {
  readonly brief = input.required<ReviewBriefDto>();
  protected readonly link = metricsLink;
}
