import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatTooltipModule } from '@angular/material/tooltip';
import {
  LeadState,
  MetricsGrouping,
  StageFiguresDto,
  WaterfallCount,
  WaterfallGroupDto,
} from '../api/l2r-api';
import { DrillSelection } from './drill-down-store';
import { Figure, drillTitle, expectedTotal, formatFigure } from './figures';

interface Column {
  key: string;
  label: string;
  formula: string;
  format: Figure['format'];
  value: (at: (stage: LeadState) => StageFiguresDto | undefined) => number | null | undefined;
  /** The entries the number lists when clicked: for a rate, those of its numerator. */
  drill: { stage: LeadState; count: WaterfallCount };
}

const share = (part: number | undefined, whole: number | undefined) =>
  part === undefined || !whole ? null : part / whole;

const COLUMNS: Column[] = [
  {
    key: 'leads',
    label: 'Leads',
    formula: 'Leads created (entries into Raw).',
    format: 'count',
    value: (at) => at('Raw')?.entered,
    drill: { stage: 'Raw', count: 'Entered' },
  },
  {
    key: 'mqls',
    label: 'MQL entries',
    formula: 'Entries into MQL.',
    format: 'count',
    value: (at) => at('MQL')?.entered,
    drill: { stage: 'MQL', count: 'Entered' },
  },
  {
    key: 'mqlRate',
    label: 'MQL rate',
    formula: 'Leads that reached MQL ÷ leads created. Click for the MQL entries.',
    format: 'rate',
    value: (at) => share(at('MQL')?.distinctLeads, at('Raw')?.entered),
    drill: { stage: 'MQL', count: 'Entered' },
  },
  {
    key: 'acceptance',
    label: 'Acceptance',
    formula: 'MQL accepted ÷ (accepted + rejected). Click for the accepted.',
    format: 'rate',
    value: (at) => at('MQL')?.acceptanceRate,
    drill: { stage: 'MQL', count: 'Advanced' },
  },
  {
    key: 'sqlRate',
    label: 'SQL rate',
    formula: 'Leads that reached SQL ÷ leads that reached MQL. Click for the SQL entries.',
    format: 'rate',
    value: (at) => share(at('SQL')?.distinctLeads, at('MQL')?.distinctLeads),
    drill: { stage: 'SQL', count: 'Entered' },
  },
  {
    key: 'winRate',
    label: 'Win rate',
    formula: 'Opportunities won ÷ (won + lost). Click for the won.',
    format: 'rate',
    value: (at) => at('Opportunity')?.winRate,
    drill: { stage: 'Opportunity', count: 'Won' },
  },
  {
    key: 'pipelinePerLead',
    label: 'Pipeline per lead',
    formula: 'Pipeline amount (opportunities) ÷ leads created. Click for the opportunities.',
    format: 'amount',
    value: (at) => share(at('Opportunity')?.pipelineAmount, at('Raw')?.entered),
    drill: { stage: 'Opportunity', count: 'Entered' },
  },
];

/** Groups side by side on quantity and quality: which source, campaign, owner or agreement version did better. */
@Component({
  selector: 'app-group-comparison',
  imports: [MatTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="scroll">
      <table class="plain" data-testid="group-comparison">
        <thead>
          <tr>
            <th scope="col">{{ heading() }}</th>
            @for (c of columns; track c.key) {
              <th scope="col" class="num" [matTooltip]="c.formula" tabindex="0">{{ c.label }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.key) {
            <tr [attr.data-group]="row.key">
              <th scope="row">{{ row.label }}</th>
              @for (cell of row.cells; track cell.key) {
                <td class="num" [attr.data-figure]="cell.key">
                  @if (cell.drill; as d) {
                    <button
                      type="button"
                      class="figure"
                      [title]="'Show the ' + d.expected + ' ' + d.title"
                      (click)="drill.emit(d)"
                    >
                      {{ cell.text }}
                    </button>
                  } @else {
                    {{ cell.text }}
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .scroll {
      overflow-x: auto;
      font-size: 13px;
    }
    .num {
      text-align: right;
    }
    th.num {
      cursor: help;
      text-decoration: underline dotted;
    }
    .figure {
      font: inherit;
      color: #1f3a5f;
      background: none;
      border: none;
      padding: 0;
      cursor: pointer;
      text-decoration: underline;
    }
  `,
})
export class GroupComparison {
  readonly groups = input.required<readonly WaterfallGroupDto[]>();
  readonly groupBy = input.required<MetricsGrouping>();
  readonly drill = output<DrillSelection>();

  protected readonly columns = COLUMNS;
  protected readonly heading = computed(() =>
    this.groupBy() === 'AgreementVersion' ? 'Agreement version' : this.groupBy(),
  );

  protected readonly rows = computed(() =>
    this.groups().map((group) => {
      const at = (stage: LeadState) => group.stages.find((s) => s.stage === stage);
      return {
        key: group.key,
        label: group.label,
        cells: COLUMNS.map((c) => {
          const value = c.value(at);
          const figures = at(c.drill.stage);
          const drill: DrillSelection | null =
            value === null || value === undefined || !figures
              ? null
              : {
                  stage: c.drill.stage,
                  count: c.drill.count,
                  groupBy: this.groupBy(),
                  group: group.key,
                  groupLabel: group.label,
                  title: drillTitle(c.drill.stage, c.drill.count),
                  expected: expectedTotal(figures, c.drill.count),
                };
          return { key: c.key, text: formatFigure(value, c.format), drill };
        }),
      };
    }),
  );
}
