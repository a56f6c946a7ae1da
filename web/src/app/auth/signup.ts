import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { AuthStore } from '../core/auth-store';
import { FieldControl, FormField } from '../core/form-field';
import { problemMessage } from '../core/problem';

@Component({
  selector: 'app-signup',
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
        aria-labelledby="signup-title"
      >
        <h1 id="signup-title">Create your L2R workspace</h1>
        <p class="muted">
          You become its admin; the default lead agreement is active from the start.
        </p>
        <app-form-field label="Company name" subscriptSizing="fixed">
          <input
            *appFieldControl
            matInput
            formControlName="tenantName"
            name="tenantName"
            autocomplete="organization"
            required
          />
        </app-form-field>
        <app-form-field label="Your name" subscriptSizing="fixed">
          <input
            *appFieldControl
            matInput
            formControlName="adminName"
            name="adminName"
            autocomplete="name"
          />
        </app-form-field>
        <app-form-field label="Your email" subscriptSizing="fixed">
          <input
            *appFieldControl
            matInput
            formControlName="adminEmail"
            name="adminEmail"
            type="email"
            autocomplete="email"
            required
          />
        </app-form-field>
        <app-form-field label="Password" hint="At least 10 characters" subscriptSizing="fixed">
          <input
            *appFieldControl
            matInput
            formControlName="adminPassword"
            name="adminPassword"
            type="password"
            autocomplete="new-password"
            required
          />
        </app-form-field>
        @if (error()) {
          <p class="error-box" role="alert">{{ error() }}</p>
        }
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" />
        }
        <button mat-flat-button type="submit" [disabled]="busy()">Create workspace</button>
        <p class="muted">Already have one? <a routerLink="/login">Sign in</a></p>
      </form>
    </div>
  `,
})
export class Signup {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = inject(FormBuilder).nonNullable.group({
    tenantName: ['', Validators.required],
    adminName: [''],
    adminEmail: ['', [Validators.required, Validators.email]],
    adminPassword: ['', [Validators.required, Validators.minLength(10)]],
  });

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.error.set(
        'Fill in the company name, your email and a password of at least 10 characters.',
      );
      return;
    }
    const v = this.form.getRawValue();
    this.busy.set(true);
    this.error.set('');
    try {
      const slug = await this.auth.signUp(v.tenantName, v.adminName, v.adminEmail, v.adminPassword);
      localStorage.setItem('l2r.lastTenant', slug);
      await this.router.navigateByUrl('/board');
    } catch (e) {
      this.error.set(problemMessage(e));
    } finally {
      this.busy.set(false);
    }
  }
}
