/**
 * Raise the bar (SPEC §5): a target met in each of the last 3 complete months suggests raising it
 * or replacing the KPI with a higher-order one.
 */
import type { TargetStatus } from './target-status.ts';

export const RAISE_BAR_MONTHS = 3;

export interface MonthStatus {
  /** Month label, e.g. `2026-11`. */
  period: string;
  value: number | null;
  target: number | null;
  status: TargetStatus | null;
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
