import { describe, expect, it } from 'vitest';
import { todayIn, zonedToInstant } from './zoned-time.ts';

describe('zonedToInstant', () => {
  it('reads a wall time on the zone’s clocks', () => {
    expect(zonedToInstant('2026-11-20T09:30', 'Europe/Berlin')).toBe('2026-11-20T08:30:00.000Z');
    expect(zonedToInstant('2026-07-01T09:00', 'America/New_York')).toBe('2026-07-01T13:00:00.000Z');
  });

  it('moves a time in the spring-forward gap forward by the gap', () => {
    expect(zonedToInstant('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the earlier instant of an ambiguous fall-back time', () => {
    expect(zonedToInstant('2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('todayIn', () => {
  it('gives the local date in the zone, not the viewer’s', () => {
    const at = new Date('2026-11-20T23:30:00Z');
    expect(todayIn('Asia/Manila', at)).toBe('2026-11-21');
    expect(todayIn('America/New_York', at)).toBe('2026-11-20');
  });
});
