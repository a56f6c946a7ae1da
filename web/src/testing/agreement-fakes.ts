import { AgreementDraftDto, LeadAgreement } from '../app/api/l2r-api';

/** A small agreement in the API's shape: Qualify with fit, engagement and recency, Reject with its reasons. */
export function agreement(): LeadAgreement {
  return {
    scoring: {
      fitRules: [
        {
          id: 'size-200',
          points: 20,
          condition: {
            kind: 'numberAtLeast',
            id: 'size-200',
            field: 'companySize',
            value: 200,
            description: 'Company has at least 200 employees',
          } as never,
        },
      ],
      engagementRules: [{ activityType: 'Webinar', points: 15, halfLifeDays: 30 }],
    },
    transitions: [
      {
        trigger: 'Qualify',
        roles: ['Marketing'],
        autoAdvance: true,
        integrationMayFire: false,
        criteria: [
          {
            kind: 'scoreAtLeast',
            id: 'mql-fit',
            score: 'Fit',
            value: 30,
            description: 'Fit score at least 30',
          },
          {
            kind: 'scoreAtLeast',
            id: 'mql-engagement',
            score: 'Engagement',
            value: 25,
            description: 'Engagement score at least 25',
          },
          {
            kind: 'activityCount',
            id: 'mql-recent',
            activityType: null,
            atLeast: 1,
            withinDays: 30,
            description: 'At least one activity in the last 30 days',
          },
        ] as never,
      },
      {
        trigger: 'Reject',
        roles: ['Sales'],
        autoAdvance: false,
        integrationMayFire: false,
        criteria: [],
      },
    ],
    reasons: {
      reject: [{ code: 'no-need', label: 'No current need' }],
      recycle: [],
      loss: [],
      disqualify: [],
      reopen: [],
    },
    slas: { mqlResponseHours: 24, salesAcceptedToSqlDays: 14, terms: [] },
    drift: { windowDays: 30, minimumSample: 20 },
    routing: { assignOnEntry: 'MQL', rules: [], fallbackDistribution: 'WeightedRoundRobin' },
    scorecard: { goals: [] },
  };
}

export function draftDto(overrides: Partial<AgreementDraftDto> = {}): AgreementDraftDto {
  return {
    id: 'd1',
    version: 2,
    status: 'Draft',
    basedOnVersion: 1,
    revision: 3,
    createdAt: '2026-11-20T10:00:00Z',
    createdByName: 'Ada Admin',
    updatedAt: '2026-11-21T10:00:00Z',
    updatedByName: 'Ada Admin',
    approvals: [],
    missingApprovals: ['Marketing', 'Sales'],
    issues: [],
    canActivate: false,
    agreement: agreement(),
    ...overrides,
  };
}
