/**
 * The trend (SPEC §6): OLS slope of value against position over the last up to 8 non-null values
 * (positions count buckets, so nulls keep their place), t = slope / SE with n − 2 df, two-sided p.
 * A direction is claimed only when p < 0.05.
 */
import type { SeriesPoint } from './kpi-series.ts';
import { studentTTwoSidedP } from './student-t.ts';

export type TrendDirection = 'improving' | 'stable' | 'declining';

export interface Trend {
  direction: TrendDirection;
  /** Change per bucket. */
  slope: number;
  p: number;
}

export const TREND_WINDOW = 8;
export const TREND_MIN_POINTS = 4;
export const TREND_ALPHA = 0.05;

/** OLS slope and two-sided p of y against x (n ≥ 3). */
export function olsSlope(x: readonly number[], y: readonly number[]): { slope: number; p: number } {
  const n = x.length;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i] as number;
    sy += y[i] as number;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const first = y[0] as number;
  // A flat series: slope 0 and p = 1 (SPEC §6), not 0/0 noise from the mean's rounding.
  if (y.every((v) => v === first) || syy === 0) return { slope: 0, p: 1 };
  const slope = sxy / sxx;
  const sse = Math.max(0, syy - slope * sxy);
  // A perfect line leaves only rounding in the residuals: p = 0 (SPEC §6).
  if (sse <= syy * 1e-12) return { slope, p: 0 };
  const se = Math.sqrt(sse / (n - 2) / sxx);
  return { slope, p: studentTTwoSidedP(slope / se, n - 2) };
}

/** The trend of a series for a KPI whose better direction is given; null with fewer than 4 values. */
export function trend(series: readonly SeriesPoint[], better: 'higher' | 'lower'): Trend | null {
  const idx: number[] = [];
  for (let i = series.length - 1; i >= 0 && idx.length < TREND_WINDOW; i--)
    if (series[i]?.value != null) idx.push(i);
  if (idx.length < TREND_MIN_POINTS) return null;
  idx.reverse();
  const origin = idx[0] as number;
  const x = idx.map((i) => i - origin);
  const y = idx.map((i) => series[i]?.value as number);
  const { slope, p } = olsSlope(x, y);
  let direction: TrendDirection = 'stable';
  if (p < TREND_ALPHA && slope !== 0) {
    const up = slope > 0;
    direction = up === (better === 'higher') ? 'improving' : 'declining';
  }
  return { direction, slope, p };
}
