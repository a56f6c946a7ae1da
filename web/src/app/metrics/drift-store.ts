import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { DriftAlertDto, MetricsClient } from '../api/l2r-api';

/** The live agreement's open drift alerts, shared by the board and the metrics page so a move can refresh both. */
@Injectable({ providedIn: 'root' })
export class DriftStore {
  private readonly client = inject(MetricsClient);

  readonly alerts = signal<DriftAlertDto[]>([]);

  async refresh(): Promise<void> {
    try {
      this.alerts.set(await firstValueFrom(this.client.listDriftAlerts()));
    } catch {
      // The banner is an alarm on top of the page, not the page: without an answer it stays as it was.
    }
  }
}
