import { LeadState, StageFiguresDto, WaterfallDto } from '../app/api/l2r-api';

const STAGES: LeadState[] = [
  'Raw',
  'Scored',
  'MQL',
  'SalesAccepted',
  'SQL',
  'Opportunity',
  'Nurture',
];

/** A stage's figures with nothing in it: overrides fill in what a test needs. */
export function stage(name: LeadState, overrides: Partial<StageFiguresDto> = {}): StageFiguresDto {
  return {
    stage: name,
    opening: 0,
    entered: 0,
    distinctLeads: 0,
    advanced: 0,
    rejected: 0,
    recycled: 0,
    disqualified: 0,
    lost: 0,
    won: 0,
    stillIn: 0,
    conversionRate: undefined,
    acceptanceRate: undefined,
    rejectRate: undefined,
    winRate: undefined,
    medianDaysInStage: undefined,
    p90DaysInStage: undefined,
    pipelineAmount: undefined,
    wonAmount: undefined,
    ...overrides,
  };
}

/** The example tenant: 120 leads, 100 MQLs, 60 accepted and 40 rejected, 30 SQL, 20 opportunities, 8 won, 12 lost. */
export function waterfall(overrides: Partial<WaterfallDto> = {}): WaterfallDto {
  const figures: Partial<Record<LeadState, Partial<StageFiguresDto>>> = {
    Raw: { entered: 120, distinctLeads: 120, advanced: 110, stillIn: 10, conversionRate: 0.917 },
    Scored: { entered: 110, distinctLeads: 110, advanced: 100, stillIn: 10, conversionRate: 0.909 },
    MQL: {
      entered: 100,
      distinctLeads: 100,
      advanced: 60,
      rejected: 40,
      conversionRate: 0.6,
      acceptanceRate: 0.6,
      rejectRate: 0.4,
      medianDaysInStage: 1.5,
      p90DaysInStage: 4,
    },
    SalesAccepted: {
      entered: 60,
      distinctLeads: 60,
      advanced: 30,
      recycled: 30,
      conversionRate: 0.5,
    },
    SQL: { entered: 30, distinctLeads: 30, advanced: 20, stillIn: 10, conversionRate: 0.667 },
    Opportunity: {
      entered: 20,
      distinctLeads: 20,
      won: 8,
      lost: 12,
      conversionRate: 0.4,
      winRate: 0.4,
      pipelineAmount: 200000,
      wonAmount: 80000,
    },
    Nurture: { entered: 70, distinctLeads: 70, stillIn: 70 },
  };
  return {
    mode: 'Cohort',
    from: '2026-08-01T00:00:00Z',
    to: '2026-11-01T00:00:00Z',
    groupBy: undefined as never,
    groups: [{ key: 'all', label: 'All', stages: STAGES.map((s) => stage(s, figures[s])) }],
    ...overrides,
  };
}
