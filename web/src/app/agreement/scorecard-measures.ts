import { ScorecardGoal, ScorecardMeasure } from '../api/l2r-api';

export interface MeasureInfo {
  measure: ScorecardMeasure;
  name: string;
  higherIsBetter: boolean;
  /** A target to start from when a goal is added. */
  suggested: number;
}

/** The measures a goal can name, as the server's `ScorecardMeasures` names them. */
export const MEASURES: MeasureInfo[] = [
  { measure: 'MqlAcceptanceRate', name: 'MQL acceptance', higherIsBetter: true, suggested: 0.6 },
  { measure: 'MqlRejectRate', name: 'MQL reject rate', higherIsBetter: false, suggested: 0.3 },
  {
    measure: 'SalesAcceptedToSqlRate',
    name: 'SalesAccepted → SQL',
    higherIsBetter: true,
    suggested: 0.5,
  },
  {
    measure: 'SqlToOpportunityRate',
    name: 'SQL → Opportunity',
    higherIsBetter: true,
    suggested: 0.4,
  },
  { measure: 'OpportunityWinRate', name: 'Win rate', higherIsBetter: true, suggested: 0.25 },
  { measure: 'SlaMetOnTimeRate', name: 'SLAs met on time', higherIsBetter: true, suggested: 0.9 },
  {
    measure: 'MedianHoursToFirstResponse',
    name: 'Median time to first response',
    higherIsBetter: false,
    suggested: 4,
  },
];

export function isHours(measure: ScorecardMeasure): boolean {
  return measure === 'MedianHoursToFirstResponse';
}

export function formatMeasure(measure: ScorecardMeasure, value: number): string {
  return isHours(measure)
    ? `${Math.round(value * 10) / 10} h`
    : `${Math.round(value * 1000) / 10}%`;
}

/** The goal as both teams say it, as the server's `ScorecardGoal.Describe`: "MQL acceptance ≥ 60%". */
export function describeGoal(goal: ScorecardGoal): string {
  const info = MEASURES.find((m) => m.measure === goal.measure);
  return `${goal.label || info?.name || goal.measure} ${info?.higherIsBetter === false ? '≤' : '≥'} ${formatMeasure(goal.measure, goal.target)}`;
}
