/**
 * What skill gaps and development plans read (SPEC §8 "Training and development"): one
 * assistant's active KPIs with their weekly values from the metrics engine (the same kpiBuckets
 * the KPI screens use) and their rubric criteria's weekly means from rating events, as of now.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { memoizedCompute } from '#core/compute-memo';
import type { RatingEvent } from '#core/events/event-types';
import { kpiDefinitionOf } from '#core/insights/insight-input';
import { kpiPeriod, kpiPoolKind } from '#core/kpis/kpi-definition';
import { localDate } from '#core/kpis/local-date';
import { criterionWeeklyMeans, DEFAULT_RUBRIC_BAR, weeklyTarget } from '#core/kpis/skill-gaps';
import { targetForBucket } from '#core/kpis/target-history';
import { kpiBuckets } from '#core/stats/kpi-buckets';
import type { AssistantTime } from '#core/time/assistant-time';
import { events } from '#db/schema/events';
import type { NamedKpi } from '../kpis/kpi-record.ts';
import { listKpis } from '../kpis/kpi-record.ts';
import { loadComputeData } from '../metrics/load-compute-data.ts';
import { assistantClock } from '../reviews/review-context.ts';
import type { ServiceDeps } from '../service-context.ts';

/** A KPI or criterion as a weekly series with its per-week target, in its better direction. */
export interface GapSubject {
  kind: 'kpi' | 'criterion';
  /** The KPI id, or the criterion's name. */
  ref: string;
  name: string;
  /** The KPI's metric; quality_score for a criterion (its unit is the rubric's 1–5). */
  metric: string;
  direction: 'higher' | 'lower';
  value: (week: string) => number | null;
  target: (week: string) => number | null;
}

export interface GapContext {
  time: AssistantTime;
  asOf: number;
  today: string;
  kpis: GapSubject[];
  criteria: GapSubject[];
}

/** The bar rubric criteria are held to: the active quality_score KPI's target, else 4 of 5. */
function rubricBar(kpis: readonly NamedKpi[], week: string): number {
  const quality = kpis.find((k) => k.status === 'active' && k.metric === 'quality_score' && !k.filter);
  return (quality && targetForBucket(quality, week)) ?? DEFAULT_RUBRIC_BAR;
}

/** The context as of `asOf` (default now): a review reads it as of its month's end. */
export async function loadGapContext(
  deps: ServiceDeps,
  ws: string,
  assistant: string,
  asOf: number = deps.now(),
): Promise<GapContext> {
  const { time } = await assistantClock(deps, deps.db, ws, assistant);
  const today = localDate(asOf, time.zoneAt(asOf));
  const data = await loadComputeData(deps.db, ws, [assistant], deps.metricsCache);
  const records = memoizedCompute(data);
  const all = await listKpis(deps.db, ws, assistant);
  const kpis: GapSubject[] = all
    .filter((k) => k.status === 'active')
    .map((k) => {
      const period = kpiPeriod(k);
      const counts = kpiPoolKind(k) === 'sum';
      const weeks = kpiBuckets(data, kpiDefinitionOf(k, today), time, period, 'week', asOf, records);
      return {
        kind: 'kpi' as const,
        ref: k.id,
        name: k.name,
        metric: k.metric,
        direction: k.direction,
        value: (w: string) => weeks.get(w)?.value ?? null,
        target: (w: string) => weeklyTarget(targetForBucket(k, w), w, period, counts),
      };
    });
  const rows = await deps.db
    .select({ data: events.data })
    .from(events)
    .where(
      and(
        eq(events.workspaceId, ws),
        eq(events.assistantId, assistant),
        eq(events.type, 'rating'),
        isNull(events.excluded),
      ),
    );
  const means = criterionWeeklyMeans(
    rows.map((r) => r.data as RatingEvent),
    time,
    asOf,
  );
  const criteria: GapSubject[] = [...means]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, byWeek]) => ({
      kind: 'criterion' as const,
      ref: name,
      name,
      metric: 'quality_score',
      direction: 'higher' as const,
      value: (w: string) => byWeek.get(w) ?? null,
      target: (w: string) => rubricBar(all, w),
    }));
  return { time, asOf, today, kpis, criteria };
}

/** The subject a plan works on, if it is still there (a retired KPI no longer is). */
export function subjectOf(
  ctx: GapContext,
  plan: { kpiId: string | null; criterion: string | null },
): GapSubject | null {
  if (plan.kpiId !== null) return ctx.kpis.find((s) => s.ref === plan.kpiId) ?? null;
  if (plan.criterion !== null) return ctx.criteria.find((s) => s.ref === plan.criterion) ?? null;
  return null;
}
