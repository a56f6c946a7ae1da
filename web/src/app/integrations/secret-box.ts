import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { CdkCopyToClipboard } from '@angular/cdk/clipboard';
import { MatButtonModule } from '@angular/material/button';

/** A secret the API returns once: a read-only copyable box, the warning, and a button to put it away. */
@Component({
  selector: 'app-secret-box',
  imports: [CdkCopyToClipboard, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="secret" role="region" [attr.aria-label]="title()" data-testid="secret-box">
      <h2>{{ title() }}</h2>
      <ng-content />
      <p class="warning">
        <strong>Copy it now: you will not see it again.</strong> L2R keeps only a hash of it; if it
        is lost, issue a new one.
      </p>
      <div class="row">
        <input
          #value
          class="value"
          readonly
          [value]="secret()"
          aria-label="Secret"
          data-testid="secret-value"
          (focus)="value.select()"
        />
        <button
          mat-stroked-button
          type="button"
          [cdkCopyToClipboard]="secret()"
          (cdkCopyToClipboardCopied)="copied.set($event)"
        >
          {{ copied() ? 'Copied' : 'Copy' }}
        </button>
      </div>
      <button mat-flat-button type="button" (click)="dismiss.emit()" data-testid="secret-done">
        I have stored it
      </button>
    </section>
  `,
  styles: `
    .secret {
      border: 2px solid #e0a800;
      background: #fff8e1;
      border-radius: 8px;
      padding: 12px 16px;
      margin-bottom: 16px;
    }
    .warning {
      color: #5f4300;
    }
    .row {
      display: flex;
      gap: 8px;
      margin-bottom: 12px;
    }
    .value {
      flex: 1;
      font-family: monospace;
      font-size: 14px;
      padding: 6px 8px;
      border: 1px solid #c9b26b;
      border-radius: 4px;
      background: #fff;
    }
  `,
})
export class SecretBox {
  readonly title = input.required<string>();
  readonly secret = input.required<string>();
  readonly dismiss = output<void>();
  protected readonly copied = signal(false);
}
