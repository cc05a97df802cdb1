/**
 * Working time between two instants (SPEC §2): the length of [a, b) ∩ the assistant's working
 * intervals mapped to instants, overlapping intervals counted once. Intervals are merged once per
 * covered day range and prefix-summed, so each query is two binary searches.
 */
import type { AssistantTime } from './assistant-time.ts';
import { MS_PER_DAY } from './calendar.ts';

export class WorkingTime {
  private starts: number[] = [];
  private ends: number[] = [];
  /** cumulative[i] = total length of merged intervals before index i. */
  private cumulative: number[] = [0];
  private fromDay = 0;
  private toDay = -1;

  constructor(private readonly time: AssistantTime) {}

  /** Make sure intervals covering [aMs, bMs] are known. */
  private cover(aMs: number, bMs: number): void {
    // Intervals that start up to 2 days earlier can reach into a day (past-midnight shifts, offsets).
    const from = Math.floor(aMs / MS_PER_DAY) - 2;
    const to = Math.floor(bMs / MS_PER_DAY) + 2;
    if (from >= this.fromDay && to <= this.toDay) return;
    const newFrom = this.toDay < this.fromDay ? from : Math.min(from, this.fromDay);
    const newTo = this.toDay < this.fromDay ? to : Math.max(to, this.toDay);
    const raw: Array<[number, number]> = [];
    for (let d = newFrom; d <= newTo; d++) for (const iv of this.time.intervalsOnDay(d)) raw.push(iv);
    raw.sort((x, y) => x[0] - y[0]);
    const starts: number[] = [];
    const ends: number[] = [];
    for (const [s, e] of raw) {
      const last = ends.length - 1;
      if (last >= 0 && s <= (ends[last] as number)) {
        if (e > (ends[last] as number)) ends[last] = e;
      } else {
        starts.push(s);
        ends.push(e);
      }
    }
    const cumulative = [0];
    for (let i = 0; i < starts.length; i++) {
      cumulative.push((cumulative[i] as number) + (ends[i] as number) - (starts[i] as number));
    }
    this.starts = starts;
    this.ends = ends;
    this.cumulative = cumulative;
    this.fromDay = newFrom;
    this.toDay = newTo;
  }

  /** Working time from the start of the covered range up to instant t. */
  private upTo(t: number): number {
    // Index of the last interval starting at or before t.
    let lo = 0;
    let hi = this.starts.length - 1;
    let idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.starts[mid] as number) <= t) {
        idx = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (idx < 0) return 0;
    const s = this.starts[idx] as number;
    const e = this.ends[idx] as number;
    return (this.cumulative[idx] as number) + Math.min(t, e) - s;
  }

  /** Working milliseconds between instants a ≤ b. */
  msBetween(a: number, b: number): number {
    if (b <= a) return 0;
    this.cover(a, b);
    return this.upTo(b) - this.upTo(a);
  }

  /** Working minutes between instants a ≤ b. */
  minutesBetween(a: number, b: number): number {
    return this.msBetween(a, b) / 60_000;
  }
}
