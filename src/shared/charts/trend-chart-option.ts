/**
 * The echarts option of a report's trend chart (SPEC §8 "Reports for management"): one value per
 * period of the range with gaps where a period has none, and the KPI's target as a line. Pure: it
 * draws the numbers the report computed. In `src/shared` because the Reports page and the report
 * PDF (server-side SVG) draw from this one function, so a chart in an export matches the screen.
 */
import { formatMetricValue, metricKind } from '../format/metric-format.ts';
import type { ChartOption } from './control-chart-option.ts';

export interface TrendChartInput {
  metric: string;
  series: readonly { period: string; value: number | null }[];
  /** The KPI's target (null: none, or a team line). */
  target: number | null;
}

const COLORS = { value: '#0b7285', target: '#2b8a3e' };

/** The finest axis step each kind of value is labelled in, so no two ticks read the same. */
const MIN_INTERVAL: Record<string, number> = { rate: 0.01, score: 0.1, minutes: 1, count: 1 };

export function trendChartOption(input: TrendChartInput): ChartOption {
  const { metric, series, target } = input;
  const fmt = (v: unknown) => (typeof v === 'number' ? formatMetricValue(metric, v) : '—');
  const hasTarget = target !== null;
  return {
    animation: false,
    aria: { enabled: true },
    grid: { left: 56, right: 16, top: 32, bottom: 32 },
    legend: { top: 0, itemWidth: 14, data: ['Value', ...(hasTarget ? ['Target'] : [])] },
    tooltip: { trigger: 'axis', valueFormatter: fmt },
    xAxis: { type: 'category', data: series.map((p) => p.period), axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'value',
      scale: true,
      minInterval: MIN_INTERVAL[metricKind(metric)] ?? 0,
      axisLabel: { formatter: (v: number) => fmt(v) },
    },
    series: [
      {
        name: 'Value',
        type: 'line',
        data: series.map((p) => p.value),
        connectNulls: false,
        symbolSize: 7,
        lineStyle: { width: 2, color: COLORS.value },
        itemStyle: { color: COLORS.value },
      },
      ...(hasTarget
        ? [
            {
              name: 'Target',
              type: 'line',
              data: series.map(() => target),
              symbol: 'none',
              lineStyle: { color: COLORS.target, width: 2, type: 'dashed' },
              itemStyle: { color: COLORS.target },
            },
          ]
        : []),
    ],
  };
}
