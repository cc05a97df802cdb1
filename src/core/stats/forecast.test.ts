import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backtestMAE, forecastBucket, oneStepForecast, type WeightedValue } from './forecast.ts';

const T_90_3DF = 1.638; // published t table: two-sided 0.20, df 3

const w = (value: number | null, weight = 1): WeightedValue => ({ value, weight });

describe('forecastBucket', () => {
  it('pools the part seen with the rest at the level, for a rate (worked by hand)', () => {
    // Level: (8 + 9 + 7 + 8) / 40 = 0.8; sd = √(0.02 / 3); 10 decided tasks per week.
    // Seen: 0.5 over 10 tasks; 2 weeks left → 20 expected tasks, share of the rest 2/3.
    // Value = 0.5/3 + 0.8·2/3 = 0.7; half-width = 2/3 · t · sd · √(1/2 + 1/4) = 2/3 · t · 0.0707107.
    const f = forecastBucket({
      history: [w(0.8, 10), w(0.9, 10), w(0.7, 10), w(0.8, 10)],
      kind: 'pooled',
      observed: w(0.5, 10),
      remaining: 2,
      scale: 'rate',
    });
    const half = (2 / 3) * T_90_3DF * Math.sqrt(0.02 / 3) * Math.sqrt(0.75);
    expect(f?.value).toBeCloseTo(0.7, 12);
    expect(f?.lower).toBeCloseTo(0.7 - half, 3);
    expect(f?.upper).toBeCloseTo(0.7 + half, 3);
  });

  it('adds the expected rest to the count seen, for a count (worked by hand)', () => {
    // Level 3, sd = √(2/3); seen 5, 2 weeks left: 5 + 6 = 11 ± t · sd · √(2 + 4/4) = 11 ± t · √2.
    const f = forecastBucket({
      history: [w(2), w(4), w(3), w(3)],
      kind: 'sum',
      observed: w(5),
      remaining: 2,
      scale: 'count',
    });
    expect(f?.value).toBe(11);
    expect(f?.lower).toBeCloseTo(11 - T_90_3DF * Math.SQRT2, 2);
    expect(f?.upper).toBeCloseTo(11 + T_90_3DF * Math.SQRT2, 2);
  });

  it('weighs a quiet week less than a busy one in the level', () => {
    // Pooled: (1·18 + 0.5·2 + 1·18 + 0.5·2) / 40 = 38/40 = 0.95, not the plain mean 0.75.
    expect(oneStepForecast([w(1, 18), w(0.5, 2), w(1, 18), w(0.5, 2)], 4, 'pooled')).toBeCloseTo(0.95, 12);
  });

  it('is the observed value when nothing is left of the bucket', () => {
    const f = forecastBucket({
      history: [w(0.8, 10), w(0.9, 10), w(0.7, 10), w(0.8, 10)],
      kind: 'pooled',
      observed: w(0.6, 30),
      remaining: 0,
      scale: 'rate',
    });
    expect(f).toEqual({ value: 0.6, lower: 0.6, upper: 0.6 });
  });

  it('is null with fewer than four non-null values', () => {
    expect(
      forecastBucket({
        history: [w(1), w(null, 0), w(2), w(3)],
        kind: 'pooled',
        observed: null,
        remaining: 4,
        scale: 'count',
      }),
    ).toBeNull();
  });

  it('keeps pooled rates in [0, 1] (property)', () => {
    const bucket = fc.record({
      value: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      weight: fc.integer({ min: 0, max: 40 }),
    });
    fc.assert(
      fc.property(
        fc.array(bucket, { minLength: 4, maxLength: 20 }),
        fc.option(bucket, { nil: null }),
        fc.double({ min: 0, max: 14, noNaN: true }),
        (history, observed, remaining) => {
          const f = forecastBucket({ history, kind: 'pooled', observed, remaining, scale: 'rate' });
          if (f === null) return history.filter((h) => h.value !== null).length < 4;
          return 0 <= f.lower && f.lower <= f.value && f.value <= f.upper && f.upper <= 1;
        },
      ),
    );
  });
});

describe('backtestMAE', () => {
  it('averages one-step errors where four earlier values exist (worked by hand)', () => {
    // Predict index 4 from 1,1,1,1 → 1 (error 1); index 5 from 1,1,1,1,2 → 1.2 (error 0.2): MAE 0.6.
    expect(backtestMAE([w(1), w(1), w(1), w(1), w(2), w(1)], 'pooled')).toBeCloseTo(0.6, 12);
  });

  it('is null when no bucket has four earlier values', () => {
    expect(backtestMAE([w(1), w(2), w(3), w(4)], 'sum')).toBeNull();
  });
});
