import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { MatToolbarModule } from '@angular/material/toolbar';
import { MatButtonModule } from '@angular/material/button';
import { NotificationBell } from '../notifications/notification-bell';
import { AuthStore } from './auth-store';

/** The signed-in frame: role-aware navigation, the notification bell, who is signed in, sign out. */
@Component({
  selector: 'app-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatButtonModule,
    NotificationBell,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-toolbar class="bar" role="banner">
      <a class="brand" routerLink="/board" aria-label="L2R home">L2R</a>
      <nav class="nav" aria-label="Main">
        <a mat-button routerLink="/board" routerLinkActive="active" ariaCurrentWhenActive="page"
          >Board</a
        >
        @if (auth.hasRole('Sales', 'Admin')) {
          <a mat-button routerLink="/queue" routerLinkActive="active" ariaCurrentWhenActive="page"
            >My queue</a
          >
        }
        <a
          mat-button
          routerLink="/leads"
          routerLinkActive="active"
          [routerLinkActiveOptions]="{ exact: true }"
          ariaCurrentWhenActive="page"
          >Leads</a
        >
        @if (auth.hasRole('Marketing', 'Sales', 'Admin')) {
          <a mat-button routerLink="/metrics" routerLinkActive="active" ariaCurrentWhenActive="page"
            >Metrics</a
          >
          <a mat-button routerLink="/intel" routerLinkActive="active" ariaCurrentWhenActive="page"
            >Field intel</a
          >
        }
        <a mat-button routerLink="/agreement" routerLinkActive="active" ariaCurrentWhenActive="page"
          >Agreement</a
        >
        @if (auth.hasRole('Marketing', 'Sales', 'Admin')) {
          <a mat-button routerLink="/reviews" routerLinkActive="active" ariaCurrentWhenActive="page"
            >Reviews</a
          >
        }
        @if (auth.hasRole('Marketing', 'Admin')) {
          <a mat-button routerLink="/imports" routerLinkActive="active" ariaCurrentWhenActive="page"
            >Import</a
          >
        }
        <a mat-button routerLink="/settings" routerLinkActive="active" ariaCurrentWhenActive="page"
          >Settings</a
        >
        @if (auth.hasRole('Sales', 'Admin')) {
          <a
            mat-button
            routerLink="/routing/fairness"
            routerLinkActive="active"
            ariaCurrentWhenActive="page"
            >Fairness</a
          >
        }
        @if (auth.isAdmin()) {
          <a
            mat-button
            routerLink="/admin/teams"
            routerLinkActive="active"
            ariaCurrentWhenActive="page"
            >Teams</a
          >
          <a
            mat-button
            routerLink="/admin/users"
            routerLinkActive="active"
            ariaCurrentWhenActive="page"
            >Users</a
          >
          <a
            mat-button
            routerLink="/integrations"
            routerLinkActive="active"
            ariaCurrentWhenActive="page"
            >Integrations</a
          >
        }
      </nav>
      <span class="spacer"></span>
      <app-notification-bell />
      @if (auth.user(); as user) {
        <span class="who" data-testid="who">
          <span class="name">{{ user.displayName || user.email }}</span>
          <span class="meta"
            >{{ user.tenantName || user.tenantSlug }} · {{ (user.roles ?? []).join(', ') }}</span
          >
        </span>
      }
      <button mat-stroked-button class="signout" (click)="auth.logout()">Sign out</button>
    </mat-toolbar>
    <main class="content">
      <router-outlet />
    </main>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      height: 100vh;
    }
    .bar {
      gap: 8px;
      background: #1f3a5f;
      color: #fff;
      flex: none;
    }
    .brand {
      color: #fff;
      text-decoration: none;
      font-weight: 700;
      letter-spacing: 0.05em;
      margin-right: 12px;
    }
    .nav a {
      color: #dfe8f5;
    }
    .nav a.active {
      color: #fff;
      background: rgba(255, 255, 255, 0.15);
    }
    .spacer {
      flex: 1;
    }
    .who {
      display: flex;
      flex-direction: column;
      line-height: 1.2;
      text-align: right;
      font-size: 14px;
    }
    .who .meta {
      font-size: 12px;
      opacity: 0.8;
    }
    .signout {
      color: #fff;
      border-color: rgba(255, 255, 255, 0.6);
      margin-left: 12px;
    }
    .content {
      flex: 1;
      min-height: 0;
      overflow: auto;
    }
  `,
})
export class Shell {
  protected readonly auth = inject(AuthStore);
}
