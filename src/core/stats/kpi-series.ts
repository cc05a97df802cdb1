/**
 * A KPI's series (SPEC §6): in its own period, from the first bucket that has an event of its
 * metric to the last complete bucket (end ≤ asOf). Buckets without a value stay in place as null,
 * except for count metrics, where a bucket without events inside the series is 0.
 */
import { bucketDays, bucketLabelOfDay, labelsBetween, type Period } from '../time/calendar.ts';

export interface SeriesPoint {
  period: string;
  value: number | null;
}

export interface SeriesOptions {
  /** The last complete bucket (see lastCompleteBucket). */
  lastComplete: string;
  /** Count metrics (proactivity) read a bucket without events as 0, not null. */
  countMetric: boolean;
}

/** Builds the series from the reported buckets (label → value) of one KPI. */
export function kpiSeries(reported: ReadonlyMap<string, number | null>, opts: SeriesOptions): SeriesPoint[] {
  let first: string | null = null;
  for (const label of reported.keys()) if (first === null || label < first) first = label;
  if (first === null || first > opts.lastComplete) return [];
  return labelsBetween(first, opts.lastComplete).map((period) => {
    const v = reported.get(period);
    return { period, value: v === undefined ? (opts.countMetric ? 0 : null) : v };
  });
}

/** The bucket right before the one containing asOf, i.e. the last bucket whose end ≤ asOf. */
export function lastCompleteBucket(
  time: { bucketOf(ms: number, period: Period): string },
  asOf: number,
  period: Period,
): string {
  const current = time.bucketOf(asOf, period);
  return bucketLabelOfDay(bucketDays(current).first - 1, period);
}
