/**
 * quality_declining (SPEC §7): a declining quality trend (SPEC §6). Read from each active
 * quality_score or doc_quality KPI, and from the assistant's weekly quality_score when no unfiltered
 * quality_score KPI is active.
 */
import type { Insight, InsightRule } from './insight.ts';

/** Flags declining quality trends. */
export const qualityDecliningRule: InsightRule = (input) => {
  const out: Insight[] = [];
  let covered = false;
  for (const k of input.kpis) {
    if (k.status !== 'active' || (k.metric !== 'quality_score' && k.metric !== 'doc_quality')) continue;
    if (k.metric === 'quality_score' && Object.keys(k.filter ?? {}).length === 0) covered = true;
    const a = input.analyses.get(k.id);
    const t = a?.trend ?? null;
    if (a === undefined || t === null || t.direction !== 'declining') continue;
    const used = a.series.filter((p) => p.value !== null).slice(-8);
    out.push({
      id: 'quality_declining',
      severity: 'attention',
      assistant: input.assistant,
      kpi: k.id,
      data: {
        metric: k.metric,
        slope: t.slope,
        p: t.p,
        from: used[0]?.period ?? '',
        to: used.at(-1)?.period ?? '',
      },
    });
  }
  const q = input.qualityTrend;
  if (!covered && q.trend?.direction === 'declining' && q.from !== null && q.to !== null)
    out.push({
      id: 'quality_declining',
      severity: 'attention',
      assistant: input.assistant,
      data: { metric: 'quality_score', slope: q.trend.slope, p: q.trend.p, from: q.from, to: q.to },
    });
  return out;
};
