import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from './instant.ts';

describe('parseInstant', () => {
  it.each<[string, number]>([
    ['2026-11-16T10:00:00Z', Date.UTC(2026, 10, 16, 10, 0, 0)],
    ['2026-11-16T10:00Z', Date.UTC(2026, 10, 16, 10, 0, 0)],
    ['2026-11-16T10:00:00+01:00', Date.UTC(2026, 10, 16, 9, 0, 0)],
    ['2026-11-16T10:00:00-05:00', Date.UTC(2026, 10, 16, 15, 0, 0)],
    ['2026-11-16T10:00:00+05:30', Date.UTC(2026, 10, 16, 4, 30, 0)],
    ['2026-11-16T00:30:00+14:00', Date.UTC(2026, 10, 15, 10, 30, 0)],
    ['2026-11-16T10:00:00.5Z', Date.UTC(2026, 10, 16, 10, 0, 0, 500)],
    ['2026-11-16T10:00:00.25Z', Date.UTC(2026, 10, 16, 10, 0, 0, 250)],
    ['2026-11-16T10:00:00.123456789Z', Date.UTC(2026, 10, 16, 10, 0, 0, 123)],
    ['2024-02-29T23:59:59Z', Date.UTC(2024, 1, 29, 23, 59, 59)],
    ['2026-11-16t10:00:00z', Date.UTC(2026, 10, 16, 10, 0, 0)],
    // The earliest year: python3 int(datetime(1, 1, 1, tzinfo=timezone.utc).timestamp()) → -62135596800.
    ['0001-01-01T00:00:00Z', -62_135_596_800_000],
  ])('reads %s', (s, expected) => {
    expect(parseInstant(s)).toBe(expected);
  });

  it.each([
    '2026-11-16T10:00:00', // no offset: a local time, not an instant
    '2026-11-16',
    '2026-11-16 10:00:00Z',
    '2026-02-29T10:00:00Z',
    '2026-11-31T10:00:00Z',
    '2026-11-16T24:00:00Z',
    '2026-11-16T10:60:00Z',
    '2026-11-16T10:00:60Z',
    '2026-11-16T10:00:00+0100',
    '2026-11-16T10:00:00+01',
    '2026-11-16T10:00:00.Z',
    '2026-11-16T10:00:00Zjunk',
    '26-11-16T10:00:00Z',
    // Year 0: its local dates can fall in ISO week-year -1, which has no label (SPEC §2).
    '0000-06-01T00:00:00Z',
    '0000-12-31T23:59:59-05:00',
    '',
  ])('rejects %j', (s) => {
    expect(parseInstant(s)).toBeNaN();
  });

  it('writes an instant back in UTC', () => {
    expect(formatInstant(parseInstant('2026-11-16T10:00:00+01:00'))).toBe('2026-11-16T09:00:00.000Z');
  });
});
