import { describe, expect, it } from 'vitest';
import { buildAssistant, buildRequest, buildTask } from '#test/builders';
import { AssistantTime } from '../time/assistant-time.ts';
import { AsOfSteps } from './as-of-steps.ts';
import { type PreparedRow, prepareEvent } from './prepared-event.ts';

// ava works in Europe/Berlin (CET, +01:00 in late November).
const time = new AssistantTime(buildAssistant());
const rows = [
  // Received Monday 16 Nov, answered the next Tuesday 24 Nov 09:00Z: W47 changes when it arrives.
  buildRequest({ receivedAt: '2026-11-16T10:00:00+01:00', firstResponseAt: '2026-11-24T09:00:00Z' }),
  buildTask({ createdAt: '2026-11-02T08:00:00Z', due: '2026-11-20T16:00:00Z' }),
].map((e) => prepareEvent(e) as PreparedRow);
const steps = new AsOfSteps(rows, time);
const key = (iso: string) => steps.key(Date.parse(iso));

describe('AsOfSteps', () => {
  it('keeps one step between event instants within a local day', () => {
    expect(key('2026-11-24T10:00:00Z')).toBe(key('2026-11-24T15:30:00Z'));
  });

  it('starts a step at an event instant, and another just after it (≤ and < comparisons)', () => {
    const before = key('2026-11-24T08:59:59.999Z');
    const at = key('2026-11-24T09:00:00Z');
    const after = key('2026-11-24T09:00:00.001Z');
    expect(new Set([before, at, after]).size).toBe(3);
  });

  it('starts a step at local midnight (today and the last complete bucket move)', () => {
    // 2026-11-25 00:00 in Berlin is 2026-11-24T23:00Z.
    expect(key('2026-11-24T22:59:59.999Z')).not.toBe(key('2026-11-24T23:00:00Z'));
    expect(key('2026-11-24T23:00:00Z')).toBe(key('2026-11-25T08:00:00Z'));
  });
});
