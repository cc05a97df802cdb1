import { describe, expect, it } from 'vitest';
import type { KpiAnalysisAnswer } from '../../api/kpis-api.ts';
import { baselineLabels, labelIn, targetsBySeries, toKpiAnalysis } from './analysis-view.ts';

const answer = {
  kpi: { processChanges: ['2026-11-09'] },
  today: '2026-11-24',
  analysis: {
    kpi: 'k1',
    period: 'week',
    series: [
      { period: '2026-W45', value: 0.8 },
      { period: '2026-W46', value: 0.9 },
    ],
    phases: [{ from: '2026-W45', centre: 0.85, lower: 0.7, upper: 1 }],
    signals: [
      { period: '2026-W46', rule: 'run', side: 'above' },
      { period: 'x', rule: 'odd' },
    ],
    trend: null,
    forecast: {
      month: { period: '2026-11', value: 0.87, lower: 0.8, upper: 0.95 },
      quarter: null,
      backtestMAE: 0.04,
    },
  },
  points: [
    { period: '2026-W45', value: 0.8, target: null, status: null },
    { period: '2026-W46', value: 0.9, target: 0.85, status: 'met' },
  ],
  baseline: { from: '2026-11-02', lastDay: '2026-11-15', targetsFrom: '2026-11-16', complete: true },
} as unknown as KpiAnalysisAnswer;

describe('analysis view', () => {
  it('keeps only well-formed signals', () => {
    expect(toKpiAnalysis(answer).signals).toEqual([{ period: '2026-W46', rule: 'run', side: 'above' }]);
  });

  it('reads the forecast of the month with its back-test error', () => {
    expect(toKpiAnalysis(answer).forecast).toEqual({
      month: { period: '2026-11', value: 0.87, lower: 0.8, upper: 0.95 },
      quarter: null,
      backtestMAE: 0.04,
    });
  });

  it('turns the baseline dates into the weeks they fall in', () => {
    expect(baselineLabels(answer)).toEqual({ from: '2026-W45', to: '2026-W46' });
  });

  it('labels a process change date by its ISO week', () => {
    expect(labelIn('2026-11-09', 'week')).toBe('2026-W46');
    expect(labelIn('2026-W40', 'week')).toBe('2026-W40');
  });

  it('lines the targets up with the series', () => {
    expect(targetsBySeries(answer)).toEqual([null, 0.85]);
  });
});
