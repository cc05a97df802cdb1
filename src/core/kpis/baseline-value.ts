/**
 * The baseline value a target is suggested from (SPEC §5): the KPI's buckets that overlap the
 * 14 baseline days, pooled the way compute pools a longer period (SPEC §4) — rates and means by
 * their denominators, counts as the mean per bucket.
 */
import type { PoolKind, WeightedValue } from '../stats/forecast.ts';
import type { SeriesPoint } from '../stats/kpi-series.ts';
import { bucketDays, formatDate } from '../time/calendar.ts';
import { baselineWindow } from './baseline.ts';

/** Pooled value of the series buckets overlapping the baseline; null when none has a value. */
export function baselineValue(
  series: readonly SeriesPoint[],
  weights: readonly number[],
  startDate: string,
  kind: PoolKind,
): number | null {
  const { from, lastDay } = baselineWindow(startDate);
  const used: WeightedValue[] = [];
  series.forEach((p, i) => {
    const { first, last } = bucketDays(p.period);
    if (formatDate(last) < from || formatDate(first) > lastDay || p.value === null) return;
    used.push({ value: p.value, weight: weights[i] ?? 0 });
  });
  if (used.length === 0) return null;
  let sum = 0;
  let weighted = 0;
  let weight = 0;
  for (const u of used) {
    sum += u.value as number;
    weighted += (u.value as number) * u.weight;
    weight += u.weight;
  }
  return kind === 'pooled' && weight > 0 ? weighted / weight : sum / used.length;
}
