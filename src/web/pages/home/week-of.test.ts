import { describe, expect, it } from 'vitest';
import { weekOf } from './week-of.ts';

describe('weekOf', () => {
  it('names the ISO week of the assistant’s own calendar day', () => {
    // 2026-12-06T16:30Z is Monday 00:30 on 7 December in Manila (UTC+8), week 50, and still Sunday
    // 11:30 on 6 December in New York, week 49.
    expect(weekOf(new Date('2026-12-06T16:30:00Z'), 'Asia/Manila')).toBe('2026-W50');
    expect(weekOf(new Date('2026-12-06T16:30:00Z'), 'America/New_York')).toBe('2026-W49');
    // 2027-01-01 is a Friday: ISO week 53 of 2026.
    expect(weekOf(new Date('2027-01-01T12:00:00Z'), 'Europe/Berlin')).toBe('2026-W53');
  });
});
