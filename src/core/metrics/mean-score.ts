/**
 * Mean of scores per bucket of their instant — quality_score (ratings) and doc_quality (doc
 * reviews) share this (SPEC §4). Pooled over the bucket's events, never a mean of weekly means.
 */
import { bucketAcc, type MetricContext } from './metric-context.ts';
import type { ScoredRow } from './prepared-event.ts';

export type MeanScoreResult = {
  value: number | null;
  count: number;
};

/** The bucket a scored event counts in as of ctx.asOf, or null when it is after asOf. */
export function classifyScored(row: ScoredRow, ctx: MetricContext): string | null {
  if (!(row.atMs <= ctx.asOf)) return null;
  return ctx.time.bucketOf(row.atMs, ctx.period);
}

/** Mean score and count per bucket. */
export function meanScore(rows: readonly ScoredRow[], ctx: MetricContext): Map<string, MeanScoreResult> {
  const sums = new Map<string, { sum: number; count: number }>();
  for (const r of rows) {
    const b = classifyScored(r, ctx);
    if (b === null) continue;
    const acc = bucketAcc(sums, b, () => ({ sum: 0, count: 0 }));
    acc.sum += r.score;
    acc.count++;
  }
  const out = new Map<string, MeanScoreResult>();
  for (const [b, { sum, count }] of sums) out.set(b, { value: sum / count, count });
  return out;
}
