import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAssistant, buildTask, ms } from '#test/builders';
import { AssistantTime } from '../time/assistant-time.ts';
import { drawSample, sampleCandidates } from './quality-sample.ts';

// ava works in Europe/Berlin (CET, +01:00): 2026-W47 is 16–22 November, local.
const time = new AssistantTime(buildAssistant());

describe('the tasks a week’s quality sample is drawn from', () => {
  it('takes tasks completed that local week, by asOf, not cancelled, excluded or already rated', () => {
    const tasks = [
      buildTask({ id: 't-mon', completedAt: '2026-11-16T08:00:00+01:00' }),
      // Sunday 23:30 in Berlin is still W47, though it is Sunday 22:30 UTC.
      buildTask({ id: 't-sun', completedAt: '2026-11-22T23:30:00+01:00' }),
      // Monday 00:30 in Berlin is W48.
      buildTask({ id: 't-next', completedAt: '2026-11-23T00:30:00+01:00' }),
      buildTask({
        id: 't-cancelled',
        completedAt: '2026-11-17T10:00:00Z',
        cancelledAt: '2026-11-18T10:00:00Z',
      }),
      buildTask({ id: 't-excluded', completedAt: '2026-11-17T10:00:00Z', excluded: 'client asked' }),
      buildTask({ id: 't-rated', completedAt: '2026-11-17T10:00:00Z' }),
      buildTask({ id: 't-open' }),
      // Sunday 23:50 in Berlin, after asOf (23:45): not completed yet (SPEC §2).
      buildTask({ id: 't-later', completedAt: '2026-11-22T22:50:00Z' }),
    ];
    const got = sampleCandidates(tasks, new Set(['t-rated']), time, '2026-W47', ms('2026-11-22T22:45:00Z'));
    expect(got.map((t) => t.id)).toEqual(['t-mon', 't-sun']);
  });
});

describe('the draw', () => {
  it('takes all items when there are fewer than the size, none for size 0', () => {
    expect(drawSample(['a', 'b'], 3, () => 0)).toEqual(['a', 'b']);
    expect(drawSample(['a', 'b'], 0, () => 0)).toEqual([]);
  });
  it('follows the random source: always the last index picks from the end', () => {
    // n − 1 each time: a, b, c, d → swap 0↔3 (d), then 1↔3 (a)…
    expect(drawSample(['a', 'b', 'c', 'd'], 2, (n) => n - 1)).toEqual(['d', 'a']);
  });
  it('draws size distinct items of the pool, for any random source', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer(), { maxLength: 30 }),
        fc.integer({ min: 0, max: 40 }),
        fc.infiniteStream(fc.double({ min: 0, max: 0.999_999, noNaN: true })),
        (items, size, stream) => {
          const it = stream[Symbol.iterator]();
          const got = drawSample(items, size, (n) => Math.floor((it.next().value as number) * n));
          expect(got).toHaveLength(Math.min(size, items.length));
          expect(new Set(got).size).toBe(got.length);
          for (const g of got) expect(items).toContain(g);
        },
      ),
    );
  });
  it('gives every item the same chance (a uniform draw)', () => {
    // 3 of 6, 60,000 draws with a seeded generator: each item is drawn about half the time.
    // mulberry32, a small seeded generator independent of the code under test.
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * n);
    };
    const counts = new Map<string, number>();
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (let i = 0; i < 60_000; i++)
      for (const x of drawSample(items, 3, rand)) counts.set(x, (counts.get(x) ?? 0) + 1);
    for (const x of items) expect(Math.abs((counts.get(x) ?? 0) / 60_000 - 0.5)).toBeLessThan(0.01);
  });
});
