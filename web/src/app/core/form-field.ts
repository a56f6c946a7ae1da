import {
  ChangeDetectionStrategy,
  Component,
  Directive,
  Injector,
  OnInit,
  TemplateRef,
  ViewContainerRef,
  computed,
  contentChild,
  effect,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { ErrorStateMatcher } from '@angular/material/core';
import {
  MAT_FORM_FIELD,
  MatFormField,
  MatFormFieldControl,
  MatFormFieldModule,
  SubscriptSizing,
} from '@angular/material/form-field';

/** Marks the control of an `app-form-field`: `<input *appFieldControl matInput … />`. */
@Directive({ selector: '[appFieldControl]' })
export class FieldControl {
  readonly template = inject(TemplateRef);
}

/** The Material controls we use (input, select) can re-check their error state on demand. */
type Control = MatFormFieldControl<unknown> & { updateErrorState?: () => void };

/**
 * One labelled field: an outlined Material form field with its label, the control, and an error (or a hint)
 * underneath. An error marks the field and its control invalid (red outline, `aria-invalid`); `invalid` does
 * the same without a message, for rows that list their problems elsewhere.
 *
 * ```html
 * <app-form-field label="Points" [error]="store.errorAt(path)">
 *   <input *appFieldControl matInput type="number" [value]="points" (input)="…" />
 * </app-form-field>
 * ```
 * The control comes as a template because Material's controls look for their form field when they are
 * created, and a projected control is created before this component's `mat-form-field` exists
 * (angular/components#9411). Rendering the template here, with the form field in its injector, lets them find
 * it; the form field's public `_control` setter hands it the control its own query cannot see.
 */
@Component({
  selector: 'app-form-field',
  imports: [MatFormFieldModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field appearance="outline" [subscriptSizing]="subscriptSizing()">
      <mat-label>{{ label() }}</mat-label>
      <ng-container #slot />
      @if (error(); as e) {
        <mat-error>{{ e }}</mat-error>
      } @else if (hint(); as h) {
        <mat-hint>{{ h }}</mat-hint>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-direction: column;
      min-width: 0;
    }
  `,
})
export class FormField implements OnInit {
  readonly label = input.required<string>();
  /** A problem to show under the control; it also marks the field invalid. */
  readonly error = input<string | null>(null);
  /** Marks the field invalid without a message of its own. */
  readonly invalid = input(false);
  readonly hint = input<string>();
  readonly subscriptSizing = input<SubscriptSizing>('dynamic');

  private readonly standardMatcher = inject(ErrorStateMatcher);
  private readonly fieldControl = contentChild.required(FieldControl);
  private readonly control =
    contentChild.required<MatFormFieldControl<unknown>>(MatFormFieldControl);
  private readonly formField = viewChild.required(MatFormField);
  private readonly slot = viewChild.required('slot', { read: ViewContainerRef });
  private readonly showsError = computed(() => this.invalid() || !!this.error());

  constructor() {
    // Inputs bound with [value] have no form control to re-check their error state, so tell them.
    effect(() => {
      this.showsError();
      (this.control() as Control).updateErrorState?.();
    });
  }

  ngOnInit(): void {
    const formField = this.formField();
    const matcher: ErrorStateMatcher = {
      isErrorState: (control, form) =>
        this.showsError() || this.standardMatcher.isErrorState(control, form),
    };
    this.slot().createEmbeddedView(this.fieldControl().template, undefined, {
      // Without a parent: everything else the control needs (its form group…) comes from where it is written.
      injector: Injector.create({
        providers: [
          { provide: MAT_FORM_FIELD, useValue: formField },
          { provide: ErrorStateMatcher, useValue: matcher },
        ],
      }),
    });
    formField._control = this.control();
  }
}
