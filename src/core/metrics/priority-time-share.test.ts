import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimeEntryEvent } from '#core/events/event-types';
import { buildContext, buildTimeEntry, prepared } from '#test/builders';
import type { Period } from '../time/calendar.ts';
import { priorityTimeShare, splitTimeEntry } from './priority-time-share.ts';

// Assistant in Europe/Berlin. CET (+01:00) from 25 Oct 2026 03:00 CEST; 2026-W47 = Mon 16 – Sun
// 22 Nov; W48 starts Mon 23 Nov 00:00 +01:00 = 22 Nov 23:00Z. asOf = Wed 25 Nov 12:00 +01:00.
const AS_OF = '2026-11-25T12:00:00+01:00';
const H = 3_600_000;

type Row = [
  name: string,
  entry: Partial<TimeEntryEvent>,
  period: Period,
  zone: string,
  expected: Array<[string, number]>,
];

const rows: Row[] = [
  [
    'an entry inside one week stays whole',
    { start: '2026-11-18T09:00:00+01:00', end: '2026-11-18T12:30:00+01:00' },
    'week',
    'Europe/Berlin',
    [['2026-W47', 3.5 * H]],
  ],
  [
    'an entry across local Sunday midnight is split at 00:00 local',
    { start: '2026-11-22T23:00:00+01:00', end: '2026-11-23T01:00:00+01:00' },
    'week',
    'Europe/Berlin',
    [
      ['2026-W47', 1 * H],
      ['2026-W48', 1 * H],
    ],
  ],
  [
    // 22:30Z–23:30Z = Sun 23:30 – Mon 00:30 Berlin: split at 23:00Z, not at UTC midnight.
    'the split is at local midnight, not UTC midnight',
    { start: '2026-11-22T22:30:00Z', end: '2026-11-23T00:30:00Z' },
    'week',
    'Europe/Berlin',
    [
      ['2026-W47', 0.5 * H],
      ['2026-W48', 1.5 * H],
    ],
  ],
  [
    // Kolkata: W48 starts Mon 23 Nov 00:00 +05:30 = 22 Nov 18:30Z.
    'Kolkata splits at 18:30Z',
    { start: '2026-11-22T18:00:00Z', end: '2026-11-22T19:00:00Z' },
    'week',
    'Asia/Kolkata',
    [
      ['2026-W47', 0.5 * H],
      ['2026-W48', 0.5 * H],
    ],
  ],
  [
    'an entry across the month edge is split at 1 Nov 00:00 local',
    { start: '2026-10-31T22:00:00+01:00', end: '2026-11-01T02:00:00+01:00' },
    'month',
    'Europe/Berlin',
    [
      ['2026-10', 2 * H],
      ['2026-11', 2 * H],
    ],
  ],
  [
    'an entry spanning three weeks gives three pieces',
    { start: '2026-11-15T20:00:00+01:00', end: '2026-11-23T04:00:00+01:00' },
    'week',
    'Europe/Berlin',
    [
      ['2026-W46', 4 * H],
      ['2026-W47', 7 * 24 * H],
      ['2026-W48', 4 * H],
    ],
  ],
  [
    // Sun 25 Oct 2026: 03:00 CEST → 02:00 CET. 00:00 CEST (24 Oct 22:00Z) to 06:00 CET (05:00Z) = 7 h.
    'elapsed time counts the repeated hour of a fall-back night',
    { start: '2026-10-25T00:00:00+02:00', end: '2026-10-25T06:00:00+01:00' },
    'week',
    'Europe/Berlin',
    [['2026-W43', 7 * H]],
  ],
  [
    // W44 starts Mon 26 Oct 00:00 CET = 25 Oct 23:00Z.
    'the week after a DST change starts at local midnight in the new offset',
    { start: '2026-10-25T22:00:00Z', end: '2026-10-26T00:00:00Z' },
    'week',
    'Europe/Berlin',
    [
      ['2026-W43', 1 * H],
      ['2026-W44', 1 * H],
    ],
  ],
  [
    'an entry running past asOf is cut at asOf',
    { start: '2026-11-25T10:00:00+01:00', end: '2026-11-25T14:00:00+01:00' },
    'week',
    'Europe/Berlin',
    [['2026-W48', 2 * H]],
  ],
  [
    'an entry starting exactly at asOf counts as a zero-length entry',
    { start: AS_OF, end: '2026-11-25T14:00:00+01:00' },
    'week',
    'Europe/Berlin',
    [['2026-W48', 0]],
  ],
  [
    'an entry starting after asOf is left out',
    { start: '2026-11-25T12:00:01+01:00', end: '2026-11-25T14:00:00+01:00' },
    'week',
    'Europe/Berlin',
    [],
  ],
  [
    'a zero-length entry counts 0 h in the bucket of its start',
    { start: '2026-11-22T23:00:00Z', end: '2026-11-22T23:00:00Z' },
    'week',
    'Europe/Berlin',
    [['2026-W48', 0]],
  ],
];

