import { describe, expect, it } from 'vitest';
import { eventTitle, ownTime } from './event-summary.ts';

describe('event summary', () => {
  it('takes each type’s own time field', () => {
    expect(ownTime({ type: 'request', receivedAt: '2026-11-20T09:00:00Z' })).toBe('2026-11-20T09:00:00Z');
    expect(ownTime({ type: 'goal', period: '2026-11' })).toBeUndefined();
  });

  it('describes a request by its channel and sender', () => {
    expect(eventTitle({ type: 'request', channel: 'email', from: 'ana@example.com' })).toBe(
      'email from ana@example.com',
    );
  });

  it('names a goal with its period and status in words', () => {
    expect(eventTitle({ type: 'goal', title: 'Launch', period: '2026-Q4', status: 'partially_met' })).toBe(
      'Launch (2026-Q4, partially met)',
    );
  });
});
