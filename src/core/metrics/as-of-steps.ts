/**
 * Where an assistant's complete buckets can change as asOf moves. Every comparison a metric makes
 * with asOf (SPEC §2: nothing after asOf counts; §4: a deadline passes, a response arrives, a task
 * is completed or cancelled) is against an instant of one of the assistant's events, listed here;
 * bucket labels, the KPI's "today" and its last complete bucket depend on asOf only through the
 * local day (and zone) asOf falls in. So two asOf values with the same step key give every complete
 * bucket the same value, the same today and the same series end: an answer read from complete
 * buckets (a KPI summary, the SPEC §7 insights) computed at one holds for the other. The bucket
 * containing asOf is not covered — a running time entry grows with asOf — nor is a forecast.
 */
import type { AssistantTime } from '../time/assistant-time.ts';
import type { PreparedRow } from './prepared-event.ts';

function instantsOf(r: PreparedRow, time: AssistantTime): number[] {
  switch (r.kind) {
    case 'task':
      // A date-only deadline passes at the start of the next local day (SPEC §2, on-time-rate.ts).
      return [
        r.createdMs,
        r.dueMs,
        r.completedMs,
        r.cancelledMs,
        Number.isNaN(r.dueDay) ? Number.NaN : time.startOfDay(r.dueDay + 1),
      ];
    case 'request':
      return [r.receivedMs, r.respondedMs];
    case 'rating':
    case 'docReview':
    case 'survey':
    case 'proactive':
      return [r.atMs];
    case 'timeEntry':
      return [r.startMs, r.endMs];
    // Goals, days off and manual values are read the same at every asOf.
    case 'goal':
    case 'dayOff':
    case 'manualValue':
      return [];
  }
}

/** Index of the first element ≥ x (strict: > x) in a sorted array. */
function bound(xs: Float64Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = xs[mid] as number;
    if (v < x || (strict && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class AsOfSteps {
  private readonly instants: Float64Array;

  /** `rows`: one assistant's prepared rows; `time`: that assistant's time model. */
  constructor(
    rows: Iterable<PreparedRow>,
    private readonly time: AssistantTime,
  ) {
    const all: number[] = [];
    for (const r of rows) for (const ms of instantsOf(r, time)) if (!Number.isNaN(ms)) all.push(ms);
    this.instants = Float64Array.from(all).sort();
  }

  /**
   * Equal keys ⇒ equal complete-bucket answers. Both "instants before asOf" and "instants at or
   * before asOf" are counted, since metrics compare both ways (`asOf > due`, `completedAt ≤ asOf`).
   */
  key(asOf: number): string {
    const before = bound(this.instants, asOf, false);
    const upTo = bound(this.instants, asOf, true);
    return `${this.time.zoneAt(asOf)} ${this.time.localDayOf(asOf)} ${before} ${upTo}`;
  }
}
