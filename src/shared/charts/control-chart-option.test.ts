import { describe, expect, it } from 'vitest';
import type { KpiAnalysis } from '#core/stats/analyze-kpi';
import { controlChartOption, phaseLines } from './control-chart-option.ts';

const analysis: KpiAnalysis = {
  kpi: 'k1',
  series: [
    { period: '2026-W40', value: 0.8 },
    { period: '2026-W41', value: null },
    { period: '2026-W42', value: 0.9 },
    { period: '2026-W43', value: 0.95 },
  ],
  phases: [
    { from: '2026-W40', centre: 0.85, lower: 0.6, upper: 1 },
    { from: '2026-W42', centre: null, lower: null, upper: null },
  ],
  signals: [{ period: '2026-W43', rule: 'outside', side: 'above' }],
  trend: null,
  forecast: {
    month: { period: '2026-10', value: 0.9, lower: 0.8, upper: 1 },
    quarter: null,
    backtestMAE: 0.05,
  },
};

describe('control chart', () => {
  it('gives each period the centre and limits of its own phase', () => {
    expect(phaseLines(analysis)).toEqual({
      centre: [0.85, 0.85, null, null],
      lower: [0.6, 0.6, null, null],
      upper: [1, 1, null, null],
    });
  });

  it('keeps a period without a value as a gap, and adds the forecast after the series', () => {
    const option = controlChartOption({
      analysis,
      metric: 'on_time_rate',
      targets: [null, null, 0.9, 0.9],
      baseline: null,
      processChanges: [],
    });
    const series = option.series as Array<{ name: string; data: unknown[] }>;
    expect(series[0]?.data).toEqual([0.8, null, 0.9, 0.95, null]);
    expect(series.at(-1)?.data).toEqual([null, null, null, null, 0.9]);
    expect((option.xAxis as { data: string[] }).data.at(-1)).toBe('2026-10 forecast');
  });

  it('marks signals at their periods and draws the target', () => {
    const option = controlChartOption({
      analysis,
      metric: 'on_time_rate',
      targets: [null, null, 0.9, 0.9],
      baseline: { from: '2026-W40', to: '2026-W41' },
      processChanges: ['2026-W42', '2026-W50'],
    });
    const first = (option.series as Array<Record<string, { data: unknown[] }>>)[0]!;
    expect(first.markPoint?.data).toEqual([
      { name: 'Outside the limits (above)', coord: ['2026-W43', 0.95] },
    ]);
    expect(first.markLine?.data).toHaveLength(1);
    const target = (option.series as Array<{ name: string; data: unknown[] }>).find(
      (x) => x.name === 'Target',
    );
    expect(target?.data).toEqual([null, null, 0.9, 0.9, null]);
    expect(first.markArea?.data).toHaveLength(2);
  });
});
