/**
 * One demo assistant's local calendar: which minutes of a local date are working time (their
 * schedule in force that day, days off removed, SPEC §2), the instant of a local wall time, and
 * "n working minutes later" — so that generated responses land in working hours and measure
 * exactly the working time they were drawn with.
 */
import type { WeeklySchedule } from '#core/events/event-types';
import { localDate } from '#core/kpis/local-date';
import { formatDate, isoWeekday, MS_PER_DAY, parseClock, parseDate } from '#core/time/calendar';
import { formatInZone } from '#core/time/format-in-zone';
import { localToInstant } from '#core/time/zone-offset';
import type { DemoRandom } from './demo-random.ts';

const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const MINUTE = 60_000;

/** A working interval of a local date in minutes since its midnight, end exclusive. */
export type MinuteSpan = readonly [number, number];

export class DemoClock {
  /** Today's local date (day number) and the Monday of the current week. */
  readonly today: number;
  readonly monday: number;
  private readonly daysOff = new Set<number>();

  constructor(
    readonly zone: string,
    private readonly schedule: WeeklySchedule,
    now: number,
    private readonly change: { from: number; schedule: WeeklySchedule } | null = null,
  ) {
    this.today = parseDate(localDate(now, zone)) as number;
    this.monday = this.today - (isoWeekday(this.today) - 1);
  }

  addDayOff(day: number): void {
    this.daysOff.add(day);
  }

  /** The Monday `k` weeks before the current one. */
  mondayOf(k: number): number {
    return this.monday - 7 * k;
  }

  /** Weeks before now of a local date: 0 in the current week, 1 in the last complete one. */
  weeksAgo(day: number): number {
    return Math.floor((this.monday - (day - (isoWeekday(day) - 1))) / 7);
  }

  /** The working intervals of a local date (none on a day off). */
  intervalsOn(day: number): MinuteSpan[] {
    if (this.daysOff.has(day)) return [];
    const s = this.change && day >= this.change.from ? this.change.schedule : this.schedule;
    const list = s[DAY_KEYS[isoWeekday(day) - 1] as (typeof DAY_KEYS)[number]] ?? [];
    return list.map(([a, b]) => [parseClock(a) ?? 0, parseClock(b) ?? 0] as const);
  }

  isWorkingDay(day: number): boolean {
    return this.intervalsOn(day).length > 0;
  }

  /** The instant of a local wall time (minute may reach 1440, the next midnight). */
  at(day: number, minute: number): number {
    return localToInstant(this.zone, day * MS_PER_DAY + Math.round(minute) * MINUTE);
  }

  /** ISO-8601 with the zone's offset, as an import from a tool in that zone would write it. */
  text(ms: number): string {
    return formatInZone(ms, this.zone);
  }

  date(day: number): string {
    return formatDate(day);
  }

  /** A minute inside the day's working time (uniform over it), or null on a day without work. */
  workingMinute(day: number, rng: DemoRandom, margin = 0): number | null {
    const spans = this.intervalsOn(day).filter(([a, b]) => b - a > 2 * margin);
    const total = spans.reduce((n, [a, b]) => n + (b - a - 2 * margin), 0);
    if (total <= 0) return null;
    let x = rng.next() * total;
    for (const [a, b] of spans) {
      const len = b - a - 2 * margin;
      if (x < len) return Math.floor(a + margin + x);
      x -= len;
    }
    return null;
  }

  /** The local date and minute `amount` working minutes after a wall time (the clock starts at the next working moment). */
  addWorking(day: number, minute: number, amount: number): { day: number; minute: number } {
    let left = amount;
    let from = minute;
    for (let d = day; d < day + 60; d++, from = 0) {
      for (const [a, b] of this.intervalsOn(d)) {
        const start = Math.max(a, from);
        if (start >= b) continue;
        if (start + left <= b) return { day: d, minute: start + left };
        left -= b - start;
      }
    }
    return { day: day + 60, minute: 0 };
  }
}
