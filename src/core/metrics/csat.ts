/** csat — share of survey responses in the bucket with score ≥ 4, and their mean score (SPEC §4). */
import { classifyScored } from './mean-score.ts';
import { bucketAcc, type MetricContext } from './metric-context.ts';
import type { ScoredRow } from './prepared-event.ts';

export type CsatResult = {
  value: number | null;
  mean: number | null;
  count: number;
};

/** csat per bucket for one assistant's survey responses. */
export function csat(surveys: readonly ScoredRow[], ctx: MetricContext): Map<string, CsatResult> {
  const acc = new Map<string, { satisfied: number; sum: number; count: number }>();
  for (const s of surveys) {
    const b = classifyScored(s, ctx);
    if (b === null) continue;
    const a = bucketAcc(acc, b, () => ({ satisfied: 0, sum: 0, count: 0 }));
    if (s.score >= 4) a.satisfied++;
    a.sum += s.score;
    a.count++;
  }
  const out = new Map<string, CsatResult>();
  for (const [b, a] of acc)
    out.set(b, { value: a.satisfied / a.count, mean: a.sum / a.count, count: a.count });
  return out;
}
