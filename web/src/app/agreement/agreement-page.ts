import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { DatePipe } from '@angular/common';
import { Router, RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { AuthStore } from '../core/auth-store';
import { Problem, problemLines } from '../core/problem';
import { AgreementStore } from './agreement-store';
import { AgreementView } from './agreement-view';
import { AuditList } from './audit-list';
import { MermaidDiagram } from './mermaid-diagram';
import { VersionDiff } from './version-diff';
import { VersionsList } from './versions-list';
import { VersionsStore } from './versions-store';

/**
 * The lead agreement: the active version in plain language with its state machine, the open draft (or, for
 * admins, starting one), every version with its approvals, a diff between any two, and the audit trail.
 */
@Component({
  selector: 'app-agreement-page',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    MatTabsModule,
    AgreementView,
    AuditList,
    MermaidDiagram,
    VersionDiff,
    VersionsList,
  ],
  providers: [AgreementStore, VersionsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <h1>Lead agreement</h1>
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the agreement" />
      }
      @if (store.error(); as p) {
        <div class="error-box" role="alert">
          {{ p.title }}
          @if (p.detail) {
            <br />{{ p.detail }}
          }
        </div>
      }

      <section class="card-box draft-panel" data-testid="draft-panel">
        @if (versions.openDraft(); as d) {
          <div>
            <strong>Draft version {{ d.version }}</strong> is open
            <span class="muted"
              >(revision {{ d.revision }}, started from version {{ d.basedOnVersion }} by
              {{ d.createdByName }}, last edited by {{ d.updatedByName }}
              {{ d.updatedAt | date: 'short' }})</span
            >.
            @if (d.missingApprovals?.length) {
              Still needs the approval of {{ d.missingApprovals!.join(' and ') }}.
            } @else {
              Both teams approved it.
            }
          </div>
          <a mat-flat-button [routerLink]="['/agreement/drafts', d.id]" data-testid="open-draft">{{
            auth.isAdmin() ? 'Edit the draft' : 'Review the draft'
          }}</a>
        } @else if (auth.isAdmin()) {
          <div>
            No draft is open. Start one from the active version to change the agreement, or roll
            back by starting from an older version under Versions.
          </div>
          <button
            mat-flat-button
            type="button"
            (click)="start()"
            [disabled]="starting()"
            data-testid="start-draft"
          >
            Start a draft
          </button>
        } @else if (!versions.loading()) {
          <div class="muted">
            No draft is open. An admin drafts changes; marketing and sales approve them before they
            apply.
          </div>
        }
        @if (startProblem(); as p) {
          <div class="error-box" role="alert">{{ lines(p).join('\\n') }}</div>
        }
      </section>

      <mat-tab-group animationDuration="0ms" mat-stretch-tabs="false">
        <mat-tab label="Active version">
          @if (store.active(); as a) {
            <p class="muted" data-testid="agreement-version">
              Version {{ a.version }} · {{ a.status }} · active since
              {{ a.activatedAt || a.createdAt | date: 'medium' }}. Marketing and sales signed this;
              every move on the board is checked against it.
            </p>
            @if (a.agreement) {
              <app-agreement-view [agreement]="a.agreement" />
            }
            <section class="card-box">
              <h2>The lead's life</h2>
              <app-mermaid-diagram
                [source]="store.diagram()"
                label="State machine of a lead: stages and the moves between them"
              />
            </section>
          }
        </mat-tab>
        <mat-tab label="Versions">
          <ng-template matTabContent>
            @if (versions.error(); as p) {
              <div class="error-box" role="alert">{{ p.title }}</div>
            }
            <app-versions-list (start)="start($event)" />
          </ng-template>
        </mat-tab>
        <mat-tab label="Compare versions">
          <ng-template matTabContent>
            <app-version-diff [versions]="versionNumbers()" />
          </ng-template>
        </mat-tab>
        <mat-tab label="Audit">
          <ng-template matTabContent>
            <app-audit-list />
          </ng-template>
        </mat-tab>
      </mat-tab-group>
    </div>
  `,
  styles: `
    .draft-panel {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: center;
      justify-content: space-between;
      margin-bottom: 12px;
    }
    .draft-panel .error-box {
      flex-basis: 100%;
    }
    mat-tab-group ::ng-deep .mat-mdc-tab-body-content {
      padding-top: 12px;
    }
    section.card-box {
      margin-top: 16px;
    }
    section.draft-panel {
      margin-top: 0;
    }
  `,
})
export class AgreementPage implements OnInit {
  protected readonly store = inject(AgreementStore);
  protected readonly versions = inject(VersionsStore);
  protected readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  protected readonly starting = signal(false);
  protected readonly startProblem = signal<Problem | null>(null);
  protected readonly lines = problemLines;
  protected readonly versionNumbers = computed(() =>
    this.versions.versions().map((v) => v.summary.version!),
  );

  ngOnInit(): void {
    void this.store.load();
    void this.versions.load();
  }

  /** Starts the draft (from the active version, or from `fromVersion` for a rollback) and opens it. */
  protected async start(fromVersion?: number): Promise<void> {
    this.starting.set(true);
    this.startProblem.set(null);
    const outcome = await this.versions.startDraft(fromVersion);
    this.starting.set(false);
    if (outcome.ok) await this.router.navigate(['/agreement/drafts', outcome.draftId]);
    else this.startProblem.set(outcome.problem);
  }
}
