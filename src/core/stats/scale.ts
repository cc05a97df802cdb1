/**
 * The value scale of a metric, used to clamp process limits and forecast intervals (SPEC §6):
 * rates [0, 1]; scores [1, 5]; times and counts [0, ∞). A manual KPI without a declared scale is
 * unbounded.
 */
export type Scale = 'rate' | 'score' | 'minutes' | 'count' | 'unbounded';

const BOUNDS: Record<Scale, readonly [number, number]> = {
  rate: [0, 1],
  score: [1, 5],
  minutes: [0, Number.POSITIVE_INFINITY],
  count: [0, Number.POSITIVE_INFINITY],
  unbounded: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
};

/** The [min, max] of a scale. */
export function scaleBounds(scale: Scale): readonly [number, number] {
  return BOUNDS[scale];
}

/** Clamps a number into a scale; an unbounded side leaves it as computed. */
export function clampToScale(value: number, scale: Scale): number {
  const [lo, hi] = BOUNDS[scale];
  return Math.min(hi, Math.max(lo, value));
}
