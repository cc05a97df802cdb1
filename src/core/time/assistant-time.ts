/**
 * One assistant's time model (SPEC §2): the zone and schedule in force at an instant or on a local
 * date (history never rewrites earlier weeks), days off and exceptions, bucket labels and bucket
 * bounds as instants, and the working intervals that start on a local date, mapped to instants.
 */
import type { AssistantDef, LocalInterval, WeeklySchedule } from '../events/event-types.ts';
import { WEEKDAY_KEYS } from '../events/event-types.ts';
import {
  bucketDays,
  bucketLabelOfDay,
  isoWeekday,
  MS_PER_DAY,
  type Period,
  parseClock,
  parseDate,
} from './calendar.ts';
import { localToInstant, offsetAt } from './zone-offset.ts';

/** Mon–Fri 09:00–17:00, the schedule when none is given (SPEC §2). */
export const DEFAULT_SCHEDULE: WeeklySchedule = {
  mon: [['09:00', '17:00']],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']],
  fri: [['09:00', '17:00']],
};

/** Minutes [start, end) after local midnight; end may exceed 1440 for an interval past midnight. */
type MinuteInterval = [number, number];
type CompiledSchedule = MinuteInterval[][]; // index 0 = Monday

interface Segment {
  /** Local day from which this segment applies (−Infinity for the base). */
  fromDay: number;
  /** Instant from which it applies: start of fromDay in its zone. */
  fromMs: number;
  zone: string;
  schedule: CompiledSchedule;
}

function compileIntervals(list: readonly LocalInterval[]): MinuteInterval[] {
  const out: MinuteInterval[] = [];
  for (const [a, b] of list) {
    const s = parseClock(a);
    const e = parseClock(b);
    if (s === null || e === null || s >= 1440) continue; // validated upstream
    out.push([s, e <= s ? e + 1440 : e]);
  }
  return out;
}

function compileSchedule(schedule: WeeklySchedule): CompiledSchedule {
  return WEEKDAY_KEYS.map((k) => compileIntervals(schedule[k] ?? []));
}

export class AssistantTime {
  readonly id: string;
  private readonly segments: Segment[];
  private readonly daysOff: Set<number>;
  private readonly exceptions: Map<number, MinuteInterval[]>;
  private readonly singleZone: string | null;

  constructor(def: AssistantDef, extraDaysOff: Iterable<number> = []) {
    this.id = def.id;
    const base: Segment = {
      fromDay: Number.NEGATIVE_INFINITY,
      fromMs: Number.NEGATIVE_INFINITY,
      zone: def.timezone,
      schedule: compileSchedule(def.schedule ?? DEFAULT_SCHEDULE),
    };
    this.segments = [base];
    const history = [...(def.history ?? [])]
      .map((h) => ({ h, day: parseDate(h.from) ?? 0 }))
      .sort((x, y) => x.day - y.day);
    let zone = def.timezone;
    let schedule = base.schedule;
    for (const { h, day } of history) {
      if (h.timezone) zone = h.timezone;
      if (h.schedule) schedule = compileSchedule(h.schedule);
      this.segments.push({ fromDay: day, fromMs: localToInstant(zone, day * MS_PER_DAY), zone, schedule });
    }
    this.singleZone = this.segments.every((s) => s.zone === def.timezone) ? def.timezone : null;
    this.daysOff = new Set<number>();
    for (const d of def.daysOff ?? []) {
      const n = parseDate(d);
      if (n !== null) this.daysOff.add(n);
    }
    for (const n of extraDaysOff) this.daysOff.add(n);
    this.exceptions = new Map();
    for (const [d, list] of Object.entries(def.exceptions ?? {})) {
      const n = parseDate(d);
      if (n !== null) this.exceptions.set(n, compileIntervals(list));
    }
  }

  private segmentAtInstant(ms: number): Segment {
    const segs = this.segments;
    for (let i = segs.length - 1; i > 0; i--) {
      const s = segs[i] as Segment;
      if (s.fromMs <= ms) return s;
    }
    return segs[0] as Segment;
  }

  private segmentOnDay(day: number): Segment {
    const segs = this.segments;
    for (let i = segs.length - 1; i > 0; i--) {
      const s = segs[i] as Segment;
      if (s.fromDay <= day) return s;
    }
    return segs[0] as Segment;
  }

  /** The zone in force at an instant (used to bucket it). */
  zoneAt(ms: number): string {
    return this.singleZone ?? this.segmentAtInstant(ms).zone;
  }

  /** The zone in force on a local date. */
  zoneOnDay(day: number): string {
    return this.singleZone ?? this.segmentOnDay(day).zone;
  }

  /** The local day (day number) of an instant, in the zone in force then. */
  localDayOf(ms: number): number {
    const zone = this.zoneAt(ms);
    return Math.floor((ms + offsetAt(zone, ms)) / MS_PER_DAY);
  }

  /** The bucket label of an instant (SPEC §2). */
  bucketOf(ms: number, period: Period): string {
    return bucketLabelOfDay(this.localDayOf(ms), period);
  }

  /**
   * The first instant whose local date (in the zone in force at that instant) is this day. On the
   * day of a move west the earlier zone, still in force, reaches midnight first (SPEC §2).
   */
  startOfDay(day: number): number {
    const zone = this.zoneOnDay(day);
    const start = localToInstant(zone, day * MS_PER_DAY);
    if (this.singleZone !== null) return start;
    const before = this.zoneOnDay(day - 1);
    return before === zone ? start : Math.min(start, localToInstant(before, day * MS_PER_DAY));
  }

  /** Bucket bounds as instants: [start, end). */
  bucketBounds(label: string): { start: number; end: number } {
    const { first, last } = bucketDays(label);
    return { start: this.startOfDay(first), end: this.startOfDay(last + 1) };
  }

  /** True when no interval starts on this day because of a day off (SPEC §2). */
  isDayOff(day: number): boolean {
    return this.daysOff.has(day);
  }

  /**
   * The working intervals that start on a local day, as instants [start, end), each bound mapped
   * on its own in the zone in force on that day; an inverted pair (a bound in a DST gap) is empty.
   */
  intervalsOnDay(day: number): Array<[number, number]> {
    if (this.daysOff.has(day)) return [];
    const seg = this.segmentOnDay(day);
    const list = this.exceptions.get(day) ?? seg.schedule[isoWeekday(day) - 1] ?? [];
    const out: Array<[number, number]> = [];
    const base = day * MS_PER_DAY;
    for (const [s, e] of list) {
      const a = localToInstant(seg.zone, base + s * 60_000);
      const b = localToInstant(seg.zone, base + e * 60_000);
      if (b > a) out.push([a, b]);
    }
    return out;
  }
}
