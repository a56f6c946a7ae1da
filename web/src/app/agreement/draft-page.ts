import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  untracked,
} from '@angular/core';
import { DatePipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { AuthStore } from '../core/auth-store';
import { problemLines } from '../core/problem';
import { ActivationStore } from './activation-store';
import { AgreementView } from './agreement-view';
import { DraftEditor } from './draft-editor';
import { DraftStore } from './draft-store';
import { HasUnsavedChanges } from './leave-guard';
import { MermaidDiagram } from './mermaid-diagram';
import { SignOff } from './sign-off';
import { SimulationStore } from './simulation-store';
import { SimulationView } from './simulation-view';
import { VersionDiff } from './version-diff';

/**
 * A draft of the lead agreement: admins edit it; everyone sees what it changes, simulates it against today's
 * leads and views its state machine; marketing and sales approve it; an admin activates it.
 */
@Component({
  selector: 'app-draft-page',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    MatTabsModule,
    AgreementView,
    DraftEditor,
    MermaidDiagram,
    SignOff,
    SimulationView,
    VersionDiff,
  ],
  providers: [DraftStore, SimulationStore, ActivationStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <a routerLink="/agreement" class="back">← Lead agreement</a>
      @if (store.loading() && !store.draft()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the draft" />
      }
      @if (store.error(); as p) {
        <div class="error-box" role="alert" data-testid="draft-error">
          {{ lines(p).join('\\n') }}
        </div>
      }
      @if (store.stale(); as p) {
        <div class="error-box stale" role="alert" data-testid="stale">
          <div>
            <strong>Someone else changed this draft since you opened it.</strong>
            {{ p.detail }} Reload to see the current revision{{
              store.dirty() ? '; your unsaved edits will be lost, so note them first' : ''
            }}.
          </div>
          <button mat-flat-button type="button" (click)="store.reload()" data-testid="reload">
            Reload the draft
          </button>
        </div>
      }
      @if (store.draft(); as d) {
        <h1 data-testid="draft-title">
          {{ d.status === 'Draft' ? 'Draft version' : 'Version' }} {{ d.version }}
          <span class="status-chip" [class]="'status-chip ' + d.status">{{ d.status }}</span>
        </h1>
        <p class="muted">
          Revision {{ d.revision }} · started from version {{ d.basedOnVersion }} by
          {{ d.createdByName }} {{ d.createdAt | date: 'short' }} · last edited by
          {{ d.updatedByName }} {{ d.updatedAt | date: 'short' }}
        </p>
        <app-sign-off />

        <mat-tab-group animationDuration="0ms" mat-stretch-tabs="false" [(selectedIndex)]="tab">
          <mat-tab [label]="canEdit() ? 'Edit' : 'Content'">
            <ng-template matTabContent>
              @if (canEdit()) {
                <app-draft-editor />
              } @else if (store.working(); as a) {
                <app-agreement-view [agreement]="a" />
              }
            </ng-template>
          </mat-tab>
          <mat-tab label="What changes">
            <ng-template matTabContent>
              <app-version-diff
                [initialFrom]="d.basedOnVersion"
                [initialTo]="d.version"
                [revision]="d.revision"
              />
            </ng-template>
          </mat-tab>
          <mat-tab label="Simulation">
            <ng-template matTabContent>
              <app-simulation-view />
            </ng-template>
          </mat-tab>
          <mat-tab label="State machine">
            <ng-template matTabContent>
              <section class="card-box" data-testid="draft-diagram">
                <p class="muted">
                  The lead's life under revision {{ d.revision }} of this draft; it redraws after
                  each save.
                </p>
                <app-mermaid-diagram
                  [source]="store.diagram()"
                  label="State machine of a lead under the draft"
                />
              </section>
            </ng-template>
          </mat-tab>
        </mat-tab-group>
      }
    </div>
  `,
  styles: `
    .back {
      display: inline-block;
      margin-bottom: 4px;
      color: #1f3a5f;
    }
    h1 {
      display: flex;
      align-items: center;
      gap: 10px;
      margin-bottom: 4px;
    }
    .stale {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: center;
      justify-content: space-between;
      margin-bottom: 8px;
    }
    app-sign-off {
      display: block;
      margin: 12px 0;
    }
    mat-tab-group ::ng-deep .mat-mdc-tab-body-content {
      padding-top: 8px;
    }
    /* Let the editor's Save bar stick while the page scrolls (tabs switch without animation here). */
    mat-tab-group ::ng-deep .mat-mdc-tab-body-wrapper,
    mat-tab-group ::ng-deep .mat-mdc-tab-body.mat-mdc-tab-body-active,
    mat-tab-group ::ng-deep .mat-mdc-tab-body-active .mat-mdc-tab-body-content {
      overflow: visible;
    }
  `,
})
export class DraftPage implements HasUnsavedChanges {
  readonly id = input.required<string>();

  protected readonly store = inject(DraftStore);
  private readonly auth = inject(AuthStore);
  protected readonly lines = problemLines;
  protected readonly canEdit = computed(() => this.auth.isAdmin() && this.store.isDraft());
  /** Admins open on the editor; approvers on what the draft changes. Chosen once per draft, then the user's. */
  protected readonly tab = linkedSignal({
    source: () => this.store.draft()?.id,
    computation: () => (untracked(this.canEdit) ? 0 : 1),
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.store.load(id));
    });
  }

  hasUnsavedChanges(): boolean {
    return this.store.dirty();
  }
}
