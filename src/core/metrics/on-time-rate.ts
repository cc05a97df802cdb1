/**
 * on_time_rate — task completion rate (SPEC §4). A task belongs to the bucket of its deadline
 * (date-only: the bucket of that date; instant: the bucket containing it). Cancelled as of asOf and
 * deadline-less tasks are left out; pending tasks are counted but not in the value.
 */
import type { Period } from '../time/calendar.ts';
import { bucketLabelOfDay } from '../time/calendar.ts';
import { bucketAcc, type MetricContext } from './metric-context.ts';
import type { TaskRow } from './prepared-event.ts';

export type TaskOutcome = 'onTime' | 'late' | 'pending';

export type OnTimeRateResult = {
  value: number | null;
  onTime: number;
  late: number;
  pending: number;
};

export interface TaskClassification {
  bucket: string;
  outcome: TaskOutcome;
  /** The instant the deadline falls (date-only: the start of the next local day). */
  dueAtMs: number;
}

/** Where a task counts and how, as of ctx.asOf; null when no bucket counts it. */
export function classifyTask(
  t: TaskRow,
  ctx: Pick<MetricContext, 'time' | 'asOf'> & { period: Period },
): TaskClassification | null {
  const { asOf, time } = ctx;
  if (!(t.createdMs <= asOf)) return null; // not created yet (SPEC §2 as-of rule)
  if (t.cancelledMs <= asOf) return null; // cancelled as of asOf
  const done = t.completedMs <= asOf ? t.completedMs : Number.NaN;
  let bucket: string;
  let dueAtMs: number;
  let outcome: TaskOutcome;
  if (!Number.isNaN(t.dueMs)) {
    bucket = time.bucketOf(t.dueMs, ctx.period);
    dueAtMs = t.dueMs;
    if (!Number.isNaN(done)) outcome = done <= t.dueMs ? 'onTime' : 'late';
    else outcome = asOf > t.dueMs ? 'late' : 'pending';
  } else if (!Number.isNaN(t.dueDay)) {
    bucket = bucketLabelOfDay(t.dueDay, ctx.period);
    // "By the end of that local day": due instant = start of the next local day (SPEC §2).
    dueAtMs = time.startOfDay(t.dueDay + 1);
    if (!Number.isNaN(done)) outcome = done < dueAtMs ? 'onTime' : 'late';
    else outcome = asOf >= dueAtMs ? 'late' : 'pending';
  } else {
    return null;
  }
  return { bucket, outcome, dueAtMs };
}

/** on_time_rate per bucket for one assistant's tasks. */
export function onTimeRate(tasks: readonly TaskRow[], ctx: MetricContext): Map<string, OnTimeRateResult> {
  const out = new Map<string, OnTimeRateResult>();
  for (const t of tasks) {
    const c = classifyTask(t, ctx);
    if (c === null) continue;
    const acc = bucketAcc(out, c.bucket, () => ({ value: null, onTime: 0, late: 0, pending: 0 }));
    acc[c.outcome]++;
  }
  for (const acc of out.values()) {
    const decided = acc.onTime + acc.late;
    acc.value = decided === 0 ? null : acc.onTime / decided;
  }
  return out;
}
