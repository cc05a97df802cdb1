import { describe, expect, it } from 'vitest';
import { type MonthStatus, monthTargetValue, raiseBar } from './raise-bar.ts';

const m = (period: string, status: MonthStatus['status']): MonthStatus => ({
  period,
  value: 0.95,
  target: 0.9,
  status,
});

describe('raiseBar', () => {
  it('fires when the last three complete months are met', () => {
    const months = [m('2026-08', 'below'), m('2026-09', 'met'), m('2026-10', 'met'), m('2026-11', 'met')];
    expect(raiseBar(months)?.map((x) => x.period)).toEqual(['2026-09', '2026-10', '2026-11']);
  });

  it('does not fire when one of them is near or below', () => {
    expect(raiseBar([m('2026-09', 'met'), m('2026-10', 'near'), m('2026-11', 'met')])).toBeNull();
  });

  it('needs three consecutive months across a year end', () => {
    expect(raiseBar([m('2026-11', 'met'), m('2026-12', 'met'), m('2027-01', 'met')])).not.toBeNull();
    expect(raiseBar([m('2026-09', 'met'), m('2026-10', 'met'), m('2026-12', 'met')])).toBeNull();
    expect(raiseBar([m('2026-10', 'met'), m('2026-11', 'met')])).toBeNull();
  });
});

describe('monthTargetValue', () => {
  it('brings a weekly count KPI’s month to a count per week: count ÷ (days in the month ÷ 7)', () => {
    // August 2026 has 31 days: 14 ÷ (31 / 7) = 98 / 31 ≈ 3.16 per week.
    expect(monthTargetValue(14, '2026-08', 'week', 'sum')).toBe(98 / 31);
    // September has 30: 13 ÷ (30 / 7) = 91 / 30 ≈ 3.03.
    expect(monthTargetValue(13, '2026-09', 'week', 'sum')).toBe(13 / (30 / 7));
    // February 2026 has 28 days, exactly 4 weeks: 12 ÷ 4 = 3.
    expect(monthTargetValue(12, '2026-02', 'week', 'sum')).toBe(3);
  });

  it('brings a quarterly count KPI’s month to a count per quarter by days', () => {
    // 2026-Q4 has 31 + 30 + 31 = 92 days; November 30: 10 × 92 / 30 ≈ 30.67.
    expect(monthTargetValue(10, '2026-11', 'quarter', 'sum')).toBe((10 * 92) / 30);
  });

  it('keeps a monthly count, every rate and mean, and a month without a value as they are', () => {
    expect(monthTargetValue(10, '2026-11', 'month', 'sum')).toBe(10);
    expect(monthTargetValue(0.92, '2026-11', 'week', 'pooled')).toBe(0.92);
    expect(monthTargetValue(4.4, '2026-11', 'quarter', 'pooled')).toBe(4.4);
    expect(monthTargetValue(null, '2026-11', 'week', 'sum')).toBeNull();
  });
});
