import { describe, expect, it } from 'vitest';
import type { AssistantDef } from '#core/events/event-types';
import { buildAssistantTime, ms } from '#test/builders';
import { WorkingTime } from './working-time.ts';

/** Working minutes of an assistant between two instants. */
function minutes(
  assistant: Partial<AssistantDef>,
  a: string,
  b: string,
  extraDaysOff: string[] = [],
): number {
  return new WorkingTime(buildAssistantTime(assistant, extraDaysOff)).minutesBetween(ms(a), ms(b));
}

const NY = 'America/New_York';
const allSunday = { sun: [['00:00', '24:00']] } as AssistantDef['schedule'];

type Row = [name: string, assistant: Partial<AssistantDef>, a: string, b: string, expected: number];

describe('working minutes across DST changes', () => {
  // Transitions (python3 zoneinfo): New York 2026-03-08 02:00 EST → 03:00 EDT (07:00Z) and
  // 2026-11-01 02:00 EDT → 01:00 EST (06:00Z); Berlin 2026-03-29 02:00 → 03:00 (01:00Z) and
  // 2026-10-25 03:00 → 02:00 (01:00Z); Sydney 2026-10-04 02:00 → 03:00 (03-10-03T16:00Z) and
  // 2026-04-05 03:00 → 02:00 (04-04T16:00Z). All four days are Sundays.
  const rows: Row[] = [
    // New York, spring forward, Sunday 2026-03-08.
    [
      'NY spring day 00:00–24:00 lasts 23 h',
      { timezone: NY, schedule: allSunday },
      '2026-03-08T05:00:00Z',
      '2026-03-09T04:00:00Z',
      23 * 60,
    ],
    [
      'NY spring day 09:00–17:00 stays 09:00–17:00 EDT (8 h)',
      { timezone: NY, schedule: { sun: [['09:00', '17:00']] } },
      '2026-03-08T00:00:00Z',
      '2026-03-09T00:00:00Z',
      480,
    ],
    [
      'NY 02:00–02:30 on the spring day covers 03:00–03:30 EDT',
      { timezone: NY, schedule: { sun: [['02:00', '02:30']] } },
      '2026-03-08T07:00:00Z',
      '2026-03-08T07:30:00Z',
      30,
    ],
    [
      'NY 02:00–02:30 on the spring day: nothing before 03:00 EDT',
      { timezone: NY, schedule: { sun: [['02:00', '02:30']] } },
      '2026-03-08T05:00:00Z',
      '2026-03-08T07:00:00Z',
      0,
    ],
    [
      // 01:00 EST = 06:00Z; 04:00 EDT = 08:00Z.
      'NY 01:00–04:00 across the gap lasts 2 h',
      { timezone: NY, schedule: { sun: [['01:00', '04:00']] } },
      '2026-03-08T00:00:00Z',
      '2026-03-09T00:00:00Z',
      120,
    ],
    // New York, fall back, Sunday 2026-11-01.
    [
      'NY fall day 00:00–24:00 lasts 25 h',
      { timezone: NY, schedule: allSunday },
      '2026-11-01T04:00:00Z',
      '2026-11-02T05:00:00Z',
      25 * 60,
    ],
    [
      // 01:00 EDT (05:00Z, the earlier instant) to 02:30 EST (07:30Z).
      'NY 01:00–02:30 on the fall day lasts 2 h 30 min',
      { timezone: NY, schedule: { sun: [['01:00', '02:30']] } },
      '2026-11-01T00:00:00Z',
      '2026-11-02T00:00:00Z',
      150,
    ],
    [
      'NY 01:30–01:45 on the fall day is the first (EDT) occurrence',
      { timezone: NY, schedule: { sun: [['01:30', '01:45']] } },
      '2026-11-01T05:30:00Z',
      '2026-11-01T05:45:00Z',
      15,
    ],
    [
      'NY 01:30–01:45 on the fall day: the second (EST) occurrence is not working time',
      { timezone: NY, schedule: { sun: [['01:30', '01:45']] } },
      '2026-11-01T06:30:00Z',
      '2026-11-01T06:45:00Z',
      0,
    ],
    [
      'NY fall day 09:00–17:00 lasts 8 h',
      { timezone: NY, schedule: { sun: [['09:00', '17:00']] } },
      '2026-11-01T00:00:00Z',
      '2026-11-02T00:00:00Z',
      480,
    ],
    // Berlin.
    [
      'Berlin spring day lasts 23 h',
      { schedule: allSunday },
      '2026-03-28T23:00:00Z',
      '2026-03-29T22:00:00Z',
      23 * 60,
    ],
    [
      // 01:30 CET = 00:30Z; 04:00 CEST = 02:00Z.
      'Berlin 01:30–04:00 across the gap lasts 1 h 30 min',
      { schedule: { sun: [['01:30', '04:00']] } },
      '2026-03-28T00:00:00Z',
      '2026-03-30T00:00:00Z',
      90,
    ],
    [
      'Berlin fall day lasts 25 h',
      { schedule: allSunday },
      '2026-10-24T22:00:00Z',
      '2026-10-25T23:00:00Z',
      25 * 60,
    ],
    [
      // 02:00 ambiguous → 02:00 CEST = 00:00Z; 03:00 CET = 02:00Z.
      'Berlin 02:00–03:00 on the fall day lasts 2 h',
      { schedule: { sun: [['02:00', '03:00']] } },
      '2026-10-24T00:00:00Z',
      '2026-10-26T00:00:00Z',
      120,
    ],
    // Sydney (southern hemisphere: DST from October to April).
    [
      'Sydney spring day (October) lasts 23 h',
      { timezone: 'Australia/Sydney', schedule: allSunday },
      '2026-10-03T14:00:00Z',
      '2026-10-04T13:00:00Z',
      23 * 60,
    ],
    [
      'Sydney fall day (April) lasts 25 h',
      { timezone: 'Australia/Sydney', schedule: allSunday },
      '2026-04-04T13:00:00Z',
      '2026-04-05T14:00:00Z',
      25 * 60,
    ],
    [
      'Sydney 02:00–02:30 on the October day covers 03:00–03:30 AEDT',
      { timezone: 'Australia/Sydney', schedule: { sun: [['02:00', '02:30']] } },
      '2026-10-03T16:00:00Z',
      '2026-10-03T16:30:00Z',
      30,
    ],
    [
      // 02:00 AEDT (+11) = 04-04T15:00Z; 03:00 AEST (+10) = 17:00Z.
      'Sydney 02:00–03:00 on the April day lasts 2 h',
      { timezone: 'Australia/Sydney', schedule: { sun: [['02:00', '03:00']] } },
      '2026-04-04T00:00:00Z',
      '2026-04-06T00:00:00Z',
      120,
    ],
    [
      // Fri 2 Oct 16:00 AEST (06:00Z) → 17:00 (07:00Z) = 60; Mon 5 Oct 09:00 AEDT (04T22:00Z)
      // → 10:00 AEDT (23:00Z) = 60. The weekend's clock change moves nothing.
      'Sydney: answered across the DST weekend = 120',
      { timezone: 'Australia/Sydney' },
      '2026-10-02T16:00:00+10:00',
      '2026-10-05T10:00:00+11:00',
      120,
    ],
    // Lord Howe shifts by 30 minutes (python3 zoneinfo): 2026-10-04 02:00 +10:30 → 02:30 +11:00
    // (10-03T15:30Z); 2026-04-05 02:00 +11:00 → 01:30 +10:30 (04-04T15:00Z).
    [
      'Lord Howe spring day lasts 23 h 30 min',
      { timezone: 'Australia/Lord_Howe', schedule: allSunday },
      '2026-10-03T13:30:00Z',
      '2026-10-04T13:00:00Z',
      23 * 60 + 30,
    ],
    [
      // Both bounds in the 30-minute gap move forward by 30 minutes: 02:30–02:45 +11:00.
      'Lord Howe 02:00–02:15 in the gap covers 02:30–02:45',
      { timezone: 'Australia/Lord_Howe', schedule: { sun: [['02:00', '02:15']] } },
      '2026-10-03T15:30:00Z',
      '2026-10-03T15:45:00Z',
      15,
    ],
    [
      'Lord Howe fall day lasts 24 h 30 min',
      { timezone: 'Australia/Lord_Howe', schedule: allSunday },
      '2026-04-04T13:00:00Z',
      '2026-04-05T13:30:00Z',
      24 * 60 + 30,
    ],
    [
      // 01:30 is ambiguous → 01:30 +11:00 = 14:30Z; 02:00 exists once, +10:30 = 15:30Z.
      'Lord Howe 01:30–02:00 on the fall day lasts 1 h',
      { timezone: 'Australia/Lord_Howe', schedule: { sun: [['01:30', '02:00']] } },
      '2026-04-04T00:00:00Z',
      '2026-04-06T00:00:00Z',
      60,
    ],
    [
      // Chatham: 2026-09-27 02:45 +12:45 → 03:45 +13:45 (09-26T14:00Z); 03:00–03:30 is in the gap
      // and covers 04:00–04:30 +13:45 = 14:15Z–14:45Z.
      'Chatham 03:00–03:30 in the gap covers 04:00–04:30',
      { timezone: 'Pacific/Chatham', schedule: { sun: [['03:00', '03:30']] } },
      '2026-09-26T14:15:00Z',
      '2026-09-26T14:45:00Z',
      30,
    ],
    // Kolkata (+05:30, no DST).
    [
      'Kolkata 09:00 IST is 03:30Z',
      { timezone: 'Asia/Kolkata' },
      '2026-11-16T03:00:00Z',
      '2026-11-16T04:00:00Z',
      30,
    ],
    [
      'Kolkata working week = 40 h',
      { timezone: 'Asia/Kolkata' },
      '2026-11-15T18:30:00Z',
      '2026-11-22T18:30:00Z',
      40 * 60,
    ],
  ];

  it.each(rows)('%s', (_name, assistant, a, b, expected) => {
    expect(minutes(assistant, a, b)).toBe(expected);
  });
});

