import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from './kpi-series.ts';
import { trend } from './trend.ts';

const weeks = (values: Array<number | null>): SeriesPoint[] =>
  values.map((value, i) => ({ period: `2026-W${String(i + 1).padStart(2, '0')}`, value }));

describe('trend', () => {
  it('is stable just above p = 0.05 (worked by hand)', () => {
    // y = 1,2,2,3 at x = 0..3: slope 0.6, SSE 0.2, SE √(0.1/5), t = 3√2, df 2:
    // p = 1 − t/√(t² + 2) = 1 − 3√2/√20 = 0.051317…
    const t = trend(weeks([1, 2, 2, 3]), 'higher');
    expect(t?.slope).toBeCloseTo(0.6, 12);
    expect(t?.p).toBeCloseTo(1 - (3 * Math.SQRT2) / Math.sqrt(20), 8);
    expect(t?.direction).toBe('stable');
  });

  it('claims a direction below p = 0.05 relative to the better direction', () => {
    // y = 1,2,3,5: slope 1.3, SSE 0.3, SE √0.03, t = 7.50555…, p = 1 − t/√(t² + 2) = 0.017293…
    const s = weeks([1, 2, 3, 5]);
    const t = 1.3 / Math.sqrt(0.03);
    expect(trend(s, 'higher')).toMatchObject({ direction: 'improving', slope: expect.closeTo(1.3, 12) });
    expect(trend(s, 'higher')?.p).toBeCloseTo(1 - t / Math.sqrt(t * t + 2), 8);
    expect(trend(s, 'lower')?.direction).toBe('declining');
  });

  it('keeps null buckets in their place', () => {
    // x = 0,2,3,4 and y = 1,2,2,3: Sxx 8.75, Sxy 4 → slope 0.457142…
    expect(trend(weeks([1, null, 2, 2, 3]), 'higher')?.slope).toBeCloseTo(4 / 8.75, 12);
  });

  it('uses only the last eight non-null values', () => {
    // A jump before the last eight does not count; the last eight are flat.
    expect(trend(weeks([100, 1, 1, 1, 1, 1, 1, 1, 1]), 'higher')).toEqual({
      direction: 'stable',
      slope: 0,
      p: 1,
    });
  });

  it('gives p = 0 for a perfect line and p = 1 for a flat series', () => {
    expect(trend(weeks([0.5, 0.6, 0.7, 0.8, 0.9]), 'lower')).toMatchObject({ p: 0, direction: 'declining' });
    expect(trend(weeks([0.1, 0.1, 0.1, 0.1]), 'higher')).toEqual({ direction: 'stable', slope: 0, p: 1 });
  });

  it('needs at least four values (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), { maxLength: 20 }),
        (values) => {
          const n = values.filter((v) => v !== null).length;
          const t = trend(weeks(values), 'higher');
          return n < 4 ? t === null : t !== null && t.p >= 0 && t.p <= 1;
        },
      ),
    );
  });
});
