import { LeadState, StageFiguresDto, WaterfallCount, WaterfallMode } from '../api/l2r-api';
import { stateLabel } from '../core/labels';

type CountKey =
  | 'opening'
  | 'entered'
  | 'distinctLeads'
  | 'advanced'
  | 'rejected'
  | 'recycled'
  | 'disqualified'
  | 'lost'
  | 'won'
  | 'stillIn';
type ValueKey =
  | 'conversionRate'
  | 'acceptanceRate'
  | 'rejectRate'
  | 'winRate'
  | 'medianDaysInStage'
  | 'p90DaysInStage'
  | 'pipelineAmount'
  | 'wonAmount';

/** A column of the waterfall table: its heading, its formula (the API's own description) and the entries behind it. */
export interface Figure {
  key: CountKey | ValueKey;
  label: string;
  formula: string;
  format: 'count' | 'rate' | 'days' | 'amount';
  /** The entries behind the number, or null when no list has exactly that length (distinct leads). */
  drill: (stage: LeadState) => WaterfallCount | null;
  periodOnly?: boolean;
}

const always = (count: WaterfallCount) => () => count;

export const COUNT_FIGURES: Figure[] = [
  {
    key: 'opening',
    label: 'Opening',
    format: 'count',
    periodOnly: true,
    drill: always('Opening'),
    formula: 'Entries already in the stage when the period began (period mode only).',
  },
  {
    key: 'entered',
    label: 'Entered',
    format: 'count',
    drill: always('Entered'),
    formula:
      'Entries into the stage: in cohort mode by the leads created in the period, ever; in period mode within the period. A lead back in the stage after recycling counts again.',
  },
  {
    key: 'distinctLeads',
    label: 'Leads',
    format: 'count',
    drill: () => null,
    formula:
      'Leads behind "Entered", each counted once, in the group of its first entry. Click "Entered" for the entries.',
  },
  {
    key: 'advanced',
    label: 'Advanced',
    format: 'count',
    drill: always('Advanced'),
    formula:
      'Entries that went on to the next stage (for MQL: accepted; for Nurture: re-engaged, back to Scored).',
  },
  {
    key: 'rejected',
    label: 'Rejected',
    format: 'count',
    drill: always('Rejected'),
    formula: 'Entries rejected by sales (MQL → Nurture).',
  },
  {
    key: 'recycled',
    label: 'Recycled',
    format: 'count',
    drill: always('Recycled'),
    formula: 'Entries recycled by sales (Sales accepted or SQL → Nurture).',
  },
  {
    key: 'disqualified',
    label: 'Disqualified',
    format: 'count',
    drill: always('Disqualified'),
    formula: 'Entries disqualified.',
  },
  {
    key: 'lost',
    label: 'Lost',
    format: 'count',
    drill: always('Lost'),
    formula: 'Entries lost (Opportunity → Lost).',
  },
  {
    key: 'won',
    label: 'Won',
    format: 'count',
    drill: always('Won'),
    formula:
      'Entries won (Opportunity → Won): Opportunity\'s way forward, counted here and not in "Advanced".',
  },
  {
    key: 'stillIn',
    label: 'Still in',
    format: 'count',
    drill: always('StillIn'),
    formula:
      'Entries not ended: in cohort mode still in the stage today; in period mode still in it at the end of the period.',
  },
];

export const VALUE_FIGURES: Figure[] = [
  {
    key: 'conversionRate',
    label: 'Conversion',
    format: 'rate',
    drill: (stage) => (stage === 'Opportunity' ? 'Won' : 'Advanced'),
    formula:
      'Advanced ÷ (opening + entered); for Opportunity won ÷ (opening + entered). In cohort mode opening is 0, so advanced ÷ entered.',
  },
  {
    key: 'acceptanceRate',
    label: 'Acceptance',
    format: 'rate',
    drill: always('Advanced'),
    formula: 'MQL only: accepted ÷ (accepted + rejected), accepted being "Advanced".',
  },
  {
    key: 'rejectRate',
    label: 'Reject rate',
    format: 'rate',
    drill: always('Rejected'),
    formula: 'MQL only: rejected ÷ (accepted + rejected).',
  },
  {
    key: 'winRate',
    label: 'Win rate',
    format: 'rate',
    drill: always('Won'),
    formula: 'Opportunity only: won ÷ (won + lost).',
  },
  {
    key: 'medianDaysInStage',
    label: 'Median days',
    format: 'days',
    drill: always('Left'),
    formula:
      'Median days in the stage of the entries that left it (counted in an outcome), measured in whole hours; the mean of the middle two for an even count.',
  },
  {
    key: 'p90DaysInStage',
    label: 'P90 days',
    format: 'days',
    drill: always('Left'),
    formula:
      '90th percentile of the days in the stage of the entries that left it, interpolated between the nearest ranks.',
  },
  {
    key: 'pipelineAmount',
    label: 'Pipeline',
    format: 'amount',
    drill: always('Entered'),
    formula: 'Opportunity only: the sum of the amounts of the leads behind "Entered".',
  },
  {
    key: 'wonAmount',
    label: 'Won amount',
    format: 'amount',
    drill: always('Won'),
    formula: 'Opportunity only: the sum of the amounts of the leads behind "Won".',
  },
];

export const MODE_EXPLANATIONS: Record<WaterfallMode, string> = {
  Cohort:
    'Cohort: the leads created in the period, followed to today. Each stage\'s outcomes add up to "Entered".',
  Period:
    'Period: every entry and outcome that happened in the period. Opening + entered = the outcomes + still in.',
};

/** How many entries the list behind a count holds: the number itself, or for "Left" every entry that ended. */
export function expectedTotal(figures: StageFiguresDto, count: WaterfallCount): number {
  switch (count) {
    case 'Opening':
      return figures.opening;
    case 'Entered':
      return figures.entered;
    case 'Advanced':
      return figures.advanced;
    case 'Rejected':
      return figures.rejected;
    case 'Recycled':
      return figures.recycled;
    case 'Disqualified':
      return figures.disqualified;
    case 'Lost':
      return figures.lost;
    case 'Won':
      return figures.won;
    case 'StillIn':
      return figures.stillIn;
    case 'Left':
      return figures.opening + figures.entered - figures.stillIn;
  }
}

const COUNT_WORDS: Record<WaterfallCount, string> = {
  Opening: 'already in it when the period began',
  Entered: 'entered',
  Left: 'that left it',
  Advanced: 'that advanced',
  Rejected: 'that were rejected',
  Recycled: 'that were recycled',
  Disqualified: 'that were disqualified',
  Lost: 'that were lost',
  Won: 'that were won',
  StillIn: 'still in it',
};

/** "MQL entries that were rejected", the drill-down's heading. */
export const drillTitle = (stage: LeadState, count: WaterfallCount) =>
  `${stateLabel(stage)} entries ${COUNT_WORDS[count]}`;

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const money = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** A number with at most one decimal, or "—" when there is none. */
export const formatDecimal = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : decimal.format(value);

/** A figure as the table shows it; a rate that does not apply, or with nothing decided yet, is "—". */
export function formatFigure(value: number | null | undefined, format: Figure['format']): string {
  if (value === null || value === undefined) return '—';
  switch (format) {
    case 'rate':
      return percent.format(value);
    case 'days':
      return decimal.format(value);
    case 'amount':
      return money.format(value);
    default:
      return String(value);
  }
}
