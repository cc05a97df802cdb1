import { describe, expect, it } from 'vitest';
import { buildAnalysis, buildInsightInput, buildKpi } from '#test/kpi-builders';
import { baselineReadyRule } from './baseline-ready-rule.ts';

describe('baselineReadyRule', () => {
  // Started Monday 2026-11-02: the baseline covers W45 and W46.
  const analysis = buildAnalysis({
    series: [
      { period: '2026-W45', value: 0.8 },
      { period: '2026-W46', value: 0.6 },
      { period: '2026-W47', value: 1 },
    ],
    weights: [10, 10, 10],
  });

  it('suggests a first target once the baseline is over', () => {
    // Baseline (8 + 6) / 20 = 0.7; target 0.7 + 25 % of 0.3 = 0.775.
    const out = baselineReadyRule(
      buildInsightInput({ kpis: [buildKpi()], analyses: new Map([['k1', analysis]]), today: '2026-11-16' }),
    );
    expect(out).toEqual([
      {
        id: 'baseline_ready',
        severity: 'info',
        assistant: 'ava',
        kpi: 'k1',
        data: {
          baselineEnds: '2026-11-15',
          baseline: expect.closeTo(0.7, 12),
          suggestedTarget: expect.closeTo(0.775, 12),
          rule: 'baseline + 25 % of the gap to 100 %',
        },
      },
    ]);
  });

  it('waits for the end of the baseline and stops once a target is set', () => {
    const analyses = new Map([['k1', analysis]]);
    expect(
      baselineReadyRule(buildInsightInput({ kpis: [buildKpi()], analyses, today: '2026-11-15' })),
    ).toEqual([]);
    const withTarget = buildKpi({
      targets: [{ value: 0.8, effectiveFrom: '2026-11-16', setAt: '2026-11-16T09:00:00Z', setBy: 'manager' }],
    });
    expect(
      baselineReadyRule(buildInsightInput({ kpis: [withTarget], analyses, today: '2026-11-20' })),
    ).toEqual([]);
  });
});
