import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { AuthStore } from '../core/auth-store';
import { FieldControl, FormField } from '../core/form-field';
import { problemMessage } from '../core/problem';

const LAST_TENANT = 'l2r.lastTenant';

@Component({
  selector: 'app-login',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    FieldControl,
    FormField,
    MatButtonModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="auth-page">
      <form
        class="card-box auth-card"
        [formGroup]="form"
        (ngSubmit)="submit()"
        aria-labelledby="login-title"
      >
        <h1 id="login-title">Sign in to L2R</h1>
        @if (expired()) {
          <p class="muted" role="status">Your session ended. Please sign in again.</p>
        }
        <app-form-field
          label="Workspace (tenant)"
          hint="The short name of your company's workspace, e.g. acme"
          subscriptSizing="fixed"
        >
          <input
            *appFieldControl
            matInput
            formControlName="tenant"
            name="tenant"
            autocomplete="organization"
            required
          />
        </app-form-field>
        <app-form-field label="Email" subscriptSizing="fixed">
          <input
            *appFieldControl
            matInput
            formControlName="email"
            name="email"
            type="email"
            autocomplete="username"
            required
          />
        </app-form-field>
        <app-form-field label="Password" subscriptSizing="fixed">
          <input
            *appFieldControl
            matInput
            formControlName="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
          />
        </app-form-field>
        @if (error()) {
          <p class="error-box" role="alert">{{ error() }}</p>
        }
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" />
        }
        <button mat-flat-button type="submit" [disabled]="busy()">Sign in</button>
        <p class="muted">New to L2R? <a routerLink="/signup">Create a workspace</a></p>
      </form>
    </div>
  `,
})
export class Login {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  readonly returnUrl = input<string>();
  readonly expired = input<string>();

  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = inject(FormBuilder).nonNullable.group({
    tenant: [localStorage.getItem(LAST_TENANT) ?? '', Validators.required],
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.error.set('Enter your workspace, email and password.');
      return;
    }
    const { tenant, email, password } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set('');
    try {
      await this.auth.login(tenant, email, password);
      localStorage.setItem(LAST_TENANT, tenant.trim());
      await this.router.navigateByUrl(this.returnUrl() || '/board');
    } catch (e) {
      this.error.set(problemMessage(e));
    } finally {
      this.busy.set(false);
    }
  }
}
