import { describe, expect, it } from 'vitest';
import { baselineValue } from './baseline-value.ts';

describe('baselineValue', () => {
  const series = [
    { period: '2026-W44', value: 0.2 }, // Oct 26 – Nov 1: before the start
    { period: '2026-W45', value: 0.5 }, // Nov 2 – 8
    { period: '2026-W46', value: 1 }, // Nov 9 – 15
    { period: '2026-W47', value: 0.9 }, // Nov 16 – 22: after
  ];
  const weights = [10, 2, 8, 10];

  it('pools the buckets overlapping the 14 days by their weights', () => {
    // Start Monday 2026-11-02: W45 and W46; (0.5·2 + 1·8) / 10 = 0.9.
    expect(baselineValue(series, weights, '2026-11-02', 'pooled')).toBeCloseTo(0.9, 12);
  });

  it('includes partly covered buckets when the start is mid-week', () => {
    // Start Wednesday 2026-11-04: days Nov 4 … Nov 17 touch W45, W46 and W47.
    expect(baselineValue(series, weights, '2026-11-04', 'pooled')).toBeCloseTo((1 + 8 + 9) / 20, 12);
  });

  it('averages counts per bucket, and is null without values', () => {
    expect(baselineValue(series, weights, '2026-11-02', 'sum')).toBeCloseTo(0.75, 12);
    expect(baselineValue(series, weights, '2027-01-04', 'pooled')).toBeNull();
  });
});
