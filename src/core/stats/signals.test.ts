import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from './kpi-series.ts';
import { detectSignals } from './signals.ts';

const weeks = (values: Array<number | null>, firstWeek = 1): SeriesPoint[] =>
  values.map((value, i) => ({ period: `2026-W${String(firstWeek + i).padStart(2, '0')}`, value }));

describe('detectSignals', () => {
  // The limits of the six values 10, 12, 11, 13, 12, 14 (worked in xmr-limits.test.ts).
  const limits = { centre: 12, lower: 7.744, upper: 16.256 };
  const values = [10, 12, 11, 13, 12, 14, 20, 13, null, 13, 13, 13, 13, 13, 13, 12, 5];
  const series = weeks(values);
  const signals = detectSignals(series, [{ start: 0, end: series.length, limits }]);

  it('finds points outside the limits and the 8th value of a run, by hand', () => {
    // Run above 12: W06 (14), W07 (20), W08, W10 … W14 (13s; W09 is null and skipped) → the 8th is W14.
    // W16 = 12 equals the centre and ends it; W17 = 5 is below 7.744.
    expect(signals).toEqual([
      { period: '2026-W07', rule: 'outside', side: 'above' },
      { period: '2026-W14', rule: 'run', side: 'above' },
      { period: '2026-W17', rule: 'outside', side: 'below' },
    ]);
  });

  it('signals a run once, and lists outside before run in the same period', () => {
    // Centre 12, limits [7.744, 16.256]; then eight values above, the 8th far above, then more above.
    const v = [10, 12, 11, 13, 12, 14, 13, 13, 13, 13, 13, 13, 30, 13, 13];
    const s = weeks(v);
    const out = detectSignals(s, [{ start: 0, end: s.length, limits }]);
    // Run: W06 (14), W07–W12 (13s), W13 (30) is the 8th.
    expect(out).toEqual([
      { period: '2026-W13', rule: 'outside', side: 'above' },
      { period: '2026-W13', rule: 'run', side: 'above' },
    ]);
  });

  it('ends a run at the start of a new phase', () => {
    const v = [10, 12, 11, 13, 12, 14, 13, 13, 13, 13, 13, 13, 13, 13];
    const s = weeks(v);
    const l = limits;
    // Without a phase change the 8th value above 12 is at index 12 (W13).
    expect(detectSignals(s, [{ start: 0, end: s.length, limits: l }])).toEqual([
      { period: '2026-W13', rule: 'run', side: 'above' },
    ]);
    // A new phase at index 9 with the same limits restarts the count: only 5 values follow.
    expect(
      detectSignals(s, [
        { start: 0, end: 9, limits: l },
        { start: 9, end: s.length, limits: l },
      ]),
    ).toEqual([]);
  });

  it('gives no signal in a phase without limits', () => {
    const s = weeks([1, 100, 1]);
    expect(
      detectSignals(s, [{ start: 0, end: 3, limits: { centre: null, lower: null, upper: null } }]),
    ).toEqual([]);
  });
});
