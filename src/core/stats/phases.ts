/**
 * Phases of a series (SPEC §6): the first starts at the series' first bucket; each recorded process
 * change starts a new one at its bucket. A change before the series, at its first bucket or after
 * its last is ignored.
 */
import { AppError } from '../../errors.ts';
import { bucketDays, bucketLabelOfDay, type Period, parseDate, periodOfLabel } from '../time/calendar.ts';

/** The KPI-period bucket a process change falls in; it may be given as any bucket label or a local date. */
export function changeBucket(change: string, period: Period): string {
  const day = periodOfLabel(change) !== null ? bucketDays(change).first : parseDate(change);
  if (day === null)
    throw new AppError(
      'validation_failed',
      `A process change must be a bucket label or a date, got ${change}`,
      {
        change,
      },
    );
  return bucketLabelOfDay(day, period);
}

/** Indices into the series where each phase starts, ascending, always starting with 0. */
export function phaseStarts(labels: readonly string[], changes: readonly string[], period: Period): number[] {
  if (labels.length === 0) return [];
  const index = new Map(labels.map((l, i) => [l, i]));
  const starts = new Set<number>([0]);
  for (const c of changes) {
    const i = index.get(changeBucket(c, period));
    if (i !== undefined && i > 0) starts.add(i);
  }
  return [...starts].sort((a, b) => a - b);
}
