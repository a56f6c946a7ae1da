import type { EChartsCoreOption } from 'echarts/core';
import {
  LeadState,
  ScorecardGoalDto,
  StageFiguresDto,
  TrendDto,
  WaterfallGroupDto,
} from '../api/l2r-api';
import { stateLabel } from '../core/labels';

export interface ParetoItem {
  label: string;
  count: number;
}

/** Bars most frequent first, with the cumulative share as a line: the few reasons that explain most of the rest. */
export function paretoOptions(items: readonly ParetoItem[], total: number): EChartsCoreOption {
  let running = 0;
  const cumulative = items.map((item) => {
    running += item.count;
    return total ? Math.round((running / total) * 1000) / 10 : 0;
  });
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 48, top: 24, bottom: 96 },
    xAxis: {
      type: 'category',
      data: items.map((i) => i.label),
      axisLabel: { interval: 0, rotate: 30, width: 140, overflow: 'truncate' },
    },
    yAxis: [
      { type: 'value', name: 'Count', minInterval: 1 },
      { type: 'value', name: 'Cumulative %', min: 0, max: 100 },
    ],
    series: [
      {
        name: 'Count',
        type: 'bar',
        data: items.map((i) => i.count),
        itemStyle: { color: '#1f3a5f' },
      },
      {
        name: 'Cumulative %',
        type: 'line',
        yAxisIndex: 1,
        data: cumulative,
        itemStyle: { color: '#c0392b' },
      },
    ],
  };
}

type Pick = (s: StageFiguresDto) => number | null | undefined;

/** One line per series over the trend's buckets; a bucket where a figure does not apply leaves a gap. */
function lines(
  trend: TrendDto,
  series: { name: string; stage: LeadState; pick: Pick }[],
  axis: object,
) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: trend.buckets.map((b) => b.start.slice(0, 10)) },
    yAxis: { type: 'value', ...axis },
    series: series.map((s) => ({
      name: s.name,
      type: 'line',
      connectNulls: false,
      data: trend.buckets.map((b) => {
        const figures = b.stages.find((f) => f.stage === s.stage);
        return figures ? (s.pick(figures) ?? null) : null;
      }),
    })),
  } satisfies EChartsCoreOption;
}

const FUNNEL: LeadState[] = ['MQL', 'SalesAccepted', 'SQL', 'Opportunity'];
const asPercent = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;

/** Entries per stage per bucket: how much the funnel takes in. */
export const volumeOptions = (trend: TrendDto) =>
  lines(
    trend,
    FUNNEL.map((stage) => ({ name: stateLabel(stage), stage, pick: (f) => f.entered })),
    { name: 'Entries', minInterval: 1 },
  );

/** Acceptance, SQL conversion and win rate per bucket, in percent. */
export const ratesOptions = (trend: TrendDto) =>
  lines(
    trend,
    [
      { name: 'MQL acceptance', stage: 'MQL', pick: (f) => asPercent(f.acceptanceRate) },
      {
        name: 'Sales accepted → SQL',
        stage: 'SalesAccepted',
        pick: (f) => asPercent(f.conversionRate),
      },
      { name: 'Win rate', stage: 'Opportunity', pick: (f) => asPercent(f.winRate) },
    ],
    { name: '%', min: 0, max: 100 },
  );

/** Median days in each stage per bucket: where leads wait. */
export const velocityOptions = (trend: TrendDto) =>
  lines(
    trend,
    FUNNEL.map((stage) => ({ name: stateLabel(stage), stage, pick: (f) => f.medianDaysInStage })),
    { name: 'Median days' },
  );

/** Entries per stage, one bar series per group: the funnel's shape, groups (versions, sources…) side by side. */
export function waterfallOptions(groups: readonly WaterfallGroupDto[]): EChartsCoreOption {
  const stages = groups[0]?.stages.map((s) => s.stage) ?? [];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, show: groups.length > 1 },
    grid: { left: 48, right: 16, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: stages.map(stateLabel) },
    yAxis: { type: 'value', name: 'Entered', minInterval: 1 },
    series: groups.map((g) => ({
      name: g.label,
      type: 'bar',
      data: stages.map((stage) => g.stages.find((s) => s.stage === stage)?.entered ?? 0),
    })),
  };
}

/** A goal's value per bucket against its target (dashed): shares in percent, hours as hours; a bucket with nothing is a gap. */
export function goalOptions(goal: ScorecardGoalDto): EChartsCoreOption {
  const share = goal.unit === 'share';
  const shown = (value: number | null | undefined) =>
    value === null || value === undefined ? null : share ? asPercent(value) : value;
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 8, top: 16, bottom: 24 },
    xAxis: { type: 'category', data: goal.points.map((p) => p.from.slice(5, 10)) },
    yAxis: { type: 'value', ...(share ? { min: 0, max: 100 } : { min: 0 }) },
    series: [
      {
        name: goal.name,
        type: 'line',
        connectNulls: false,
        data: goal.points.map((p) => shown(p.value)),
        itemStyle: { color: '#1f3a5f' },
      },
      {
        name: 'Target',
        type: 'line',
        symbol: 'none',
        lineStyle: { type: 'dashed' },
        data: goal.points.map(() => shown(goal.target)),
        itemStyle: { color: '#c0392b' },
      },
    ],
  };
}
