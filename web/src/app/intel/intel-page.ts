import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { AuthStore } from '../core/auth-store';
import { CompetitorsReport } from './competitors-report';
import { IntelDrillDown } from './intel-drill-down';
import { IntelFilters } from './intel-filters';
import { IntelStore } from './intel-store';
import { IntelTagsStore } from './intel-tags-store';
import { PainsReport } from './pains-report';
import { ReceptionReport } from './reception-report';
import { TagCuration } from './tag-curation';
import { TagFrequency } from './tag-frequency';

/** What sales hears in the field, rolled up for marketing: every count opens the leads and notes behind it. */
@Component({
  selector: 'app-intel-page',
  imports: [
    CompetitorsReport,
    IntelDrillDown,
    IntelFilters,
    PainsReport,
    ReceptionReport,
    TagCuration,
    TagFrequency,
  ],
  providers: [IntelStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Field intel</h1>
    <app-intel-filters />
    <app-intel-drill-down />
    <div class="grid">
      <app-competitors-report class="wide" />
      <app-pains-report />
      <app-reception-report />
      <app-tag-frequency which="questions" />
      <app-tag-frequency which="objections" />
      @if (isAdmin()) {
        <app-tag-curation class="wide" />
      }
    </div>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(360px, 1fr));
      gap: 16px;
    }
    .wide {
      grid-column: 1 / -1;
    }
  `,
})
export class IntelPage implements OnInit {
  private readonly store = inject(IntelStore);
  private readonly tags = inject(IntelTagsStore);
  private readonly auth = inject(AuthStore);
  protected readonly isAdmin = () => this.auth.hasRole('Admin');

  ngOnInit(): void {
    void this.store.load(this.store.query());
    if (this.isAdmin()) void this.tags.reload();
  }
}