describe('splitTimeEntry', () => {
  it.each(rows)('%s', (_name, entry, period, zone, expected) => {
    const ctx = buildContext({ assistant: { timezone: zone }, period, asOf: AS_OF });
    expect(splitTimeEntry(prepared(buildTimeEntry(entry)), ctx)).toEqual(expected);
  });
});

describe('splitTimeEntry across a move between zones', () => {
  it.each<[string, string, Array<[string, number]>]>([
    // Berlin until 30 Nov; New York from 1 Dec (from 1 Dec 00:00 EST = 05:00Z). Between 30 Nov
    // 23:00Z and 1 Dec 05:00Z Berlin is still in force and says 1 December, so the month edge is
    // Berlin's midnight, 23:00Z: 22:00Z–23:00Z is November (1 h), 23:00Z–06:00Z December (7 h).
    [
      'westward (Berlin → New York)',
      'Europe/Berlin',
      [
        ['2026-11', 1 * H],
        ['2026-12', 7 * H],
      ],
    ],
    // New York until 30 Nov; Berlin from 1 Dec 00:00 CET = 30 Nov 23:00Z: the edge is 23:00Z too.
    [
      'eastward (New York → Berlin)',
      'America/New_York',
      [
        ['2026-11', 1 * H],
        ['2026-12', 7 * H],
      ],
    ],
  ])('splits at the instant the bucket of the zone in force changes: %s', (_name, zone, expected) => {
    const to = zone === 'Europe/Berlin' ? 'America/New_York' : 'Europe/Berlin';
    const ctx = buildContext({
      assistant: { timezone: zone, history: [{ from: '2026-12-01', timezone: to }] },
      period: 'month',
      asOf: '2026-12-31T00:00:00Z',
    });
    const entry = prepared(buildTimeEntry({ start: '2026-11-30T22:00:00Z', end: '2026-12-01T06:00:00Z' }));
    expect(splitTimeEntry(entry, ctx)).toEqual(expected);
    // A point event at 23:30Z falls in the same month as that piece of the entry.
    expect(ctx.time.bucketOf(Date.parse('2026-11-30T23:30:00Z'), 'month')).toBe('2026-12');
  });
});

