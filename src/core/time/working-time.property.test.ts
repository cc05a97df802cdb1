import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssistantDef, LocalInterval, WeekdayKey, WeeklySchedule } from '#core/events/event-types';
import { WEEKDAY_KEYS } from '#core/events/event-types';
import { buildAssistant } from '#test/builders';
import { AssistantTime } from './assistant-time.ts';
import { WorkingTime } from './working-time.ts';

const RUNS = { numRuns: 200 };
const DAY = 86_400_000;
const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
  'Asia/Kolkata',
  'UTC',
  'Pacific/Chatham', // +12:45 / +13:45
  'America/St_Johns', // −03:30 / −02:30
] as const;
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2027, 0, 1);

const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Any interval the contract allows: end ≤ start runs past midnight, 24:00 may end it. */
const intervalArb: fc.Arbitrary<LocalInterval> = fc
  .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 0, max: 96 }))
  .map(([s, e]) => [hhmm(s * 15), hhmm(e * 15)]);

const scheduleArb: fc.Arbitrary<WeeklySchedule> = fc
  .array(fc.tuple(fc.constantFrom(...WEEKDAY_KEYS), fc.array(intervalArb, { maxLength: 3 })), {
    maxLength: 7,
  })
  .map((entries) => Object.fromEntries(entries) as WeeklySchedule);

const dateArb = fc
  .integer({ min: FROM / DAY, max: TO / DAY - 1 })
  .map((d) => new Date(d * DAY).toISOString().slice(0, 10));

const assistantArb: fc.Arbitrary<AssistantDef> = fc
  .record({
    timezone: fc.constantFrom(...ZONES),
    schedule: fc.option(scheduleArb, { nil: undefined }),
    daysOff: fc.array(dateArb, { maxLength: 20 }),
    history: fc.array(
      fc.record({
        from: dateArb,
        timezone: fc.option(fc.constantFrom(...ZONES), { nil: undefined }),
        schedule: fc.option(scheduleArb, { nil: undefined }),
      }),
      { maxLength: 2 },
    ),
  })
  .map((a) => buildAssistant(a));

const instantArb = fc.integer({ min: FROM, max: TO });

describe('working time (properties)', () => {
  it('is additive over [a, b] and [b, c]', () => {
    fc.assert(
      fc.property(assistantArb, fc.array(instantArb, { minLength: 3, maxLength: 3 }), (def, points) => {
        const [a, b, c] = [...points].sort((x, y) => x - y) as [number, number, number];
        const wt = new WorkingTime(new AssistantTime(def));
        expect(wt.msBetween(a, c)).toBe(wt.msBetween(a, b) + wt.msBetween(b, c));
        // A fresh model (an empty interval cache) gives the same answer.
        expect(new WorkingTime(new AssistantTime(def)).msBetween(a, c)).toBe(wt.msBetween(a, c));
      }),
      RUNS,
    );
  });

  it('never exceeds b − a and is never negative', () => {
    fc.assert(
      fc.property(assistantArb, instantArb, fc.integer({ min: 0, max: 40 * DAY }), (def, a, span) => {
        const w = new WorkingTime(new AssistantTime(def)).msBetween(a, a + span);
        expect(w).toBeGreaterThanOrEqual(0);
        expect(w).toBeLessThanOrEqual(span);
      }),
      RUNS,
    );
  });

  it('is zero over a day off (with the days before it off, so no night shift reaches in)', () => {
    fc.assert(
      fc.property(assistantArb, fc.integer({ min: FROM / DAY + 3, max: TO / DAY - 3 }), (def, d) => {
        const dates = [d - 2, d - 1, d].map((n) => new Date(n * DAY).toISOString().slice(0, 10));
        const time = new AssistantTime({ ...def, daysOff: [...(def.daysOff ?? []), ...dates] });
        expect(new WorkingTime(time).msBetween(time.startOfDay(d), time.startOfDay(d + 1))).toBe(0);
      }),
      RUNS,
    );
  });

  it("equals the schedule's weekly hours over a whole week without a DST change", () => {
    // Disjoint intervals on the week's circle (minute 0 = Monday 00:00), each at most 24 h,
    // rotated so that some run past midnight and past the end of Sunday.
    const weeklyArb = fc
      .uniqueArray(fc.integer({ min: 0, max: 7 * 1440 - 1 }), { minLength: 0, maxLength: 12 })
      .chain((points) =>
        fc.tuple(
          fc.constant([...points].sort((x, y) => x - y)),
          fc.integer({ min: 0, max: 7 * 1440 - 1 }),
          fc.boolean(),
        ),
      )
      .map(([points, rotate, use2400]) => {
        const schedule: Partial<Record<WeekdayKey, LocalInterval[]>> = {};
        let total = 0;
        for (let i = 0; i + 1 < points.length; i += 2) {
          const len = Math.min((points[i + 1] as number) - (points[i] as number), 1440);
          const start = ((points[i] as number) + rotate) % (7 * 1440);
          const key = WEEKDAY_KEYS[Math.floor(start / 1440)] as WeekdayKey;
          const s = start % 1440;
          const e = s + len;
          const end = e < 1440 ? hhmm(e) : e === 1440 && use2400 ? '24:00' : hhmm(e - 1440);
          schedule[key] = [...(schedule[key] ?? []), [hhmm(s), end]];
          total += len;
        }
        return { schedule, total };
      });
    // Local Monday 00:00 as an instant, read from Intl directly (not from the engine).
    const offsetMinutes = (zone: string, t: number): number => {
      const name =
        new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
          .formatToParts(t)
          .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
      const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
      return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    };
    // Mondays of 2026: 2025-12-29 is day 20451.
    const mondayArb = fc.integer({ min: 0, max: 51 }).map((w) => 20451 + 7 * w);
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), weeklyArb, mondayArb, (zone, { schedule, total }, monday) => {
        // No DST change from the Saturday before to the Wednesday after (transitions are months apart).
        const before = offsetMinutes(zone, (monday - 2) * DAY);
        fc.pre(before === offsetMinutes(zone, (monday + 10) * DAY));
        const start = monday * DAY - before * 60_000;
        const time = new AssistantTime(buildAssistant({ timezone: zone, schedule }));
        expect(new WorkingTime(time).minutesBetween(start, start + 7 * DAY)).toBe(total);
      }),
      RUNS,
    );
  });
});
