import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TeamDto, TeamMemberRequest, TeamRequest, UserDto } from '../api/l2r-api';

/** One member row of the form: numbers as the inputs hold them, empty caps meaning "no cap". */
interface MemberRow {
  userId: string;
  weight: number;
  maxOpenLeads: number | null;
  maxNewLeadsPerDay: number | null;
}

/** The form for a new team or an existing one: name, team lead, members with weights and caps. */
@Component({
  selector: 'app-team-editor',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="team-form" (submit)="$event.preventDefault(); submit()" aria-label="Team">
      <label>
        Name
        <input
          name="name"
          [value]="name()"
          (input)="name.set(text($event))"
          required
          maxlength="100"
        />
      </label>
      <label>
        Team lead
        <select name="lead" [value]="leadUserId()" (change)="leadUserId.set(text($event))">
          <option value="">None (admins hear of escalations)</option>
          @for (u of users(); track u.id) {
            <option [value]="u.id">{{ u.displayName }}</option>
          }
        </select>
      </label>
      <table class="plain" aria-label="Members">
        <thead>
          <tr>
            <th>Member</th>
            <th>Weight</th>
            <th>Max open leads</th>
            <th>Max new per day</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          @for (m of members(); track $index; let i = $index) {
            <tr data-testid="member-row">
              <td>
                <select
                  [attr.aria-label]="'Member ' + (i + 1)"
                  [value]="m.userId"
                  (change)="patch(i, { userId: text($event) })"
                >
                  @for (u of users(); track u.id) {
                    <option [value]="u.id">{{ u.displayName }}</option>
                  }
                </select>
              </td>
              <td>
                <input
                  type="number"
                  min="0"
                  max="100"
                  [attr.aria-label]="'Weight ' + (i + 1)"
                  [value]="m.weight"
                  (input)="patch(i, { weight: number($event) ?? 0 })"
                />
              </td>
              <td>
                <input
                  type="number"
                  min="1"
                  [attr.aria-label]="'Max open leads ' + (i + 1)"
                  [value]="m.maxOpenLeads ?? ''"
                  (input)="patch(i, { maxOpenLeads: number($event) })"
                />
              </td>
              <td>
                <input
                  type="number"
                  min="1"
                  [attr.aria-label]="'Max new per day ' + (i + 1)"
                  [value]="m.maxNewLeadsPerDay ?? ''"
                  (input)="patch(i, { maxNewLeadsPerDay: number($event) })"
                />
              </td>
              <td><button mat-button type="button" (click)="removeMember(i)">Remove</button></td>
            </tr>
          }
        </tbody>
      </table>
      <div class="actions">
        <button mat-stroked-button type="button" (click)="addMember()" [disabled]="!spareUser()">
          Add member
        </button>
        <button mat-flat-button type="submit" [disabled]="!name().trim()">
          {{ team() ? 'Save team' : 'Create team' }}
        </button>
        <button mat-button type="button" (click)="cancelled.emit()">Cancel</button>
      </div>
    </form>
  `,
  styles: `
    .team-form {
      display: grid;
      gap: 12px;
    }
    label {
      display: grid;
      gap: 4px;
      max-width: 360px;
    }
    input[type='number'] {
      width: 90px;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
  `,
})
export class TeamEditor {
  readonly team = input<TeamDto | null>(null);
  readonly users = input.required<UserDto[]>();
  readonly saved = output<TeamRequest>();
  readonly cancelled = output<void>();

  protected readonly name = signal('');
  protected readonly leadUserId = signal('');
  protected readonly members = signal<MemberRow[]>([]);

  /** A user not yet in the team, for the next "Add member". */
  protected readonly spareUser = computed(() =>
    this.users().find((u) => !this.members().some((m) => m.userId === u.id)),
  );

  constructor() {
    effect(() => {
      const team = this.team();
      this.name.set(team?.name ?? '');
      this.leadUserId.set(team?.leadUserId ?? '');
      this.members.set(
        (team?.members ?? []).map((m) => ({
          userId: m.userId ?? '',
          weight: m.weight ?? 1,
          maxOpenLeads: m.maxOpenLeads ?? null,
          maxNewLeadsPerDay: m.maxNewLeadsPerDay ?? null,
        })),
      );
    });
  }

  protected addMember(): void {
    const user = this.spareUser();
    if (user?.id) {
      this.members.update((list) => [
        ...list,
        { userId: user.id!, weight: 1, maxOpenLeads: null, maxNewLeadsPerDay: null },
      ]);
    }
  }

  protected removeMember(index: number): void {
    this.members.update((list) => list.filter((_, i) => i !== index));
  }

  protected patch(index: number, change: Partial<MemberRow>): void {
    this.members.update((list) => list.map((m, i) => (i === index ? { ...m, ...change } : m)));
  }

  protected submit(): void {
    const members: TeamMemberRequest[] = this.members().map((m) => ({
      userId: m.userId,
      weight: m.weight,
      maxOpenLeads: m.maxOpenLeads ?? undefined,
      maxNewLeadsPerDay: m.maxNewLeadsPerDay ?? undefined,
    }));
    this.saved.emit({
      name: this.name().trim(),
      leadUserId: this.leadUserId() || undefined,
      members,
    });
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected number(event: Event): number | null {
    const value = (event.target as HTMLInputElement).value;
    return value === '' ? null : Number(value);
  }
}
