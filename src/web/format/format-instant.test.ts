import { describe, expect, it } from 'vitest';
import { formatInstant, formatInstantWithZone, formatLocalDate, zoneCity } from './format-instant.ts';

describe('formatInstant', () => {
  it('shows the same instant in each zone on its own clock', () => {
    const at = '2026-11-23T13:05:00Z';
    expect(formatInstant(at, 'Europe/Berlin')).toBe('Mon 23 Nov 2026, 14:05');
    expect(formatInstant(at, 'Asia/Manila')).toBe('Mon 23 Nov 2026, 21:05');
  });

  it('names the zone by its city and its abbreviation', () => {
    expect(formatInstantWithZone('2026-07-01T12:00:00Z', 'America/New_York')).toBe(
      'Wed 1 Jul 2026, 08:00 (New York, GMT-4)',
    );
  });

  it('turns multi-part zone names into readable cities', () => {
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
  });

  it('shows a local date without shifting it by a zone', () => {
    expect(formatLocalDate('2026-12-24')).toBe('Thu 24 Dec 2026');
  });
});