describe('priorityTimeShare', () => {
  it('reports priority hours over all hours per bucket, splitting at the edge', () => {
    // Priority Sun 23:00 – Mon 01:00: 1 h in W47, 1 h in W48. Non-priority 3 h in W47.
    // W47: 1 / 4 = 0.25; W48: 1 / 1 = 1.
    const entries = [
      buildTimeEntry({
        priority: true,
        start: '2026-11-22T23:00:00+01:00',
        end: '2026-11-23T01:00:00+01:00',
      }),
      buildTimeEntry({ start: '2026-11-18T09:00:00+01:00', end: '2026-11-18T12:00:00+01:00' }),
      buildTimeEntry({ start: '2026-11-19T09:00:00+01:00', end: '2026-11-19T09:00:00+01:00' }),
    ].map((e) => prepared(e));
    expect(Object.fromEntries(priorityTimeShare(entries, buildContext({ asOf: AS_OF })))).toEqual({
      '2026-W47': { value: 0.25, priorityHours: 1, totalHours: 4 },
      '2026-W48': { value: 1, priorityHours: 1, totalHours: 1 },
    });
  });

  it('counts overlapping entries as given', () => {
    // Two entries 09:00–11:00, one of them priority: 2 / 4 = 0.5.
    const entries = [
      buildTimeEntry({
        priority: true,
        start: '2026-11-18T09:00:00+01:00',
        end: '2026-11-18T11:00:00+01:00',
      }),
      buildTimeEntry({ start: '2026-11-18T09:00:00+01:00', end: '2026-11-18T11:00:00+01:00' }),
    ].map((e) => prepared(e));
    expect(priorityTimeShare(entries, buildContext({ asOf: AS_OF })).get('2026-W47')).toEqual({
      value: 0.5,
      priorityHours: 2,
      totalHours: 4,
    });
  });

  it('reports a bucket with only zero-length entries with value null', () => {
    const entries = [
      buildTimeEntry({
        priority: true,
        start: '2026-11-18T09:00:00+01:00',
        end: '2026-11-18T09:00:00+01:00',
      }),
      buildTimeEntry({ start: AS_OF, end: '2026-11-26T09:00:00+01:00' }),
    ].map((e) => prepared(e));
    expect(Object.fromEntries(priorityTimeShare(entries, buildContext({ asOf: AS_OF })))).toEqual({
      '2026-W47': { value: null, priorityHours: 0, totalHours: 0 },
      '2026-W48': { value: null, priorityHours: 0, totalHours: 0 },
    });
  });

  it('pools a month by hours, not by weekly shares', () => {
    // W46: priority 1 h of 1 h → 1. W47: priority 1 h of 9 h → 1/9. Mean of weeks ≈ 0.56;
    // pooled November = 2 / 10 = 0.2.
    const entries = [
      buildTimeEntry({
        priority: true,
        start: '2026-11-10T09:00:00+01:00',
        end: '2026-11-10T10:00:00+01:00',
      }),
      buildTimeEntry({
        priority: true,
        start: '2026-11-17T09:00:00+01:00',
        end: '2026-11-17T10:00:00+01:00',
      }),
      buildTimeEntry({ start: '2026-11-17T10:00:00+01:00', end: '2026-11-17T18:00:00+01:00' }),
    ].map((e) => prepared(e));
    expect(
      Object.fromEntries(priorityTimeShare(entries, buildContext({ asOf: AS_OF, period: 'month' }))),
    ).toEqual({
      '2026-11': { value: 0.2, priorityHours: 2, totalHours: 10 },
    });
  });
});

describe('splitTimeEntry (properties)', () => {
  const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata', 'Pacific/Chatham'];
  const FROM = Date.UTC(2026, 0, 1);
  const SPAN = 365 * 24 * H;

  it('cuts an entry into pieces that cover it up to asOf, each inside the bucket of its instants', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.option(
          fc.record({
            from: fc
              .integer({ min: 0, max: 364 })
              .map((d) => new Date(FROM + d * 24 * H).toISOString().slice(0, 10)),
            timezone: fc.constantFrom(...ZONES),
          }),
          { nil: undefined },
        ),
        fc.constantFrom<Period>('week', 'month', 'quarter'),
        fc.integer({ min: FROM, max: FROM + SPAN }),
        fc.integer({ min: 0, max: 70 * 24 * H }),
        fc.integer({ min: FROM, max: FROM + SPAN }),
        (zone, move, period, start, length, asOf) => {
          const ctx = buildContext({
            assistant: { timezone: zone, ...(move ? { history: [move] } : {}) },
            period,
            asOf: new Date(asOf).toISOString(),
          });
          const entry = prepared(
            buildTimeEntry({
              start: new Date(start).toISOString(),
              end: new Date(start + length).toISOString(),
            }),
          );
          const pieces = splitTimeEntry(entry, ctx);
          if (start > asOf) {
            expect(pieces).toEqual([]);
            return;
          }
          const end = Math.min(start + length, asOf);
          expect(pieces.reduce((n, [, m]) => n + m, 0)).toBe(end - start);
          let at = start;
          for (const [label, m] of pieces) {
            expect(ctx.time.bucketOf(at, period)).toBe(label);
            if (m > 0) expect(ctx.time.bucketOf(at + m - 1, period)).toBe(label);
            at += m;
          }
          // Consecutive pieces are in different buckets.
          for (let i = 1; i < pieces.length; i++) expect(pieces[i]?.[0]).not.toBe(pieces[i - 1]?.[0]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
