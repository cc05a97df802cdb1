import { describe, expect, it } from 'vitest';
import { formatMetricValue } from '../format/metric-format.ts';
import { trendChartOption } from './trend-chart-option.ts';

type Series = { name: string; data: (number | null)[] };

describe('trendChartOption', () => {
  const series = [
    { period: '2026-W45', value: 0.5 },
    { period: '2026-W46', value: null },
    { period: '2026-W47', value: 1 },
  ];
  it('draws one point per period with a gap where a period has no value, and the target as a line', () => {
    const o = trendChartOption({ metric: 'on_time_rate', series, target: 0.9 }) as {
      xAxis: { data: string[] };
      series: Series[];
      yAxis: { axisLabel: { formatter: (v: number) => string } };
    };
    expect(o.xAxis.data).toEqual(['2026-W45', '2026-W46', '2026-W47']);
    expect(o.series[0]).toMatchObject({ name: 'Value', data: [0.5, null, 1], connectNulls: false });
    expect(o.series[1]).toMatchObject({ name: 'Target', data: [0.9, 0.9, 0.9] });
    expect(o.yAxis.axisLabel.formatter(0.75)).toBe(formatMetricValue('on_time_rate', 0.75));
  });
  it('has no target line without a target', () => {
    const o = trendChartOption({ metric: 'quality_score', series, target: null }) as { series: Series[] };
    expect(o.series.map((s) => s.name)).toEqual(['Value']);
  });
});
