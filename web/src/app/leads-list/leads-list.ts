import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { LeadDto, LeadSortField } from '../api/l2r-api';
import { AuthStore } from '../core/auth-store';
import { problemLines } from '../core/problem';
import { BulkActions } from './bulk-actions';
import { LIST_COLUMNS, ListColumn, readColumns, writeColumns } from './columns';
import { LeadListFilters, LeadsListStore } from './leads-list-store';
import { ListFilters } from './list-filters';
import { NewLeadForm } from './new-lead-form';

/** Every lead of the tenant in a table: filters in the URL, sortable and chosen columns, keyset pages, bulk actions, export. */
@Component({
  selector: 'app-leads-list',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatMenuModule,
    MatProgressBarModule,
    BulkActions,
    ListFilters,
    NewLeadForm,
  ],
  providers: [LeadsListStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page wide-page">
      <div class="title-row">
        <h1>Leads</h1>
        <span class="muted" aria-live="polite" data-testid="list-total"
          >{{ store.total() }} leads</span
        >
        <span class="spacer"></span>
        <a mat-button routerLink="/leads/duplicates">Duplicates</a>
        @if (canImport()) {
          <a mat-button routerLink="/imports">Import</a>
        }
        <button mat-stroked-button type="button" (click)="exportCsv()" data-testid="export">
          Export CSV
        </button>
        <button
          mat-stroked-button
          type="button"
          [matMenuTriggerFor]="columnMenu"
          data-testid="columns"
        >
          Columns
        </button>
        <mat-menu #columnMenu="matMenu">
          @for (c of allColumns; track c.key) {
            <div mat-menu-item (click)="$event.stopPropagation()">
              <mat-checkbox
                [checked]="shown().includes(c.key)"
                (change)="toggleColumn(c.key, $event.checked)"
                [attr.data-column]="c.key"
                >{{ c.label }}</mat-checkbox
              >
            </div>
          }
        </mat-menu>
        <button
          mat-flat-button
          type="button"
          (click)="creating.set(true)"
          data-testid="new-lead-open"
        >
          New lead
        </button>
      </div>

      @if (creating()) {
        <app-new-lead-form (created)="onCreated($event)" (closed)="creating.set(false)" />
      }
      @if (createdLead(); as lead) {
        <div class="ok-box" role="status">
          Created <a [routerLink]="['/leads', lead.id]">{{ lead.name }}</a>.
        </div>
      }

      <app-list-filters (changed)="filter($event)" />
      @if (message(); as m) {
        <div class="error-box" role="alert">{{ m }}</div>
      }
      @if (store.error(); as problem) {
        <div class="error-box" role="alert">{{ lines(problem).join('\\n') }}</div>
      }
      <app-bulk-actions />

      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading leads" />
      }
      <div class="table-wrap">
        <table class="plain leads" data-testid="leads-table">
          <thead>
            <tr>
              <th class="check">
                <mat-checkbox
                  [checked]="store.allOnPageSelected()"
                  (change)="store.togglePage($event.checked)"
                  aria-label="Select every lead on this page"
                  data-testid="select-page"
                />
              </th>
              <th [attr.aria-sort]="ariaSort('Name')">
                <button class="sort" type="button" (click)="sortBy('Name')">
                  Name{{ arrow('Name') }}
                </button>
              </th>
              @for (c of columns(); track c.key) {
                <th [attr.aria-sort]="c.sort ? ariaSort(c.sort) : null">
                  @if (c.sort) {
                    <button
                      class="sort"
                      type="button"
                      (click)="sortBy(c.sort)"
                      [attr.data-sort]="c.sort"
                    >
                      {{ c.label }}{{ arrow(c.sort) }}
                    </button>
                  } @else {
                    {{ c.label }}
                  }
                </th>
              }
            </tr>
          </thead>
          <tbody>
            @for (lead of store.items(); track lead.id) {
              <tr data-testid="lead-row" [attr.data-lead-id]="lead.id">
                <td class="check">
                  <mat-checkbox
                    [checked]="store.selected().has(lead.id)"
                    (change)="store.toggle(lead.id, $event.checked)"
                    [aria-label]="'Select ' + lead.name"
                  />
                </td>
                <td>
                  <a [routerLink]="['/leads', lead.id]">{{ lead.name }}</a>
                </td>
                @for (c of columns(); track c.key) {
                  <td [attr.data-col]="c.key">{{ c.value(lead) }}</td>
                }
              </tr>
            } @empty {
              @if (!store.loading()) {
                <tr>
                  <td [attr.colspan]="columns().length + 2" class="empty">No lead matches.</td>
                </tr>
              }
            }
          </tbody>
        </table>
      </div>
      <nav class="pager" aria-label="Pages">
        <button
          mat-stroked-button
          type="button"
          [disabled]="!store.hasPrevious() || store.loading()"
          (click)="store.previousPage()"
          data-testid="previous-page"
        >
          ← Previous
        </button>
        <span data-testid="page-of">Page {{ store.pageNumber() }} of {{ store.pageCount() }}</span>
        <button
          mat-stroked-button
          type="button"
          [disabled]="!store.nextCursor() || store.loading()"
          (click)="store.nextPage()"
          data-testid="next-page"
        >
          Next →
        </button>
      </nav>
    </div>
  `,
  styles: `
    .wide-page {
      max-width: none;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .title-row {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .title-row h1 {
      margin: 0;
    }
    .spacer {
      flex: 1;
    }
    .table-wrap {
      overflow-x: auto;
      background: #fff;
      border: 1px solid #dde2e9;
      border-radius: 8px;
    }
    .leads td,
    .leads th {
      white-space: nowrap;
    }
    .check {
      width: 40px;
    }
    .sort {
      border: none;
      background: none;
      font: inherit;
      font-weight: 600;
      cursor: pointer;
      padding: 0;
    }
    .pager {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .ok-box {
      border: 1px solid #a5d6a7;
      background: #e6f3e7;
      padding: 8px 12px;
      border-radius: 6px;
    }
  `,
})
export class LeadsList {
  protected readonly store = inject(LeadsListStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);
  protected readonly canImport = computed(() => this.auth.hasRole('Marketing', 'Admin'));
  protected readonly allColumns = LIST_COLUMNS;
  protected readonly shown = signal(readColumns());
  protected readonly columns = computed<ListColumn[]>(() =>
    LIST_COLUMNS.filter((c) => this.shown().includes(c.key)),
  );
  protected readonly creating = signal(false);
  protected readonly createdLead = signal<LeadDto | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly lines = problemLines;

  constructor() {
    // The URL holds the filters and sort, so a filtered list can be bookmarked, shared and reached with Back.
    this.route.queryParams
      .pipe(takeUntilDestroyed())
      .subscribe((params) => void this.store.applyQuery(params));
    void this.store.loadUsers();
  }

  protected filter(changes: Partial<LeadListFilters>): void {
    void this.router.navigate([], { queryParams: this.store.queryWith(changes) });
  }

  protected sortBy(field: LeadSortField): void {
    void this.router.navigate([], { queryParams: this.store.queryForSort(field) });
  }

  protected ariaSort(field: string): string | null {
    const s = this.store.sort();
    if (s.field !== field) return null;
    return (s.order ?? 'Asc') === 'Asc' ? 'ascending' : 'descending';
  }

  protected arrow(field: string): string {
    const sort = this.ariaSort(field);
    return sort === 'ascending' ? ' ▲' : sort === 'descending' ? ' ▼' : '';
  }

  protected toggleColumn(key: string, on: boolean): void {
    const next = on
      ? LIST_COLUMNS.map((c) => c.key).filter((k) => k === key || this.shown().includes(k))
      : this.shown().filter((k) => k !== key);
    this.shown.set(next);
    writeColumns(next);
  }

  protected onCreated(lead: LeadDto): void {
    this.creating.set(false);
    this.createdLead.set(lead);
  }

  protected async exportCsv(): Promise<void> {
    this.message.set(null);
    const outcome = await this.store.exportCsv();
    if (!outcome.ok) this.message.set(problemLines(outcome.problem).join('\n'));
  }
}
