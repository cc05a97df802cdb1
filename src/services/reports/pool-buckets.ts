/**
 * A value over several buckets from the buckets' values and the denominators compute pooled them
 * from (SPEC §4): rates and means are Σ value × weight ÷ Σ weight — the sum of numerators over the
 * sum of denominators, exactly the value of the events pooled — and counts add up. Weekly values
 * are never averaged.
 */
import type { PoolKind, WeightedValue } from '#core/stats/forecast';

export interface Pooled {
  value: number | null;
  /** Σ weight over the buckets used (the denominator, or the number of count buckets). */
  weight: number;
}

/** Pools the buckets of `labels` in `buckets`; a label with no bucket adds nothing. */
export function poolBuckets(
  buckets: ReadonlyMap<string, WeightedValue>,
  labels: readonly string[],
  kind: PoolKind,
): Pooled {
  let found = false;
  let weighted = 0;
  let sum = 0;
  let weight = 0;
  for (const label of labels) {
    const b = buckets.get(label);
    if (!b) continue;
    found = true;
    if (kind === 'sum') {
      sum += b.value ?? 0;
      weight += b.weight;
    } else if (b.value !== null && b.weight > 0) {
      weighted += b.value * b.weight;
      weight += b.weight;
    }
  }
  if (kind === 'sum') return { value: found ? sum : null, weight };
  return { value: weight > 0 ? weighted / weight : null, weight };
}
