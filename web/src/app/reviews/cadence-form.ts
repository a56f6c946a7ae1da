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
import { ReviewCadenceDto, ReviewPersonDto, UpdateReviewCadenceRequest } from '../api/l2r-api';

const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** The cadence an Admin sets: when the review meets, who takes part, and what the brief counts as a change. */
@Component({
  selector: 'app-cadence-form',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="cadence" aria-label="Review cadence" (submit)="$event.preventDefault(); submit()">
      <label
        >Every
        <select name="everyWeeks" [value]="everyWeeks()" (change)="everyWeeks.set(+value($event))">
          @for (n of [1, 2, 3, 4]; track n) {
            <option [value]="n">{{ n === 1 ? 'week' : n + ' weeks' }}</option>
          }
        </select>
      </label>
      <label
        >on
        <select name="weekday" [value]="weekday()" (change)="weekday.set(value($event))">
          @for (d of weekdays; track d) {
            <option [value]="d">{{ d }}</option>
          }
        </select>
      </label>
      <label
        >at
        <input
          type="time"
          name="localTime"
          [value]="localTime()"
          (input)="localTime.set(value($event))"
      /></label>
      <label
        >from
        <input
          type="date"
          name="firstDate"
          [value]="firstDate()"
          (input)="firstDate.set(value($event))"
      /></label>
      <span class="zone">({{ cadence()?.timeZone }})</span>
      <fieldset>
        <legend>Participants</legend>
        @for (p of people(); track p.id) {
          <label class="person"
            ><input
              type="checkbox"
              [checked]="participants().includes(p.id)"
              (change)="toggle(p.id)"
            />
            {{ p.name }}</label
          >
        }
      </fieldset>
      <label
        >Report changes of at least
        <input
          type="number"
          name="changePercent"
          min="1"
          [value]="changePercent()"
          (input)="changePercent.set(+value($event))"
        />%</label
      >
      <label
        >on at least
        <input
          type="number"
          name="minimumSample"
          min="1"
          [value]="minimumSample()"
          (input)="minimumSample.set(+value($event))"
        />
        leads</label
      >
      <button mat-flat-button type="submit">Save cadence</button>
    </form>
  `,
  styles: `
    .cadence {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
    }
    fieldset {
      flex-basis: 100%;
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
    }
    input[type='number'] {
      width: 5em;
    }
    .zone {
      color: var(--mat-sys-on-surface-variant, #555);
    }
  `,
})
export class CadenceForm {
  readonly cadence = input<ReviewCadenceDto | null>(null);
  readonly people = input<ReviewPersonDto[]>([]);
  readonly save = output<UpdateReviewCadenceRequest>();

  protected readonly weekdays = WEEKDAYS;
  protected readonly weekday = signal<string>('Tuesday');
  protected readonly everyWeeks = signal(2);
  protected readonly localTime = signal('10:00');
  protected readonly firstDate = signal('');
  protected readonly participants = signal<string[]>([]);
  protected readonly changePercent = signal(20);
  protected readonly minimumSample = signal(10);
  protected readonly ready = computed(() => !!this.firstDate());

  constructor() {
    effect(() => {
      const c = this.cadence();
      if (!c) return;
      this.weekday.set(c.weekday);
      this.everyWeeks.set(c.everyWeeks);
      this.localTime.set(c.localTime.slice(0, 5));
      this.firstDate.set(c.firstDate);
      this.participants.set([...c.participants]);
      this.changePercent.set(c.changePercent);
      this.minimumSample.set(c.minimumSample);
    });
  }

  protected toggle(id: string): void {
    this.participants.update((ids) =>
      ids.includes(id) ? ids.filter((p) => p !== id) : [...ids, id],
    );
  }

  protected submit(): void {
    if (!this.ready()) return;
    this.save.emit({
      weekday: this.weekday() as UpdateReviewCadenceRequest['weekday'],
      everyWeeks: this.everyWeeks(),
      firstDate: this.firstDate(),
      localTime: `${this.localTime()}:00`,
      participants: this.participants(),
      changePercent: this.changePercent(),
      minimumSample: this.minimumSample(),
    });
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
