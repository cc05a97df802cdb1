/**
 * The quarterly relevance review's agenda (SPEC §8): for each active KPI, the quarter's three
 * months against their targets, whether the target was met 3 months running (SPEC §5 raise the
 * bar) and its SPEC §6 signals in the quarter — computed by the same core functions as the
 * monthly agenda and the KPI screens, so none of them disagree.
 */
import { memoizedCompute } from '#core/compute-memo';
import { kpiDefinitionOf } from '#core/insights/insight-input';
import { kpiPeriod, kpiPoolKind } from '#core/kpis/kpi-definition';
import { localDate } from '#core/kpis/local-date';
import { monthTargetValue, raiseBar } from '#core/kpis/raise-bar';
import { targetForBucket } from '#core/kpis/target-history';
import { targetStatus } from '#core/kpis/target-status';
import { analyzeKpiDetail } from '#core/stats/analyze-kpi';
import { kpiBuckets } from '#core/stats/kpi-buckets';
import { bucketDays, bucketLabelOfDay, labelsBetween } from '#core/time/calendar';
import type { QuarterlyAgenda, QuarterlyAgendaKpi } from '#shared/quarterly-review-schemas';
import { listKpis } from '../kpis/kpi-record.ts';
import { loadComputeData } from '../metrics/load-compute-data.ts';
import { assistantClock } from '../reviews/review-context.ts';
import type { ServiceDeps } from '../service-context.ts';

const overlaps = (label: string, quarter: string): boolean => {
  const a = bucketDays(label);
  const b = bucketDays(quarter);
  return a.first <= b.last && a.last >= b.first;
};

/** One assistant's quarter as of now (or the quarter's end, once it is over). */
export async function buildQuarterlyAgenda(
  deps: ServiceDeps,
  ws: string,
  assistant: string,
  quarter: string,
): Promise<QuarterlyAgenda> {
  const { time } = await assistantClock(deps, deps.db, ws, assistant);
  const end = time.bucketBounds(quarter).end;
  const now = deps.now();
  const asOf = Math.min(now, end);
  const today = localDate(asOf, time.zoneAt(asOf));
  const data = await loadComputeData(deps.db, ws, [assistant], deps.metricsCache);
  const records = memoizedCompute(data);
  const { first, last } = bucketDays(quarter);
  const months = labelsBetween(bucketLabelOfDay(first, 'month'), bucketLabelOfDay(last, 'month'));
  const kpis: QuarterlyAgendaKpi[] = [];
  for (const k of await listKpis(deps.db, ws, assistant)) {
    // Every active KPI is decided on (SPEC §8), one agreed after the quarter too: its months are empty.
    if (k.status !== 'active') continue;
    const def = kpiDefinitionOf(k, today);
    const period = kpiPeriod(k);
    const byMonth = kpiBuckets(data, def, time, period, 'month', asOf, records);
    const rows = months.map((m) => {
      // A weekly count target is judged per week of the month, not against its total (SPEC §5).
      const value = monthTargetValue(byMonth.get(m)?.value ?? null, m, period, kpiPoolKind(k));
      const target = targetForBucket(k, m);
      return {
        period: m,
        value,
        target,
        status: targetStatus(value, target, k.direction),
        complete: time.bucketBounds(m).end <= now,
      };
    });
    const analysis = analyzeKpiDetail(data, def, asOf, { forecast: false, records });
    kpis.push({
      id: k.id,
      name: k.name,
      metric: k.metric,
      direction: k.direction,
      period,
      target: targetForBucket(k, months.at(-1) ?? quarter),
      months: rows,
      raiseTheBar: raiseBar(rows.filter((r) => r.complete)) !== null,
      signals: analysis.signals
        .filter((s) => overlaps(s.period, quarter))
        .map((s) => ({ period: s.period, rule: s.rule, side: s.side })),
    });
  }
  return { assistant, quarter, asOf: new Date(asOf).toISOString(), complete: now >= end, kpis };
}
