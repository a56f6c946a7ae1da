import { LeadSortField, LeadSummaryDto } from '../api/l2r-api';
import { stateLabel } from '../core/labels';

export interface ListColumn {
  key: string;
  label: string;
  /** The API's sort for this column; columns without one are not sortable. */
  sort?: LeadSortField;
  value: (lead: LeadSummaryDto) => string | number;
}

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '');

/** Every column the list can show, in table order. Name always shows: it links to the lead. */
export const LIST_COLUMNS: ListColumn[] = [
  { key: 'email', label: 'Email', sort: 'Email', value: (l) => l.email ?? '' },
  { key: 'company', label: 'Company', sort: 'Company', value: (l) => l.company ?? '' },
  { key: 'title', label: 'Title', value: (l) => l.title ?? '' },
  { key: 'stage', label: 'Stage', sort: 'Stage', value: (l) => stateLabel(l.state) },
  { key: 'score', label: 'Score', sort: 'TotalScore', value: (l) => l.totalScore },
  { key: 'fit', label: 'Fit', value: (l) => l.fitScore },
  { key: 'engagement', label: 'Engagement', value: (l) => l.engagementScore },
  { key: 'owner', label: 'Owner', value: (l) => l.ownerName ?? '' },
  { key: 'source', label: 'Source', sort: 'Source', value: (l) => l.source ?? '' },
  { key: 'campaign', label: 'Campaign', sort: 'Campaign', value: (l) => l.campaign ?? '' },
  {
    key: 'stageEntered',
    label: 'In stage since',
    sort: 'StageEnteredAt',
    value: (l) => day(l.stageEnteredAt),
  },
  { key: 'created', label: 'Created', sort: 'CreatedAt', value: (l) => day(l.createdAt) },
  { key: 'updated', label: 'Updated', sort: 'UpdatedAt', value: (l) => day(l.updatedAt) },
];

export const DEFAULT_COLUMNS = ['email', 'company', 'stage', 'score', 'owner', 'source', 'updated'];

const STORAGE_KEY = 'l2r.leads-list.columns';

/** The columns this browser chose last time, or the defaults; unknown keys (a column since removed) are dropped. */
export function readColumns(): string[] {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (Array.isArray(saved)) {
      const known = saved.filter((k) => LIST_COLUMNS.some((c) => c.key === k));
      if (known.length) return known;
    }
  } catch {
    // A damaged entry falls back to the defaults.
  }
  return DEFAULT_COLUMNS;
}

export function writeColumns(keys: readonly string[]): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(keys));
}
