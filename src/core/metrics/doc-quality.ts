/** doc_quality — mean docReview score (mean of clarity and completeness) in the bucket (SPEC §4). */
import { type MeanScoreResult, meanScore } from './mean-score.ts';
import type { MetricContext } from './metric-context.ts';
import type { ScoredRow } from './prepared-event.ts';

/** doc_quality per bucket for one assistant's documentation reviews. */
export function docQuality(reviews: readonly ScoredRow[], ctx: MetricContext): Map<string, MeanScoreResult> {
  return meanScore(reviews, ctx);
}
