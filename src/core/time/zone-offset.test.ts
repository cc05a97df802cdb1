import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, isValidTimeZone, localToInstant, offsetAt } from './zone-offset.ts';

const H = 3_600_000;
/** A wall time read as if it were UTC, the way localToInstant takes it. */
const wall = (s: string): number => Date.parse(`${s}Z`);
const utc = (s: string): number => Date.parse(s);

describe('offsetAt', () => {
  // Transitions from python3 zoneinfo (UTC instants of 2026):
  // New York 03-08 07:00Z (−5 → −4) and 11-01 06:00Z (−4 → −5); Berlin 03-29 01:00Z (+1 → +2) and
  // 10-25 01:00Z (+2 → +1); Sydney 04-04 16:00Z (+11 → +10) and 10-03 16:00Z (+10 → +11).
  it.each<[string, string, number]>([
    ['America/New_York', '2026-03-08T06:59:59Z', -5],
    ['America/New_York', '2026-03-08T07:00:00Z', -4],
    ['America/New_York', '2026-11-01T05:59:59Z', -4],
    ['America/New_York', '2026-11-01T06:00:00Z', -5],
    ['Europe/Berlin', '2026-03-29T00:59:59Z', 1],
    ['Europe/Berlin', '2026-03-29T01:00:00Z', 2],
    ['Europe/Berlin', '2026-10-25T00:59:59Z', 2],
    ['Europe/Berlin', '2026-10-25T01:00:00Z', 1],
    ['Australia/Sydney', '2026-04-04T15:59:59Z', 11],
    ['Australia/Sydney', '2026-04-04T16:00:00Z', 10],
    ['Australia/Sydney', '2026-10-03T15:59:59Z', 10],
    ['Australia/Sydney', '2026-10-03T16:00:00Z', 11],
    ['Asia/Kolkata', '2026-06-01T00:00:00Z', 5.5],
    ['UTC', '2026-06-01T00:00:00Z', 0],
  ])('gives %s at %s the offset %s h', (zone, instant, hours) => {
    expect(offsetAt(zone, utc(instant))).toBe(hours * H);
  });
});

describe('localToInstant', () => {
  it.each<[string, string, string, string]>([
    ['an ordinary time', 'America/New_York', '2026-11-16T09:00:00', '2026-11-16T14:00:00Z'],
    // Gap: 02:00 → 03:00 on 2026-03-08; compatible moves forward by the gap.
    ['the start of a gap', 'America/New_York', '2026-03-08T02:00:00', '2026-03-08T07:00:00Z'],
    ['inside a gap', 'America/New_York', '2026-03-08T02:30:00', '2026-03-08T07:30:00Z'],
    ['the first time after a gap', 'America/New_York', '2026-03-08T03:00:00', '2026-03-08T07:00:00Z'],
    ['just before a gap', 'America/New_York', '2026-03-08T01:59:00', '2026-03-08T06:59:00Z'],
    // Overlap: 01:00–02:00 happens twice on 2026-11-01; the earlier (EDT) instant is taken.
    ['an ambiguous time', 'America/New_York', '2026-11-01T01:30:00', '2026-11-01T05:30:00Z'],
    ['the start of an overlap', 'America/New_York', '2026-11-01T01:00:00', '2026-11-01T05:00:00Z'],
    ['the end of an overlap', 'America/New_York', '2026-11-01T02:00:00', '2026-11-01T07:00:00Z'],
    ['a Berlin gap', 'Europe/Berlin', '2026-03-29T02:30:00', '2026-03-29T01:30:00Z'],
    ['a Berlin overlap', 'Europe/Berlin', '2026-10-25T02:30:00', '2026-10-25T00:30:00Z'],
    // Sydney (southern hemisphere): gap 02:00 → 03:00 on 2026-10-04, overlap 02:00–03:00 on 04-05.
    ['a Sydney gap', 'Australia/Sydney', '2026-10-04T02:30:00', '2026-10-03T16:30:00Z'],
    ['a Sydney overlap', 'Australia/Sydney', '2026-04-05T02:30:00', '2026-04-04T15:30:00Z'],
    ['a Kolkata time', 'Asia/Kolkata', '2026-11-16T00:00:00', '2026-11-15T18:30:00Z'],
  ])('resolves %s like Temporal "compatible" (%s %s)', (_name, zone, local, expected) => {
    expect(localToInstant(zone, wall(local))).toBe(utc(expected));
  });
});

describe('isValidTimeZone', () => {
  it.each([
    ['Europe/Berlin', true],
    ['Asia/Kolkata', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('says %j is %s', (zone, ok) => {
    expect(isValidTimeZone(zone)).toBe(ok);
  });
});

describe('canonicalTimeZone', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    // Names Intl accepts only regardless of letter case are stored under their own spelling (SPEC §2, §12).
    ['europe/berlin', 'Europe/Berlin'],
    ['EUROPE/BERLIN', 'Europe/Berlin'],
    ['america/new_york', 'America/New_York'],
    ['utc', 'UTC'],
    // Aliases stay as written, whatever older name the platform's ICU resolves them to.
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Europe/Kyiv', 'Europe/Kyiv'],
    ['Mars/Olympus', null],
    ['', null],
  ])('writes %j as %j', (zone, canonical) => {
    expect(canonicalTimeZone(zone)).toBe(canonical);
  });
});
