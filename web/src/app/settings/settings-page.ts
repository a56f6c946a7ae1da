import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { MatTabsModule } from '@angular/material/tabs';

/** Settings: the tenant's calendar and the signed-in user's own availability. */
@Component({
  selector: 'app-settings-page',
  imports: [RouterLink, RouterLinkActive, RouterOutlet, MatTabsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <h1>Settings</h1>
      <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Settings">
        <a
          mat-tab-link
          routerLink="calendar"
          routerLinkActive
          #calendar="routerLinkActive"
          [active]="calendar.isActive"
          >Calendar</a
        >
        <a
          mat-tab-link
          routerLink="availability"
          routerLinkActive
          #availability="routerLinkActive"
          [active]="availability.isActive"
          >My availability</a
        >
      </nav>
      <mat-tab-nav-panel #panel>
        <router-outlet />
      </mat-tab-nav-panel>
    </div>
  `,
  styles: `
    mat-tab-nav-panel {
      display: block;
      margin-top: 16px;
    }
  `,
})
export class SettingsPage {}
