import { Injectable, inject } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { MetricsQuery, toParams } from './metrics-query';
import { MetricsStore } from './metrics-store';

/** Changes the metrics page's view by changing its URL: the page loads whatever the query string says. */
@Injectable()
export class MetricsUrl {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly store = inject(MetricsStore);

  set(patch: Partial<MetricsQuery>): Promise<boolean> {
    return this.router.navigate([], {
      relativeTo: this.route,
      queryParams: toParams({ ...this.store.query(), ...patch }),
    });
  }
}