describe('working minutes by schedule', () => {
  // Assistant in Europe/Berlin (CET, +01:00, in November); W47 = Mon 16 – Sun 22 November 2026.
  const week = ['2026-11-16T00:00:00+01:00', '2026-11-23T00:00:00+01:00'] as const;
  const night = {
    schedule: {
      mon: [['21:00', '05:00']],
      tue: [['21:00', '05:00']],
      wed: [['21:00', '05:00']],
      thu: [['21:00', '05:00']],
      fri: [['21:00', '05:00']],
    },
  } as Partial<AssistantDef>;

  const rows: Row[] = [
    ['the default schedule gives 40 h a week', {}, ...week, 40 * 60],
    [
      'the clock starts at the next working moment',
      {},
      '2026-11-16T07:00:00+01:00',
      '2026-11-16T09:30:00+01:00',
      30,
    ],
    ['nothing counts after hours', {}, '2026-11-16T17:00:00+01:00', '2026-11-17T09:00:00+01:00', 0],
    ['nothing counts at the weekend', {}, '2026-11-21T00:00:00+01:00', '2026-11-23T00:00:00+01:00', 0],
    [
      'several intervals a day',
      {
        schedule: {
          mon: [
            ['09:00', '12:00'],
            ['13:00', '17:00'],
          ],
        },
      },
      ...week,
      7 * 60,
    ],
    [
      'overlapping intervals count once',
      {
        schedule: {
          mon: [
            ['09:00', '13:00'],
            ['12:00', '17:00'],
          ],
        },
      },
      ...week,
      8 * 60,
    ],
    ['24:00 ends an interval at midnight', { schedule: { mon: [['18:00', '24:00']] } }, ...week, 6 * 60],
    ['00:00–24:00 is the whole day', { schedule: { wed: [['00:00', '24:00']] } }, ...week, 24 * 60],
    [
      // The shift starting Sun 15 covers Mon 16 00:00–10:00, which merges with Mon 09:00–17:00
      // into 00:00–17:00 (17 h); the shift starting Sun 22 adds 22:00–24:00 (2 h).
      'a Sunday night shift merging into Monday counts once',
      { schedule: { sun: [['22:00', '10:00']], mon: [['09:00', '17:00']] } },
      ...week,
      19 * 60,
    ],
    ['a night shift runs past midnight: 5 × 8 h', night, ...week, 40 * 60],
    // With Tue 17 off: the Tue 21:00 shift goes; Mon's shift still runs into Tue until 05:00.
    [
      'a day off removes the night shift that starts on it',
      { ...night, daysOff: ['2026-11-17'] },
      ...week,
      32 * 60,
    ],
    [
      'the shift from the day before still runs into a day off',
      { ...night, daysOff: ['2026-11-17'] },
      '2026-11-17T00:00:00+01:00',
      '2026-11-17T06:00:00+01:00',
      5 * 60,
    ],
    [
      'no work on the night of a day off',
      { ...night, daysOff: ['2026-11-17'] },
      '2026-11-17T20:00:00+01:00',
      '2026-11-18T06:00:00+01:00',
      0,
    ],
    // Exceptions replace the intervals that start on their date; an empty list is a day off.
    ['an exception replaces a day', { exceptions: { '2026-11-18': [['09:00', '12:00']] } }, ...week, 35 * 60],
    ['an empty exception is a day off', { exceptions: { '2026-11-19': [] } }, ...week, 32 * 60],
    [
      'an exception adds work on a Saturday',
      { exceptions: { '2026-11-21': [['10:00', '14:00']] } },
      ...week,
      44 * 60,
    ],
    ['days off remove whole days', { daysOff: ['2026-11-16', '2026-11-20'] }, ...week, 24 * 60],
    ['an empty schedule means no work at all', { schedule: {} }, ...week, 0],
  ];

  it.each(rows)('%s', (_name, assistant, a, b, expected) => {
    expect(minutes(assistant, a, b)).toBe(expected);
  });

  it('treats dayOff dates like days off', () => {
    expect(minutes({}, ...week, ['2026-11-17'])).toBe(32 * 60);
  });

  it('counts seconds, not whole minutes', () => {
    expect(minutes({}, '2026-11-16T09:00:00+01:00', '2026-11-16T09:00:45+01:00')).toBe(0.75);
  });

  it('gives 0 when b is not after a', () => {
    expect(minutes({}, '2026-11-16T10:00:00+01:00', '2026-11-16T09:00:00+01:00')).toBe(0);
  });
});

