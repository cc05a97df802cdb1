import { describe, expect, it } from 'vitest';
import { buildInsightInput, buildKpi } from '#test/kpi-builders';
import { monthOneRule } from './month-one-rule.ts';

describe('monthOneRule', () => {
  it('speaks during the first 4 weeks of a completion KPI', () => {
    // Started 2026-11-02: days 1–28 run to 2026-11-29.
    const input = buildInsightInput({ kpis: [buildKpi()], today: '2026-11-29' });
    expect(monthOneRule(input)).toEqual([
      {
        id: 'month_one',
        severity: 'info',
        assistant: 'ava',
        kpi: 'k1',
        data: {
          startDate: '2026-11-02',
          until: '2026-11-29',
          healthyFrom: 0.85,
          healthyTo: 0.9,
          target: null,
        },
      },
    ]);
  });

  it('is quiet after the 4 weeks, for other metrics and for proposals', () => {
    expect(monthOneRule(buildInsightInput({ kpis: [buildKpi()], today: '2026-11-30' }))).toEqual([]);
    expect(
      monthOneRule(buildInsightInput({ kpis: [buildKpi({ metric: 'csat' })], today: '2026-11-10' })),
    ).toEqual([]);
    expect(
      monthOneRule(buildInsightInput({ kpis: [buildKpi({ status: 'proposed' })], today: '2026-11-10' })),
    ).toEqual([]);
  });
});
