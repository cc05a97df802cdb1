import { describe, expect, it } from 'vitest';
import { buildInsightInput, buildKpi } from '#test/kpi-builders';
import { raiseBarRule } from './raise-bar-rule.ts';

const month = (period: string, value: number, status: 'met' | 'near' | 'below') => ({
  period,
  value,
  target: 0.9,
  status,
});

describe('raiseBarRule', () => {
  it('suggests raising the bar after 3 complete months met', () => {
    const months = new Map([
      ['k1', [month('2026-08', 0.92, 'met'), month('2026-09', 0.95, 'met'), month('2026-10', 0.91, 'met')]],
    ]);
    const out = raiseBarRule(buildInsightInput({ kpis: [buildKpi()], months }));
    expect(out).toEqual([
      {
        id: 'raise_bar',
        severity: 'positive',
        assistant: 'ava',
        kpi: 'k1',
        data: {
          target: 0.9,
          months: [
            { period: '2026-08', value: 0.92, target: 0.9 },
            { period: '2026-09', value: 0.95, target: 0.9 },
            { period: '2026-10', value: 0.91, target: 0.9 },
          ],
        },
      },
    ]);
  });

  it('waits while a month is only near', () => {
    const months = new Map([
      ['k1', [month('2026-08', 0.92, 'met'), month('2026-09', 0.86, 'near'), month('2026-10', 0.91, 'met')]],
    ]);
    expect(raiseBarRule(buildInsightInput({ kpis: [buildKpi()], months }))).toEqual([]);
  });
});
