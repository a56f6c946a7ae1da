import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';

/** Switches between the two integration pages, which share the shell's one "Integrations" entry. */
@Component({
  selector: 'app-integrations-nav',
  imports: [RouterLink, RouterLinkActive, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="tabs" aria-label="Integrations">
      <a
        mat-button
        routerLink="/integrations/clients"
        routerLinkActive="active"
        ariaCurrentWhenActive="page"
        >API clients</a
      >
      <a
        mat-button
        routerLink="/integrations/webhooks"
        routerLinkActive="active"
        ariaCurrentWhenActive="page"
        >Webhooks</a
      >
    </nav>
  `,
  styles: `
    .tabs {
      display: flex;
      gap: 4px;
      border-bottom: 1px solid #dde2e9;
      margin-bottom: 12px;
    }
    .tabs a.active {
      border-bottom: 2px solid #1f3a5f;
      border-radius: 0;
    }
  `,
})
export class IntegrationsNav {}
