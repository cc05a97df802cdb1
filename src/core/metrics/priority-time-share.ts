/**
 * priority_time_share — hours flagged priority / all tracked hours, by elapsed time (SPEC §4). An
 * entry crossing a bucket edge (local midnight as an instant) is split there; an entry is cut at
 * asOf; a zero-length entry counts (0 h) in the bucket of its start; overlaps count as given.
 */
import { nextBucketLabel } from '../time/calendar.ts';
import { bucketAcc, type MetricContext } from './metric-context.ts';
import type { TimeEntryRow } from './prepared-event.ts';

export type PriorityTimeShareResult = {
  value: number | null;
  priorityHours: number;
  totalHours: number;
};

const MS_PER_HOUR = 3_600_000;

/** The pieces of an entry per bucket as of ctx.asOf: [label, milliseconds]. */
export function splitTimeEntry(e: TimeEntryRow, ctx: MetricContext): Array<[string, number]> {
  if (!(e.startMs <= ctx.asOf)) return [];
  const end = Math.min(e.endMs, ctx.asOf);
  let label = ctx.time.bucketOf(e.startMs, ctx.period);
  if (end <= e.startMs) return [[label, 0]];
  const pieces: Array<[string, number]> = [];
  let cur = e.startMs;
  // Walk bucket by bucket; bounds come from the zone in force on each bucket's first day.
  for (let guard = 0; guard < 100_000 && cur < end; guard++) {
    const edge = ctx.time.bucketBounds(label).end;
    const stop = Math.min(end, edge);
    if (stop > cur) {
      pieces.push([label, stop - cur]);
      cur = stop;
    }
    label = nextBucketLabel(label);
  }
  return pieces;
}

/** priority_time_share per bucket for one assistant's time entries. */
export function priorityTimeShare(
  entries: readonly TimeEntryRow[],
  ctx: MetricContext,
): Map<string, PriorityTimeShareResult> {
  // Milliseconds are summed exactly as integers and turned into hours once.
  const acc = new Map<string, { priority: number; total: number }>();
  for (const e of entries) {
    for (const [label, ms] of splitTimeEntry(e, ctx)) {
      const a = bucketAcc(acc, label, () => ({ priority: 0, total: 0 }));
      a.total += ms;
      if (e.priority) a.priority += ms;
    }
  }
  const out = new Map<string, PriorityTimeShareResult>();
  for (const [b, a] of acc) {
    out.set(b, {
      value: a.total === 0 ? null : a.priority / a.total,
      priorityHours: a.priority / MS_PER_HOUR,
      totalHours: a.total / MS_PER_HOUR,
    });
  }
  return out;
}
