import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { PendingApprovalStore } from './pending-approval-store';

/** On the board: tells marketing and sales when the open agreement draft waits for their approval. */
@Component({
  selector: 'app-approval-banner',
  imports: [RouterLink],
  providers: [PendingApprovalStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.awaiting().length && store.draft(); as draft) {
      <div class="banner" role="status" data-testid="approval-banner">
        <span>
          <strong
            >Draft version {{ draft.version }} of the lead agreement awaits your approval</strong
          >
          as {{ store.awaiting().join(' and ') }}. See what it changes and simulate it before you
          sign.
        </span>
        <a [routerLink]="['/agreement/drafts', draft.id]" data-testid="review-draft"
          >Review the draft</a
        >
      </div>
    }
  `,
  styles: `
    .banner {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: center;
      justify-content: space-between;
      background: #fff8e1;
      border: 1px solid #ffe082;
      border-radius: 8px;
      padding: 8px 12px;
    }
    a {
      font-weight: 600;
      color: #1f3a5f;
    }
  `,
})
export class ApprovalBanner implements OnInit {
  protected readonly store = inject(PendingApprovalStore);

  ngOnInit(): void {
    void this.store.load();
  }
}
