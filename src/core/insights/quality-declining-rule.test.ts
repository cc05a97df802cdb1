import { describe, expect, it } from 'vitest';
import { buildAnalysis, buildInsightInput, buildKpi } from '#test/kpi-builders';
import { qualityDecliningRule } from './quality-declining-rule.ts';

const declining = { direction: 'declining' as const, slope: -0.2, p: 0.01 };
const series = ['2026-W44', '2026-W45', '2026-W46', '2026-W47'].map((period, i) => ({
  period,
  value: 4.6 - 0.2 * i,
}));

describe('qualityDecliningRule', () => {
  it('flags a quality KPI whose trend is declining', () => {
    const input = buildInsightInput({
      kpis: [buildKpi({ metric: 'quality_score' })],
      analyses: new Map([['k1', buildAnalysis({ series, trend: declining })]]),
    });
    expect(qualityDecliningRule(input)).toEqual([
      {
        id: 'quality_declining',
        severity: 'attention',
        assistant: 'ava',
        kpi: 'k1',
        data: { metric: 'quality_score', slope: -0.2, p: 0.01, from: '2026-W44', to: '2026-W47' },
      },
    ]);
  });

  it('reads the assistant’s weekly quality when no quality KPI is active, once', () => {
    const qualityTrend = { trend: declining, from: '2026-W40', to: '2026-W47' };
    expect(qualityDecliningRule(buildInsightInput({ qualityTrend }))).toEqual([
      {
        id: 'quality_declining',
        severity: 'attention',
        assistant: 'ava',
        data: { metric: 'quality_score', slope: -0.2, p: 0.01, from: '2026-W40', to: '2026-W47' },
      },
    ]);
    const withKpi = buildInsightInput({
      qualityTrend,
      kpis: [buildKpi({ metric: 'quality_score' })],
      analyses: new Map([['k1', buildAnalysis({ series, trend: { ...declining, direction: 'stable' } })]]),
    });
    expect(qualityDecliningRule(withKpi)).toEqual([]);
  });
});
