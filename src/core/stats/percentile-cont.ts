/**
 * Percentile by linear interpolation between closest ranks, like SQL `percentile_cont` (SPEC §4):
 * position p·(n−1) in the sorted values. Null for no values.
 */
export function percentileCont(sortedAscending: readonly number[], p: number): number | null {
  const n = sortedAscending.length;
  if (n === 0) return null;
  const pos = p * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sortedAscending[lo] as number;
  const b = sortedAscending[hi] as number;
  return lo === hi ? a : a + (b - a) * (pos - lo);
}
