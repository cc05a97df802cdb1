import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Scale, scaleBounds } from './scale.ts';
import { xmrLimits } from './xmr-limits.ts';

describe('xmrLimits', () => {
  it('computes centre and limits from six values by hand', () => {
    // mean 72/6 = 12; moving ranges 2,1,2,1,2 → mR̄ 1.6; 12 ± 2.66 × 1.6 = 12 ± 4.256.
    const l = xmrLimits([10, 12, 11, 13, 12, 14], 'count');
    expect(l.centre).toBeCloseTo(12, 12);
    expect(l.lower).toBeCloseTo(7.744, 12);
    expect(l.upper).toBeCloseTo(16.256, 12);
  });

  it('skips nulls and takes ranges between successive non-null values', () => {
    // Same values with gaps: the ranges are between 10→12, 12→11, … as before.
    const l = xmrLimits([10, null, 12, 11, null, null, 13, 12, 14], 'count');
    expect(l.centre).toBeCloseTo(12, 12);
    expect(l.upper).toBeCloseTo(16.256, 12);
  });

  it('clamps a rate to [0, 1]', () => {
    // mean 5.6/6 = 0.9333…; ranges .1,.2,.2,.1,.1 → mR̄ .14; upper 1.3057 → 1, lower 0.56093…
    const l = xmrLimits([0.9, 1, 0.8, 1, 0.9, 1], 'rate');
    expect(l.upper).toBe(1);
    expect(l.lower).toBeCloseTo(5.6 / 6 - 2.66 * 0.14, 12);
  });

  it('clamps a score to [1, 5]', () => {
    // mean 3; ranges all 2 → mR̄ 2; 3 ± 5.32 → [1, 5].
    const l = xmrLimits([2, 4, 2, 4, 2, 4], 'score');
    expect([l.lower, l.centre, l.upper]).toEqual([1, 3, 5]);
  });

  it('leaves an unbounded upper limit as computed and clamps times at 0', () => {
    // mean 50; ranges 80,80,80,80,80 → mR̄ 80; 50 ± 212.8 → [0, 262.8].
    const l = xmrLimits([10, 90, 10, 90, 10, 90], 'minutes');
    expect(l.lower).toBe(0);
    expect(l.upper).toBeCloseTo(262.8, 10);
  });

  it('has no limits with fewer than six non-null values', () => {
    expect(xmrLimits([1, 2, null, 3, 4, 5], 'count')).toEqual({ centre: null, lower: null, upper: null });
  });

  it('uses only the first 20 non-null values', () => {
    // 20 values alternating 0/2 (mean 1, mR̄ 2), then far-off values that must not move the limits.
    const first = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 0 : 2));
    const l = xmrLimits([...first, 100, 200, 300], 'unbounded');
    expect(l.centre).toBe(1);
    expect(l.upper).toBeCloseTo(1 + 2.66 * 2, 12);
    expect(l.lower).toBeCloseTo(1 - 2.66 * 2, 12);
  });

  it('keeps the centre between the limits (property)', () => {
    const scales: Array<[Scale, number, number]> = [
      ['rate', 0, 1],
      ['score', 1, 5],
      ['minutes', 0, 10_000],
      ['count', 0, 50],
      ['unbounded', -1000, 1000],
    ];
    for (const [scale, lo, hi] of scales) {
      fc.assert(
        fc.property(
          fc.array(fc.option(fc.double({ min: lo, max: hi, noNaN: true }), { nil: null }), {
            minLength: 0,
            maxLength: 40,
          }),
          (values) => {
            const l = xmrLimits(values, scale);
            if (l.centre === null) return values.filter((v) => v !== null).length < 6;
            const [min, max] = scaleBounds(scale);
            return (
              l.lower !== null &&
              l.upper !== null &&
              l.lower <= l.centre + 1e-9 &&
              l.centre <= l.upper + 1e-9 &&
              l.lower >= min &&
              l.upper <= max
            );
          },
        ),
      );
    }
  });
});
