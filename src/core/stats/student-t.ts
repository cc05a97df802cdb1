/**
 * The Student t distribution (via jstat) for the trend's p-value and the forecast's interval
 * (SPEC §6). Wrapped here so the rest of core never touches the library directly.
 */
import jStat from 'jstat';

/** Two-sided p-value of a t statistic with `df` degrees of freedom: P(|T| ≥ |t|). */
export function studentTTwoSidedP(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be positive, got ${df}`);
  if (Number.isNaN(t)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  // The lower tail of −|t| is computed directly; 1 − cdf(|t|) would lose precision near 0.
  const p = 2 * jStat.studentt.cdf(-Math.abs(t), df);
  return Math.min(1, Math.max(0, p));
}

/** The quantile of the t distribution: the x with P(T ≤ x) = p, for 0 < p < 1. */
export function studentTQuantile(p: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be positive, got ${df}`);
  if (!(p > 0 && p < 1)) throw new RangeError(`probability must be in (0, 1), got ${p}`);
  return jStat.studentt.inv(p, df);
}
