import { describe, expect, it } from 'vitest';
import { poolBuckets } from './pool-buckets.ts';

describe('poolBuckets (SPEC §4: pooled, never averaged)', () => {
  const rates = new Map([
    ['W1', { value: 1, weight: 1 }],
    ['W2', { value: 0.5, weight: 4 }],
    ['W3', { value: null, weight: 0 }],
  ]);
  it('pools rates and means by their denominators', () => {
    // (1×1 + 0.5×4) / 5 = 0.6, not the mean of the weekly values 0.75.
    expect(poolBuckets(rates, ['W1', 'W2', 'W3'], 'pooled')).toEqual({ value: 0.6, weight: 5 });
  });
  it('is null when no bucket has a value, and skips labels without a bucket', () => {
    expect(poolBuckets(rates, ['W3', 'W9'], 'pooled')).toEqual({ value: null, weight: 0 });
    expect(poolBuckets(rates, ['W1', 'W9'], 'pooled')).toEqual({ value: 1, weight: 1 });
  });
  it('adds counts up; no bucket at all is no value', () => {
    const counts = new Map([
      ['W1', { value: 2, weight: 1 }],
      ['W2', { value: 3, weight: 1 }],
    ]);
    expect(poolBuckets(counts, ['W1', 'W2', 'W3'], 'sum')).toEqual({ value: 5, weight: 2 });
    expect(poolBuckets(counts, ['W3'], 'sum')).toEqual({ value: null, weight: 0 });
  });
});
