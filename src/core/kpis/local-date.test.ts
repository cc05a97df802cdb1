import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDate } from './local-date.ts';

describe('localDate', () => {
  it('gives the date in the assistant’s zone', () => {
    expect(localDate(Date.parse('2026-11-01T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-02');
    expect(localDate(Date.parse('2026-11-02T03:00:00Z'), 'America/New_York')).toBe('2026-11-01');
  });
});

describe('addDays and daysBetween', () => {
  it('moves across month and year ends', () => {
    expect(addDays('2026-12-25', 13)).toBe('2027-01-07');
    expect(daysBetween('2026-12-25', '2027-01-07')).toBe(13);
  });
});
