import { describe, expect, it } from 'vitest';
import { buildManualValue, prepared } from '#test/builders';
import { manualValues } from './manual-values.ts';

describe('manualValues', () => {
  it('gives one KPI its values by period label and ignores other KPIs', () => {
    const rows = [
      buildManualValue({ kpi: 'renewals', period: '2026-W47', value: 3 }),
      buildManualValue({ kpi: 'renewals', period: '2026-11', value: 9 }),
      buildManualValue({ kpi: 'renewals', period: '2026-Q4', value: 0 }),
      buildManualValue({ kpi: 'referrals', period: '2026-W47', value: 7 }),
    ].map((e) => prepared(e));
    expect(Object.fromEntries(manualValues(rows, 'renewals'))).toEqual({
      '2026-W47': 3,
      '2026-11': 9,
      '2026-Q4': 0,
    });
    expect(Object.fromEntries(manualValues(rows, 'referrals'))).toEqual({ '2026-W47': 7 });
    expect(manualValues(rows, 'unknown').size).toBe(0);
  });

  it('keeps the later value when a period is given twice', () => {
    const rows = [
      buildManualValue({ kpi: 'renewals', period: '2026-W47', value: 3 }),
      buildManualValue({ kpi: 'renewals', period: '2026-W47', value: 4 }),
    ].map((e) => prepared(e));
    expect(manualValues(rows, 'renewals').get('2026-W47')).toBe(4);
  });
});
