import { describe, expect, it } from 'vitest';
import { kpiSeries, lastCompleteBucket } from './kpi-series.ts';

describe('kpiSeries', () => {
  it('runs from the first reported bucket to the last complete one, nulls in place', () => {
    const reported = new Map<string, number | null>([
      ['2026-W45', 0.5],
      ['2026-W47', null],
      ['2026-W49', 1],
    ]);
    expect(kpiSeries(reported, { lastComplete: '2026-W48', countMetric: false })).toEqual([
      { period: '2026-W45', value: 0.5 },
      { period: '2026-W46', value: null },
      { period: '2026-W47', value: null },
      { period: '2026-W48', value: null },
    ]);
  });

  it('reads an empty bucket of a count metric as 0', () => {
    const reported = new Map<string, number | null>([
      ['2026-11', 2],
      ['2027-01', 3],
    ]);
    expect(kpiSeries(reported, { lastComplete: '2027-01', countMetric: true })).toEqual([
      { period: '2026-11', value: 2 },
      { period: '2026-12', value: 0 },
      { period: '2027-01', value: 3 },
    ]);
  });

  it('is empty when nothing was reported up to the last complete bucket', () => {
    expect(kpiSeries(new Map([['2026-W50', 1]]), { lastComplete: '2026-W48', countMetric: false })).toEqual(
      [],
    );
  });
});

describe('lastCompleteBucket', () => {
  const utc = { bucketOf: (ms: number) => (ms < Date.UTC(2026, 10, 23) ? '2026-W47' : '2026-W48') };
  it('is the bucket before the one containing asOf', () => {
    expect(lastCompleteBucket(utc, Date.UTC(2026, 10, 25), 'week')).toBe('2026-W47');
    // asOf exactly at the start of W48: W47 ended at asOf, so it is complete.
    expect(lastCompleteBucket(utc, Date.UTC(2026, 10, 23), 'week')).toBe('2026-W47');
    expect(lastCompleteBucket(utc, Date.UTC(2026, 10, 22, 23), 'week')).toBe('2026-W46');
  });
});
