import { describe, expect, it } from 'vitest';
import { buildAnalysis, buildInsightInput, buildKpi } from '#test/kpi-builders';
import { signalRule } from './signal-rule.ts';

const analysis = buildAnalysis({
  series: [
    { period: '2026-W46', value: 0.9 },
    { period: '2026-W47', value: 0.3 },
  ],
  phases: [{ from: '2026-W30', centre: 0.85, lower: 0.6, upper: 1 }],
  signals: [
    { period: '2026-W46', rule: 'run', side: 'above' },
    { period: '2026-W47', rule: 'outside', side: 'below' },
  ],
});

describe('signalRule', () => {
  it('raises the signals of the latest bucket, unfavourable ones as attention', () => {
    const out = signalRule(buildInsightInput({ kpis: [buildKpi()], analyses: new Map([['k1', analysis]]) }));
    expect(out).toEqual([
      {
        id: 'signal',
        severity: 'attention',
        assistant: 'ava',
        kpi: 'k1',
        data: {
          period: '2026-W47',
          rule: 'outside',
          side: 'below',
          favourable: false,
          value: 0.3,
          centre: 0.85,
          lower: 0.6,
          upper: 1,
        },
      },
    ]);
  });

  it('marks a signal on the better side as positive', () => {
    const out = signalRule(
      buildInsightInput({ kpis: [buildKpi({ direction: 'lower' })], analyses: new Map([['k1', analysis]]) }),
    );
    expect(out[0]).toMatchObject({ severity: 'positive', data: { favourable: true } });
  });
});