describe('working minutes across a move between zones', () => {
  // Until Tue 17 Nov in New York (EST, −05:00); from Wed 18 Nov in Berlin (CET, +01:00), starting
  // at 2026-11-18 00:00 Berlin = 2026-11-17T23:00Z. Default schedule throughout.
  const moved: Partial<AssistantDef> = {
    timezone: NY,
    history: [{ from: '2026-11-18', timezone: 'Europe/Berlin' }],
  };

  it('uses each local day in the zone in force on it', () => {
    // Tue 09:00–17:00 EST = 14:00Z–22:00Z (8 h); Wed 09:00–10:00 CET = 08:00Z–09:00Z (1 h).
    expect(minutes(moved, '2026-11-17T14:00:00Z', '2026-11-18T09:00:00Z')).toBe(9 * 60);
  });

  it('keeps 40 h in the week of the move', () => {
    expect(minutes(moved, '2026-11-16T00:00:00Z', '2026-11-23T00:00:00Z')).toBe(40 * 60);
  });

  it('never rewrites an earlier week', () => {
    // Mon 16 Nov 09:00–17:00 EST = 14:00Z–22:00Z: 480 min in New York, before and after the move
    // is recorded. Had Berlin applied, only 14:00Z–16:00Z would have been working time.
    const later: Partial<AssistantDef> = {
      timezone: NY,
      history: [{ from: '2026-11-23', timezone: 'Europe/Berlin' }],
    };
    expect(minutes(later, '2026-11-16T14:00:00Z', '2026-11-16T22:00:00Z')).toBe(480);
    expect(minutes({ timezone: NY }, '2026-11-16T14:00:00Z', '2026-11-16T22:00:00Z')).toBe(480);
  });

  it('switches schedule from the history date', () => {
    const changed: Partial<AssistantDef> = {
      history: [{ from: '2026-11-23', schedule: { mon: [['10:00', '12:00']] } }],
    };
    expect(minutes(changed, '2026-11-16T00:00:00+01:00', '2026-11-23T00:00:00+01:00')).toBe(40 * 60);
    expect(minutes(changed, '2026-11-23T00:00:00+01:00', '2026-11-30T00:00:00+01:00')).toBe(2 * 60);
  });

  it('gives the same answer whichever order the queries come in', () => {
    // The cache of merged intervals grows as queries reach further; the answers must not change.
    const wt = new WorkingTime(buildAssistantTime(moved));
    const late = wt.minutesBetween(ms('2026-12-01T00:00:00Z'), ms('2026-12-02T00:00:00Z'));
    const early = wt.minutesBetween(ms('2026-11-17T14:00:00Z'), ms('2026-11-18T09:00:00Z'));
    const earlier = wt.minutesBetween(ms('2026-10-01T00:00:00Z'), ms('2026-10-02T00:00:00Z'));
    expect([late, early, earlier]).toEqual([8 * 60, 9 * 60, 8 * 60]);
  });
});
