import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Role, UserDto } from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import { FieldControl, FormField } from '../core/form-field';
import { Problem, problemLines } from '../core/problem';
import { UsersStore } from './users-store';

const ALL_ROLES: Role[] = ['Admin', 'Marketing', 'Sales'];

/** Admin screen: list users, create one with roles, change roles, open their availability, deactivate. */
@Component({
  selector: 'app-users-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    FieldControl,
    FormField,
    MatButtonModule,
    MatCheckboxModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  providers: [UsersStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <h1>Users</h1>
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading users" />
      }
      @if (problem(); as p) {
        <div class="error-box" role="alert">{{ lines(p).join('\\n') }}</div>
      }
      @if (store.error(); as p) {
        <div class="error-box" role="alert">{{ lines(p).join('\\n') }}</div>
      }
      <section class="card-box">
        <table class="plain" aria-label="Users">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Roles</th>
              <th>Status</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            @for (u of store.users(); track u.id) {
              <tr [class.inactive]="!u.isActive" data-testid="user-row">
                <td>{{ u.displayName }}</td>
                <td>{{ u.email }}</td>
                <td>
                  <app-form-field label="Roles" class="roles">
                    <mat-select
                      *appFieldControl
                      multiple
                      [value]="u.roles ?? []"
                      (valueChange)="setRoles(u, $event)"
                      [disabled]="!u.isActive"
                      [attr.aria-label]="'Roles of ' + u.email"
                    >
                      @for (r of roles; track r) {
                        <mat-option [value]="r">{{ r }}</mat-option>
                      }
                    </mat-select>
                  </app-form-field>
                </td>
                <td>{{ u.isActive ? 'Active' : 'Deactivated' }}</td>
                <td class="row-actions">
                  <a
                    mat-button
                    [routerLink]="['/admin/users', u.id, 'availability']"
                    [attr.aria-label]="'Availability of ' + u.email"
                    data-testid="user-availability"
                    >Availability</a
                  >
                  @if (u.isActive && u.id !== auth.user()?.id) {
                    <button
                      mat-stroked-button
                      type="button"
                      (click)="deactivate(u)"
                      [attr.aria-label]="'Deactivate ' + u.email"
                    >
                      Deactivate
                    </button>
                  }
                </td>
              </tr>
            } @empty {
              @if (!store.loading()) {
                <tr>
                  <td colspan="5" class="empty">No users yet.</td>
                </tr>
              }
            }
          </tbody>
        </table>
      </section>

      <section class="card-box create">
        <h2>Add a user</h2>
        <form [formGroup]="form" (ngSubmit)="create()" class="create-form">
          <app-form-field label="Name">
            <input
              *appFieldControl
              matInput
              formControlName="displayName"
              name="displayName"
              required
            />
          </app-form-field>
          <app-form-field label="Email">
            <input
              *appFieldControl
              matInput
              type="email"
              formControlName="email"
              name="email"
              required
            />
          </app-form-field>
          <app-form-field label="Initial password">
            <input
              *appFieldControl
              matInput
              type="password"
              formControlName="password"
              name="password"
              autocomplete="new-password"
              required
            />
          </app-form-field>
          <div class="checks" role="group" aria-label="Roles">
            @for (r of roles; track r) {
              <mat-checkbox
                [checked]="newRoles().includes(r)"
                (change)="toggle(r, $event.checked)"
                >{{ r }}</mat-checkbox
              >
            }
          </div>
          <button mat-flat-button type="submit" [disabled]="busy()">Add user</button>
        </form>
      </section>
    </div>
  `,
  styles: `
    .roles {
      width: 220px;
    }
    .row-actions {
      white-space: nowrap;
    }
    tr.inactive td {
      color: #8a94a3;
    }
    .create {
      margin-top: 16px;
    }
    .create-form {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .checks {
      display: flex;
      gap: 8px;
    }
  `,
})
export class UsersPage implements OnInit {
  protected readonly store = inject(UsersStore);
  protected readonly auth = inject(AuthStore);
  protected readonly roles = ALL_ROLES;
  protected readonly lines = problemLines;
  protected readonly problem = signal<Problem | null>(null);
  protected readonly busy = signal(false);
  protected readonly newRoles = signal<Role[]>(['Sales']);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    displayName: ['', Validators.required],
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required, Validators.minLength(10)]],
  });

  ngOnInit(): void {
    void this.store.load();
  }

  protected toggle(role: Role, on: boolean): void {
    this.newRoles.update((rs) => (on ? [...new Set([...rs, role])] : rs.filter((r) => r !== role)));
  }

  protected async create(): Promise<void> {
    if (this.form.invalid || !this.newRoles().length) {
      this.form.markAllAsTouched();
      this.problem.set({
        status: 400,
        title: 'Give a name, an email, a password of at least 10 characters and at least one role.',
        errors: {},
        criteria: [],
      });
      return;
    }
    const v = this.form.getRawValue();
    this.busy.set(true);
    const problem = await this.store.create(
      v.email.trim(),
      v.displayName.trim(),
      v.password,
      this.newRoles(),
    );
    this.busy.set(false);
    this.problem.set(problem);
    if (!problem) this.formDirective().resetForm(); // also clears 'submitted', so no error outlines
  }

  protected async setRoles(user: UserDto, roles: Role[]): Promise<void> {
    if (!roles.length) {
      this.problem.set({
        status: 400,
        title: 'A user needs at least one role; deactivate the user instead.',
        errors: {},
        criteria: [],
      });
      void this.store.load();
      return;
    }
    this.problem.set(await this.store.setRoles(user.id!, roles));
  }

  protected async deactivate(user: UserDto): Promise<void> {
    if (!confirm(`Deactivate ${user.email}? They can no longer sign in.`)) return;
    this.problem.set(await this.store.deactivate(user.id!));
  }
}
