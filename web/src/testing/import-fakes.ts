import { ImportCounts, ImportRunDto } from '../app/api/l2r-api';

/** Counts of a pass: created leads land in Scored, as the default agreement's data-quality criteria put them. */
export const counts = (created = 0, failed = 0): ImportCounts => ({
  created,
  updated: 0,
  skipped: 0,
  failed,
  stages: created ? { Scored: created } : {},
  rows: created + failed,
});

/** A leads import run as the API answers it: a queued dry run of two columns, unless a test says otherwise. */
export function importRun(overrides: Partial<ImportRunDto> = {}): ImportRunDto {
  return {
    id: 'r1',
    kind: 'Leads',
    fileName: 'leads.csv',
    fileBytes: 100,
    separator: ',',
    status: 'Queued',
    dryRun: true,
    cancelRequested: false,
    duplicatePolicy: 'Skip',
    columns: [
      { name: 'E-mail', field: 'email', suggestedField: 'email', samples: ['a@x.test'] },
      {
        name: 'Lead Status',
        field: 'custom.Lead Status',
        suggestedField: 'custom.Lead Status',
        samples: ['Open'],
      },
    ],
    counts: counts(),
    progress: { rowsDone: 0, rowsPerSecond: 0, percent: 0 },
    firstErrors: [],
    createdBy: 'u1',
    createdAt: '2026-11-27T10:00:00Z',
    ...overrides,
  };
}
