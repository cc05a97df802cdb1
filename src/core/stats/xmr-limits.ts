/**
 * Process behaviour (XmR) limits of one phase (SPEC §6): from its first 20 non-null values (all of
 * them while fewer; at least 6, else no limits), centre = mean, mR̄ = mean absolute difference of
 * successive values among them, limits = centre ± 2.66 × mR̄ clamped to the metric's scale.
 */
import { clampToScale, type Scale } from './scale.ts';

export interface Limits {
  centre: number | null;
  lower: number | null;
  upper: number | null;
}

/** Values a phase needs before it has limits. */
export const MIN_LIMIT_VALUES = 6;
/** Values after which a phase's limits stay fixed. */
export const MAX_LIMIT_VALUES = 20;
/** The XmR scaling constant 3 / d2, with d2 = 1.128 for moving ranges of two. */
export const XMR_FACTOR = 2.66;

/** XmR limits of a phase's values (nulls skipped). */
export function xmrLimits(values: readonly (number | null)[], scale: Scale): Limits {
  const used: number[] = [];
  for (const v of values) {
    if (v === null) continue;
    used.push(v);
    if (used.length === MAX_LIMIT_VALUES) break;
  }
  if (used.length < MIN_LIMIT_VALUES) return { centre: null, lower: null, upper: null };
  let sum = 0;
  for (const v of used) sum += v;
  const centre = sum / used.length;
  let ranges = 0;
  for (let i = 1; i < used.length; i++) ranges += Math.abs((used[i] as number) - (used[i - 1] as number));
  const mrBar = ranges / (used.length - 1);
  return {
    centre,
    lower: clampToScale(centre - XMR_FACTOR * mrBar, scale),
    upper: clampToScale(centre + XMR_FACTOR * mrBar, scale),
  };
}
