import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { Router } from '@angular/router';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { NotificationDto } from '../api/l2r-api';
import { NotificationStore } from './notification-store';

/** The shell's bell: unread count, the latest SLA warnings and breaches, each opening its lead and marking it read. */
@Component({
  selector: 'app-notification-bell',
  imports: [DatePipe, MatBadgeModule, MatButtonModule, MatMenuModule],
  providers: [NotificationStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-icon-button
      type="button"
      class="bell"
      [matMenuTriggerFor]="menu"
      (menuOpened)="store.load()"
      [matBadge]="store.unread() || null"
      matBadgeColor="warn"
      [attr.aria-label]="
        store.unread() ? 'Notifications, ' + store.unread() + ' unread' : 'Notifications'
      "
      data-testid="bell"
    >
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <path
          fill="currentColor"
          d="M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2Zm6-6V11a6 6 0 0 0-5-5.9V4a1 1 0 1 0-2 0v1.1A6 6 0 0 0 6 11v5l-2 2v1h16v-1Z"
        />
      </svg>
    </button>
    <mat-menu #menu="matMenu" class="notifications-menu" xPosition="before">
      <ng-template matMenuContent>
        @for (n of store.items(); track n.id) {
          <button
            mat-menu-item
            class="item"
            [class.unread]="!n.readAt"
            (click)="open(n)"
            data-testid="notification"
            [attr.data-kind]="n.kind"
          >
            <span class="kind" [class.breach]="n.kind === 'SlaBreach'">{{
              n.kind === 'SlaBreach' ? 'Breach' : 'Warning'
            }}</span>
            <span class="message">{{ n.message }}</span>
            <small class="when">{{ n.createdAt | date: 'd MMM, HH:mm' }}</small>
          </button>
        } @empty {
          <button mat-menu-item disabled>No notifications</button>
        }
      </ng-template>
    </mat-menu>
  `,
  styles: `
    .bell {
      color: #fff;
    }
    .item {
      white-space: normal;
      max-width: 420px;
      height: auto;
      min-height: 48px;
      line-height: 1.3;
      padding-top: 6px;
      padding-bottom: 6px;
    }
    .item.unread .message {
      font-weight: 600;
    }
    .kind {
      display: inline-block;
      font-size: 11px;
      font-weight: 700;
      text-transform: uppercase;
      color: #7a4a00;
      margin-right: 6px;
    }
    .kind.breach {
      color: #b3261e;
    }
    .when {
      display: block;
      color: #5f6b7a;
    }
  `,
})
export class NotificationBell implements OnInit {
  protected readonly store = inject(NotificationStore);
  private readonly router = inject(Router);

  ngOnInit(): void {
    void this.store.load();
  }

  protected open(n: NotificationDto): void {
    void this.store.markRead(n);
    if (n.leadId) void this.router.navigate(['/leads', n.leadId]);
  }
}
