import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TaskEvent } from '#core/events/event-types';
import { buildAssistant, buildTask } from '#test/builders';
import { computeMetrics, type MetricRecord } from '../compute.ts';

const DAY = 86_400_000;
const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Pacific/Chatham',
] as const;
// Deadlines from 20 Oct to 10 Dec 2026 cross both October/November/December edges and the
// October DST changes of Berlin, New York and Chatham.
const FROM = Date.UTC(2026, 9, 20);
const TO = Date.UTC(2026, 11, 10);

const iso = (t: number): string => new Date(t).toISOString();

/** The local date of an instant, read with Intl (independent of the engine's zone code). */
function localDate(zone: string, t: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(t);
}

/** The UTC offset of a zone at an instant in ms, read from Intl's `longOffset` name. */
function offsetMs(zone: string, t: number): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(t)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
}

/** The zones of an assistant: `zone`, then `move.timezone` from the start of `move.from` there. */
interface Zones {
  zone: string;
  move: { from: string; timezone: string } | undefined;
}

/** The local date of an instant in the zone in force at that instant (SPEC §2 history). */
function localDateInForce({ zone, move }: Zones, t: number): string {
  if (move === undefined) return localDate(zone, t);
  // Midnight of the move's date in the new zone (no zone here has a gap at midnight).
  const midnight = Date.parse(`${move.from}T00:00:00Z`);
  const start = midnight - offsetMs(move.timezone, midnight - offsetMs(move.timezone, midnight));
  return localDate(t >= start ? move.timezone : zone, t);
}

const taskArb = fc
  .record({
    deadline: fc.oneof(
      fc.record({ kind: fc.constant('instant' as const), at: fc.integer({ min: FROM, max: TO }) }),
      fc.record({ kind: fc.constant('date' as const), at: fc.integer({ min: FROM / DAY, max: TO / DAY }) }),
      fc.record({ kind: fc.constant('none' as const), at: fc.constant(0) }),
    ),
    completedShift: fc.option(fc.integer({ min: -3 * DAY, max: 3 * DAY }), { nil: undefined }),
    cancelledAt: fc.option(fc.integer({ min: FROM, max: TO + 5 * DAY }), { nil: undefined }),
    createdAt: fc.integer({ min: FROM - 20 * DAY, max: TO }),
  })
  .map(({ deadline, completedShift, cancelledAt, createdAt }): Partial<TaskEvent> => {
    const anchor = deadline.kind === 'date' ? deadline.at * DAY + 12 * 3_600_000 : deadline.at || FROM;
    return {
      createdAt: iso(createdAt),
      ...(deadline.kind === 'instant' ? { due: iso(deadline.at) } : {}),
      ...(deadline.kind === 'date' ? { dueDate: iso(deadline.at * DAY).slice(0, 10) } : {}),
      ...(completedShift !== undefined ? { completedAt: iso(anchor + completedShift) } : {}),
      ...(cancelledAt !== undefined ? { cancelledAt: iso(cancelledAt) } : {}),
    };
  });

/**
 * The month's on-time rate counted task by task with local dates from Intl, the way SPEC §4 reads:
 * only tasks whose deadline falls in the month, never going through weekly buckets.
 */
function expectedMonths(tasks: readonly TaskEvent[], zones: Zones, asOf: number): MetricRecord[] {
  const months = new Map<string, { onTime: number; late: number; pending: number }>();
  for (const t of tasks) {
    if (Date.parse(t.createdAt) > asOf) continue;
    if (t.cancelledAt !== undefined && Date.parse(t.cancelledAt) <= asOf) continue;
    const done =
      t.completedAt !== undefined && Date.parse(t.completedAt) <= asOf ? Date.parse(t.completedAt) : null;
    let month: string;
    let outcome: 'onTime' | 'late' | 'pending';
    if (t.due !== undefined) {
      const due = Date.parse(t.due);
      month = localDateInForce(zones, due).slice(0, 7);
      outcome = done !== null ? (done <= due ? 'onTime' : 'late') : asOf > due ? 'late' : 'pending';
    } else if (t.dueDate !== undefined) {
      month = t.dueDate.slice(0, 7);
      // Before the end of the due date ⇔ its local date is on or before the due date.
      outcome =
        done !== null
          ? localDateInForce(zones, done) <= t.dueDate
            ? 'onTime'
            : 'late'
          : localDateInForce(zones, asOf) > t.dueDate
            ? 'late'
            : 'pending';
    } else continue;
    const m = months.get(month) ?? { onTime: 0, late: 0, pending: 0 };
    m[outcome]++;
    months.set(month, m);
  }
  return [...months.keys()].sort().map((period) => {
    const m = months.get(period) as { onTime: number; late: number; pending: number };
    const decided = m.onTime + m.late;
    return {
      assistant: 'ava',
      metric: 'on_time_rate',
      period,
      value: decided === 0 ? null : m.onTime / decided,
      onTime: m.onTime,
      late: m.late,
      pending: m.pending,
    };
  });
}

describe('on_time_rate (properties)', () => {
  it('gives a month onTime / (onTime + late) over the tasks whose deadlines fall in it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        // Sometimes a move to another zone from a date inside the range (SPEC §2 history).
        fc.option(
          fc.record({
            from: fc.integer({ min: FROM / DAY, max: TO / DAY }).map((d) => iso(d * DAY).slice(0, 10)),
            timezone: fc.constantFrom(...ZONES),
          }),
          { nil: undefined },
        ),
        fc.array(taskArb, { maxLength: 30 }),
        fc.integer({ min: FROM, max: TO + 5 * DAY }),
        (zone, move, overrides, asOf) => {
          const tasks = overrides.map((o) => buildTask(o));
          const assistants = [buildAssistant({ timezone: zone, ...(move ? { history: [move] } : {}) })];
          const opts = { asOf, metrics: ['on_time_rate'] as const };
          const months = computeMetrics({ assistants, events: tasks }, { ...opts, period: 'month' });
          expect(months).toEqual(expectedMonths(tasks, { zone, move }, asOf));
          for (const m of months) if (m.value !== null) expect(m.value >= 0 && m.value <= 1).toBe(true);
          // Weeks and months count the same tasks, each once.
          const total = (rs: MetricRecord[]) =>
            rs.reduce((n, r) => n + (r.onTime as number) + (r.late as number) + (r.pending as number), 0);
          const weeks = computeMetrics({ assistants, events: tasks }, { ...opts, period: 'week' });
          expect(total(weeks)).toBe(total(months));
        },
      ),
      { numRuns: 200 },
    );
  });
});
