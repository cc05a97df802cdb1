/**
 * The echarts option of a KPI's control chart (SPEC §6): the series with gaps where a period has
 * no value, each phase's XmR centre and limits, signals marked, the target line, the baseline
 * window shaded, process changes marked, and the month's forecast band to the period's end.
 * Pure: it draws the numbers the engine computed and computes none of its own. In `src/shared`
 * because the screen and the review PDF (server-side SVG) draw from this one function.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { KpiAnalysis } from '#core/stats/analyze-kpi';
import { formatMetricValue } from '../format/metric-format.ts';

/** An echarts option, as the screen's chart and the server's SVG rendering both take it. */
export type ChartOption = EChartsCoreOption;

export interface ControlChartInput {
  analysis: KpiAnalysis;
  metric: string;
  /** The target in force in each period of the series (null: none), drawn as a step line. */
  targets: readonly (number | null)[];
  /** First and last period of the 14-day baseline, as series labels. */
  baseline: { from: string; to: string } | null;
  processChanges: readonly string[];
}

const COLORS = {
  value: '#0b7285',
  limits: '#868e96',
  centre: '#495057',
  target: '#2b8a3e',
  signal: '#d9480f',
  baseline: 'rgba(11, 114, 133, 0.08)',
  forecast: 'rgba(11, 114, 133, 0.16)',
};

/** Per period, the centre and limits of the phase it belongs to (null where a phase has none). */
export function phaseLines(analysis: KpiAnalysis): {
  centre: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
} {
  const phases = [...analysis.phases].sort((a, b) => a.from.localeCompare(b.from));
  const centre: (number | null)[] = [];
  const lower: (number | null)[] = [];
  const upper: (number | null)[] = [];
  for (const p of analysis.series) {
    let phase = null;
    for (const ph of phases) if (ph.from <= p.period) phase = ph;
    centre.push(phase?.centre ?? null);
    lower.push(phase?.lower ?? null);
    upper.push(phase?.upper ?? null);
  }
  return { centre, lower, upper };
}

export function controlChartOption(input: ControlChartInput): ChartOption {
  const { analysis, metric, targets, baseline, processChanges } = input;
  const periods = analysis.series.map((p) => p.period);
  const values = analysis.series.map((p) => p.value);
  const { centre, lower, upper } = phaseLines(analysis);
  const month = analysis.forecast?.month ?? null;
  const forecastLabel = month ? `${month.period} forecast` : null;
  const categories = forecastLabel ? [...periods, forecastLabel] : periods;
  const fmt = (v: unknown) => (typeof v === 'number' ? formatMetricValue(metric, v) : '—');
  const last = periods.at(-1);

  const markAreas: unknown[] = [];
  if (baseline && periods.includes(baseline.from)) {
    markAreas.push([
      { name: 'Baseline', xAxis: baseline.from, itemStyle: { color: COLORS.baseline } },
      { xAxis: periods.includes(baseline.to) ? baseline.to : last },
    ]);
  }
  if (month && forecastLabel && last) {
    markAreas.push([
      {
        name: `Forecast ${fmt(month.lower)}–${fmt(month.upper)}`,
        xAxis: last,
        yAxis: month.lower,
        itemStyle: { color: COLORS.forecast },
        // The band is one category wide, too narrow for its range on a phone; the sentence above
        // the chart and the legend's "Forecast" name it.
        label: { show: false },
      },
      { xAxis: forecastLabel, yAxis: month.upper },
    ]);
  }
  const markLines: unknown[] = [];
  for (const change of processChanges) {
    if (periods.includes(change))
      markLines.push({
        name: 'Process change',
        xAxis: change,
        lineStyle: { color: COLORS.centre, type: 'dotted' },
      });
  }

  const pad = (xs: readonly (number | null)[]) => (forecastLabel ? [...xs, null] : [...xs]);
  const hasTarget = targets.some((t) => t !== null);
  return {
    animation: false,
    aria: { enabled: true },
    grid: { left: 56, right: 16, top: 36, bottom: 40 },
    legend: {
      // One scrolling row: wrapped onto two rows on a phone, it covered the top of the plot.
      type: 'scroll',
      top: 0,
      itemWidth: 14,
      data: ['Value', 'Centre', 'Limits', ...(hasTarget ? ['Target'] : []), ...(month ? ['Forecast'] : [])],
    },
    tooltip: { trigger: 'axis', valueFormatter: fmt },
    xAxis: { type: 'category', data: categories, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => fmt(v) } },
    series: [
      {
        name: 'Value',
        type: 'line',
        data: pad(values),
        connectNulls: false,
        symbolSize: 7,
        lineStyle: { width: 2, color: COLORS.value },
        itemStyle: { color: COLORS.value },
        markArea: {
          silent: true,
          // Inside the area: above it, the label ran into the legend.
          label: { color: '#495057', fontSize: 11, position: 'insideTop' },
          data: markAreas,
        },
        markLine: {
          silent: true,
          symbol: 'none',
          label: { formatter: '{b}', color: '#495057', fontSize: 11 },
          data: markLines,
        },
        markPoint: {
          symbol: 'circle',
          symbolSize: 14,
          itemStyle: { color: 'transparent', borderColor: COLORS.signal, borderWidth: 2 },
          label: { show: false },
          data: analysis.signals.map((s) => ({
            name: s.rule === 'outside' ? `Outside the limits (${s.side})` : `Run of 8 ${s.side} the centre`,
            coord: [s.period, values[periods.indexOf(s.period)] ?? null],
          })),
        },
      },
      {
        name: 'Centre',
        type: 'line',
        step: 'middle',
        data: pad(centre),
        symbol: 'none',
        lineStyle: { color: COLORS.centre, width: 1 },
      },
      {
        name: 'Limits',
        type: 'line',
        step: 'middle',
        data: pad(upper),
        symbol: 'none',
        lineStyle: { color: COLORS.limits, width: 1, type: 'dashed' },
      },
      {
        name: 'Limits',
        type: 'line',
        step: 'middle',
        data: pad(lower),
        symbol: 'none',
        lineStyle: { color: COLORS.limits, width: 1, type: 'dashed' },
      },
      ...(hasTarget
        ? [
            {
              name: 'Target',
              type: 'line',
              step: 'middle',
              data: pad(targets),
              symbol: 'none',
              lineStyle: { color: COLORS.target, width: 2 },
              itemStyle: { color: COLORS.target },
            },
          ]
        : []),
      ...(month && forecastLabel
        ? [
            {
              name: 'Forecast',
              type: 'line',
              data: [...periods.map(() => null), month.value],
              symbol: 'diamond',
              symbolSize: 10,
              itemStyle: { color: COLORS.value },
            },
          ]
        : []),
    ],
  };
}
