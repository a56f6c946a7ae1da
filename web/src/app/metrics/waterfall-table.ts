import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatTooltipModule } from '@angular/material/tooltip';
import { MetricsGrouping, StageFiguresDto, WaterfallGroupDto, WaterfallMode } from '../api/l2r-api';
import { stateLabel } from '../core/labels';
import { DrillSelection } from './drill-down-store';
import {
  COUNT_FIGURES,
  Figure,
  VALUE_FIGURES,
  drillTitle,
  expectedTotal,
  formatFigure,
} from './figures';

interface Cell {
  key: string;
  text: string;
  /** What clicking the number opens; null when there is nothing to list. */
  drill: DrillSelection | null;
}

/**
 * One group's waterfall: a row per stage, its counts (the outcomes add up), rates, velocity and value. Every number
 * opens the entries behind it; every heading explains its formula.
 */
@Component({
  selector: 'app-waterfall-table',
  imports: [MatTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="scroll">
      <table class="plain waterfall" data-testid="waterfall-table" [attr.data-group]="group().key">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            @for (f of figures(); track f.key) {
              <th scope="col" class="num" [matTooltip]="f.formula" tabindex="0">{{ f.label }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.stage) {
            <tr [attr.data-stage]="row.stage">
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
    }
    .waterfall {
      font-size: 13px;
      white-space: nowrap;
    }
    .num {
      text-align: right;
    }
    th.num {
      cursor: help;
      text-decoration: underline dotted;
    }
    tr[data-stage='Nurture'] th,
    tr[data-stage='Nurture'] td {
      background: #f7f9fb;
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
export class WaterfallTable {
  readonly group = input.required<WaterfallGroupDto>();
  readonly mode = input.required<WaterfallMode>();
  /** How the waterfall is grouped, if it is: a drill-down then passes the group's key. */
  readonly groupBy = input<MetricsGrouping | null | undefined>(null);
  readonly drill = output<DrillSelection>();

  protected readonly figures = computed(() =>
    [...COUNT_FIGURES, ...VALUE_FIGURES].filter((f) => !f.periodOnly || this.mode() === 'Period'),
  );

  protected readonly rows = computed(() =>
    this.group().stages.map((stage) => ({
      stage: stage.stage,
      label: stateLabel(stage.stage),
      cells: this.figures().map((f) => this.cell(stage, f)),
    })),
  );

  private cell(figures: StageFiguresDto, figure: Figure): Cell {
    const value = figures[figure.key];
    const count = figure.drill(figures.stage);
    const group = this.group();
    const groupBy = this.groupBy() ?? undefined;
    return {
      key: figure.key,
      text: formatFigure(value, figure.format),
      drill:
        count === null || value === null || value === undefined
          ? null
          : {
              stage: figures.stage,
              count,
              groupBy,
              group: groupBy ? group.key : undefined,
              groupLabel: groupBy ? group.label : undefined,
              title: drillTitle(figures.stage, count),
              expected: expectedTotal(figures, count),
            },
    };
  }
}
