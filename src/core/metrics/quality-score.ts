/** quality_score — mean rating score over ratings with ratedAt in the bucket (SPEC §4). */
import { type MeanScoreResult, meanScore } from './mean-score.ts';
import type { MetricContext } from './metric-context.ts';
import type { ScoredRow } from './prepared-event.ts';

/** quality_score per bucket for one assistant's ratings. */
export function qualityScore(
  ratings: readonly ScoredRow[],
  ctx: MetricContext,
): Map<string, MeanScoreResult> {
  return meanScore(ratings, ctx);
}
