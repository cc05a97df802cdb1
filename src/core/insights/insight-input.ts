/**
 * Builds what the insight rules read for one assistant as of an instant, from compute's own
 * numbers (SPEC §12) and the KPI analyses (SPEC §6), so an insight never disagrees with a screen.
 */
import { AppError } from '../../errors.ts';
import type { PreparedData } from '../compute.ts';
import { memoizedCompute, type RecordSource } from '../compute-memo.ts';
import { type Kpi, targetOn } from '../kpis/kpi.ts';
import type { KpiDefinition } from '../kpis/kpi-definition.ts';
import { kpiPeriod, kpiPoolKind } from '../kpis/kpi-definition.ts';
import { localDate } from '../kpis/local-date.ts';
import { type MonthStatus, monthTargetValue } from '../kpis/raise-bar.ts';
import { roleTemplate } from '../kpis/role-templates.ts';
import { targetForBucket } from '../kpis/target-history.ts';
import { targetStatus } from '../kpis/target-status.ts';
import { classifyTask } from '../metrics/on-time-rate.ts';
import { analyzeKpiDetail, type KpiAnalysisDetail } from '../stats/analyze-kpi.ts';
import { kpiBuckets } from '../stats/kpi-buckets.ts';
import { kpiSeries, lastCompleteBucket } from '../stats/kpi-series.ts';
import { trend } from '../stats/trend.ts';
import { AssistantTime } from '../time/assistant-time.ts';
import { bucketDays, bucketLabelOfDay, labelsBetween, parseDate } from '../time/calendar.ts';
import type { InsightInput, RateCount, ReviewKind } from './insight.ts';

export interface InsightInputOptions {
  assistant: string;
  /** KPIs of the workspace or the assistant; only the assistant's are read. */
  kpis: readonly Kpi[];
  /** Epoch ms. */
  asOf: number;
  /** Local date each kind of review was last held. */
  reviews?: Partial<Record<ReviewKind, string>>;
  /** Answers compute requests over the same data (shared with the KPI summaries of one pass). */
  records?: RecordSource;
}

/** The KPI as `analyzeKpi` reads it, with the target in force today. */
export function kpiDefinitionOf(k: Kpi, today: string): KpiDefinition {
  return { ...k, target: targetOn(k, today) };
}

function rate(onTime: number, late: number): RateCount | null {
  return onTime + late === 0 ? null : { rate: onTime / (onTime + late), onTime, late };
}

/** Everything the SPEC §7 rules need for one assistant. Throws `unknown_assistant`. */
export function buildInsightInput(data: PreparedData, opts: InsightInputOptions): InsightInput {
  const rows = Array.isArray(data.rows) ? data.rows : [...data.rows];
  const shared: PreparedData = { assistants: data.assistants, rows };
  const def = data.assistants.get(opts.assistant);
  if (!def)
    throw new AppError('unknown_assistant', `unknown assistant ${opts.assistant}`, {
      assistant: opts.assistant,
    });
  const { asOf } = opts;
  const time = new AssistantTime(def);
  const today = localDate(asOf, time.zoneAt(asOf));
  const kpis = opts.kpis.filter((k) => k.assistant === opts.assistant);
  // The weekly metrics below are often the KPIs' own: compute each request once.
  const records = opts.records ?? memoizedCompute(shared);

  const analyses = new Map<string, KpiAnalysisDetail>();
  const months = new Map<string, MonthStatus[]>();
  const lastMonth = lastCompleteBucket(time, asOf, 'month');
  for (const k of kpis) {
    if (k.status !== 'active') continue;
    const definition = kpiDefinitionOf(k, today);
    // No rule reads a forecast (SPEC §7 reads complete buckets): the analyses leave it out.
    analyses.set(k.id, analyzeKpiDetail(shared, definition, asOf, { forecast: false, records }));
    if (k.targets.length === 0 || k.startDate === undefined) continue;
    const firstMonth = bucketLabelOfDay(parseDate(k.startDate) ?? 0, 'month');
    if (firstMonth > lastMonth) continue;
    const byMonth = kpiBuckets(shared, definition, time, kpiPeriod(k), 'month', asOf, records);
    months.set(
      k.id,
      labelsBetween(firstMonth, lastMonth).map((period) => {
        // A weekly count target is judged per week of the month, not against its total (SPEC §5).
        const value = monthTargetValue(
          byMonth.get(period)?.value ?? null,
          period,
          kpiPeriod(k),
          kpiPoolKind(k),
        );
        const target = targetForBucket(k, period);
        return { period, value, target, status: targetStatus(value, target, k.direction) };
      }),
    );
  }

  const lastWeek = lastCompleteBucket(time, asOf, 'week');
  const weekly = (metric: 'on_time_rate' | 'response_time' | 'quality_score') =>
    records({ period: 'week', asOf, metrics: [metric], assistants: [opts.assistant] });

  const onTime = weekly('on_time_rate').find((r) => r.period === lastWeek);
  const lastWeekOnTime = onTime
    ? {
        period: lastWeek,
        value: onTime.value,
        onTime: Number(onTime.onTime ?? 0),
        late: Number(onTime.late ?? 0),
      }
    : null;

  // Four complete weeks, pooled (SPEC §4): classify each task exactly as on_time_rate does.
  const firstWeek = bucketLabelOfDay(bucketDays(lastWeek).first - 21, 'week');
  const window = new Set(labelsBetween(firstWeek, lastWeek));
  let allOn = 0;
  let allLate = 0;
  const perCategory = new Map<string, { onTime: number; late: number }>();
  for (const r of rows) {
    if (r.kind !== 'task' || r.assistant !== opts.assistant) continue;
    const c = classifyTask(r, { time, asOf, period: 'week' });
    if (c === null || c.outcome === 'pending' || !window.has(c.bucket)) continue;
    const on = c.outcome === 'onTime' ? 1 : 0;
    allOn += on;
    allLate += 1 - on;
    if (r.category === undefined) continue;
    const acc = perCategory.get(r.category) ?? { onTime: 0, late: 0 };
    acc.onTime += on;
    acc.late += 1 - on;
    perCategory.set(r.category, acc);
  }
  const categories = [...perCategory]
    .map(([category, c]) => ({ category, ...(rate(c.onTime, c.late) as RateCount) }))
    .sort((a, b) => (a.category < b.category ? -1 : 1));

  const previousWeek = bucketLabelOfDay(bucketDays(lastWeek).first - 7, 'week');
  const response = new Map(weekly('response_time').map((r) => [r.period, r.value]));
  const responseWeeks = [previousWeek, lastWeek].map((period) => ({
    period,
    value: response.get(period) ?? null,
  }));

  const quality = kpiSeries(new Map(weekly('quality_score').map((r) => [r.period, r.value])), {
    lastComplete: lastWeek,
    countMetric: false,
  });
  const used = quality.filter((p) => p.value !== null).slice(-8);

  return {
    assistant: opts.assistant,
    role: roleTemplate(def.role),
    today,
    kpis,
    analyses,
    months,
    lastWeekOnTime,
    categoryOnTime: { from: firstWeek, to: lastWeek, overall: rate(allOn, allLate), categories },
    responseWeeks,
    qualityTrend: {
      trend: trend(quality, 'higher'),
      from: used[0]?.period ?? null,
      to: used.at(-1)?.period ?? null,
    },
    reviews: opts.reviews ?? {},
  };
}
