/**
 * Raise the bar (SPEC §5): a target met in each of the last 3 complete months suggests raising it
 * or replacing the KPI with a higher-order one.
 */
import type { PoolKind } from '../stats/forecast.ts';
import { bucketDays, bucketLabelOfDay, type Period } from '../time/calendar.ts';
import type { TargetStatus } from './target-status.ts';

export const RAISE_BAR_MONTHS = 3;

export interface MonthStatus {
  /** Month label, e.g. `2026-11`. */
  period: string;
  /** The month's value in the target's terms (monthTargetValue): a count per week for a weekly count KPI. */
  value: number | null;
  target: number | null;
  status: TargetStatus | null;
}

const daysIn = (label: string): number => {
  const { first, last } = bucketDays(label);
  return last - first + 1;
};

/**
 * A complete month's value in the terms of a target set for the KPI's own period. Rates and means
 * pool the month's events (SPEC §4), so the monthly value compares with the target as it is. A
 * count KPI's target is a count per KPI period, and a month holds more (or, for a quarter, fewer)
 * of those: its count is brought to that period's length by days — per week,
 * count ÷ (days in the month ÷ 7); per quarter, count × (days in its quarter ÷ days in the month).
 */
export function monthTargetValue(
  monthValue: number | null,
  month: string,
  kpiPeriod: Period,
  kind: PoolKind,
): number | null {
  if (monthValue === null || kind === 'pooled' || kpiPeriod === 'month') return monthValue;
  const days = daysIn(month);
  if (kpiPeriod === 'week') return monthValue / (days / 7);
  return (monthValue * daysIn(bucketLabelOfDay(bucketDays(month).first, 'quarter'))) / days;
}

/** The 3 months behind a raise-the-bar suggestion, or null when the last 3 complete months are not all met. */
export function raiseBar(completeMonths: readonly MonthStatus[]): MonthStatus[] | null {
  const sorted = [...completeMonths].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const last = sorted.slice(-RAISE_BAR_MONTHS);
  if (last.length < RAISE_BAR_MONTHS || !last.every((m) => m.status === 'met')) return null;
  // Consecutive calendar months: a month without data breaks the streak.
  for (let i = 1; i < last.length; i++) {
    const [y0, m0] = (last[i - 1] as MonthStatus).period.split('-').map(Number) as [number, number];
    const [y1, m1] = (last[i] as MonthStatus).period.split('-').map(Number) as [number, number];
    if (y1 * 12 + m1 !== y0 * 12 + m0 + 1) return null;
  }
  return last;
}
