import { describe, expect, it } from 'vitest';
import type { AssistantDef } from '#core/events/event-types';
import { buildAssistantTime, day, ms } from '#test/builders';
import type { Period } from './calendar.ts';

const NY = 'America/New_York';

describe('bucketOf', () => {
  type Row = [name: string, assistant: Partial<AssistantDef>, instant: string, period: Period, label: string];
  const rows: Row[] = [
    ['Berlin: Sun 23:30 UTC is already Monday', {}, '2026-11-22T23:30:00Z', 'week', '2026-W48'],
    ['Berlin: Sun 22:59 UTC is still Sunday', {}, '2026-11-22T22:59:59Z', 'week', '2026-W47'],
    ['New York: Mon 03:00 UTC is still Sunday', { timezone: NY }, '2026-11-23T03:00:00Z', 'week', '2026-W47'],
    [
      'Kolkata: 18:29Z Sunday is 23:59 IST',
      { timezone: 'Asia/Kolkata' },
      '2026-11-22T18:29:00Z',
      'week',
      '2026-W47',
    ],
    [
      'Kolkata: 18:30Z Sunday is Monday 00:00 IST',
      { timezone: 'Asia/Kolkata' },
      '2026-11-22T18:30:00Z',
      'week',
      '2026-W48',
    ],
    [
      'Sydney: 31 Dec 13:00Z is 1 Jan 00:00 AEDT',
      { timezone: 'Australia/Sydney' },
      '2026-12-31T13:00:00Z',
      'month',
      '2027-01',
    ],
    [
      'Sydney: 31 Dec 13:00Z falls in 2027-Q1',
      { timezone: 'Australia/Sydney' },
      '2026-12-31T13:00:00Z',
      'quarter',
      '2027-Q1',
    ],
    [
      'Sydney: 1 Jan 2027 is in ISO week 2026-W53',
      { timezone: 'Australia/Sydney' },
      '2026-12-31T13:00:00Z',
      'week',
      '2026-W53',
    ],
    // NY fall back: the repeated 01:00–02:00 hour is still Sunday 1 Nov, W44.
    [
      'New York: the repeated hour belongs to its day',
      { timezone: NY },
      '2026-11-01T06:30:00Z',
      'week',
      '2026-W44',
    ],
  ];
  it.each(rows)('%s', (_name, assistant, instant, period, label) => {
    expect(buildAssistantTime(assistant).bucketOf(ms(instant), period)).toBe(label);
  });
});

describe('a move between zones (history)', () => {
  // New York until 30 Nov; from 1 Dec 2026 in Berlin, i.e. from 2026-12-01 00:00 CET = 2026-11-30T23:00Z.
  const time = buildAssistantTime({
    timezone: NY,
    history: [{ from: '2026-12-01', timezone: 'Europe/Berlin' }],
  });

  it('buckets an instant in the zone in force at that instant', () => {
    // 23:30Z: Berlin is in force → 1 Dec 00:30 → December (New York would say 30 Nov 18:30).
    expect(time.zoneAt(ms('2026-11-30T23:30:00Z'))).toBe('Europe/Berlin');
    expect(time.bucketOf(ms('2026-11-30T23:30:00Z'), 'month')).toBe('2026-12');
    // 22:30Z: still New York → 30 Nov 17:30 → November.
    expect(time.zoneAt(ms('2026-11-30T22:30:00Z'))).toBe(NY);
    expect(time.bucketOf(ms('2026-11-30T22:30:00Z'), 'month')).toBe('2026-11');
  });

  it('uses the zone in force on a local date for that date', () => {
    expect(time.zoneOnDay(day('2026-11-30'))).toBe(NY);
    expect(time.zoneOnDay(day('2026-12-01'))).toBe('Europe/Berlin');
    // November runs from 1 Nov 00:00 EDT (04:00Z) to the start of 1 Dec in Berlin (30 Nov 23:00Z).
    expect(time.bucketBounds('2026-11')).toEqual({
      start: ms('2026-11-01T04:00:00Z'),
      end: ms('2026-11-30T23:00:00Z'),
    });
  });

  it('starts the day of a move west when the earlier zone, still in force, reaches midnight', () => {
    // Berlin until 30 Nov, New York from 1 Dec 00:00 EST (05:00Z). Berlin's 1 Dec 00:00 is
    // 30 Nov 23:00Z, when Berlin is still in force: from then on the local date is 1 December.
    const west = buildAssistantTime({ history: [{ from: '2026-12-01', timezone: NY }] });
    expect(west.startOfDay(day('2026-12-01'))).toBe(ms('2026-11-30T23:00:00Z'));
    expect(west.bucketOf(ms('2026-11-30T23:00:00Z'), 'month')).toBe('2026-12');
    expect(west.bucketOf(ms('2026-11-30T22:59:59Z'), 'month')).toBe('2026-11');
    expect(west.bucketBounds('2026-11').end).toBe(ms('2026-11-30T23:00:00Z'));
    // December starts at 23:00Z and ends at 1 Jan 00:00 EST = 05:00Z.
    expect(west.bucketBounds('2026-12')).toEqual({
      start: ms('2026-11-30T23:00:00Z'),
      end: ms('2027-01-01T05:00:00Z'),
    });
    // Moving east, the new zone's midnight comes first and is also the instant of the move.
    expect(time.startOfDay(day('2026-12-01'))).toBe(ms('2026-11-30T23:00:00Z'));
  });

  it('orders history entries by date, whatever order they are written in', () => {
    const t = buildAssistantTime({
      timezone: 'UTC',
      history: [
        { from: '2026-12-01', timezone: 'Asia/Kolkata' },
        { from: '2026-11-01', timezone: NY },
      ],
    });
    expect(t.zoneOnDay(day('2026-10-31'))).toBe('UTC');
    expect(t.zoneOnDay(day('2026-11-15'))).toBe(NY);
    expect(t.zoneOnDay(day('2026-12-15'))).toBe('Asia/Kolkata');
  });
});

describe('bucketBounds', () => {
  it('runs a week from Monday 00:00 local to the next Monday 00:00 local', () => {
    expect(buildAssistantTime({ timezone: NY }).bucketBounds('2026-W45')).toEqual({
      // Mon 2 Nov 00:00 EST = 05:00Z; Mon 9 Nov 00:00 EST = 05:00Z.
      start: ms('2026-11-02T05:00:00Z'),
      end: ms('2026-11-09T05:00:00Z'),
    });
    // W44 (26 Oct – 1 Nov) contains the fall back: Mon 26 Oct 00:00 EDT = 04:00Z; 169 h long.
    const w44 = buildAssistantTime({ timezone: NY }).bucketBounds('2026-W44');
    expect(w44).toEqual({ start: ms('2026-10-26T04:00:00Z'), end: ms('2026-11-02T05:00:00Z') });
    expect((w44.end - w44.start) / 3_600_000).toBe(169);
  });
});

describe('intervalsOnDay', () => {
  it('maps each bound on its own and drops an interval that is empty after the gap', () => {
    // 02:30–03:30 on 8 Mar 2026 in New York: 02:30 does not exist → 03:30 EDT, and so does 03:30.
    const t = buildAssistantTime({
      timezone: NY,
      schedule: {
        sun: [
          ['02:30', '03:30'],
          ['09:00', '10:00'],
        ],
      },
    });
    expect(t.intervalsOnDay(day('2026-03-08'))).toEqual([
      [ms('2026-03-08T13:00:00Z'), ms('2026-03-08T14:00:00Z')],
    ]);
  });

  it('has nothing on a day off or an empty exception, and the exception on its date', () => {
    const t = buildAssistantTime({
      daysOff: ['2026-11-16'],
      exceptions: { '2026-11-17': [], '2026-11-18': [['08:00', '09:00']] },
    });
    expect(t.isDayOff(day('2026-11-16'))).toBe(true);
    expect(t.intervalsOnDay(day('2026-11-16'))).toEqual([]);
    expect(t.intervalsOnDay(day('2026-11-17'))).toEqual([]);
    expect(t.intervalsOnDay(day('2026-11-18'))).toEqual([
      [ms('2026-11-18T07:00:00Z'), ms('2026-11-18T08:00:00Z')],
    ]);
    expect(t.intervalsOnDay(day('2026-11-19'))).toEqual([
      [ms('2026-11-19T08:00:00Z'), ms('2026-11-19T16:00:00Z')],
    ]);
  });
});
