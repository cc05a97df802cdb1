/**
 * What a KPI measures (SPEC §5): metric (+ filter), direction, period, target and owner assistant.
 * The metric is a §4 metric, an activity metric (labelled as such) or `manual` (values from the
 * KPI's manualValue events). These are the fields `tandem analyze` reads (SPEC §6).
 */
import { AppError } from '../../errors.ts';
import { isMetricId, METRICS, type MetricFilter, type MetricId } from '../metrics/metric-registry.ts';
import type { PoolKind } from '../stats/forecast.ts';
import type { Scale } from '../stats/scale.ts';
import { type Period, periodOfLabel } from '../time/calendar.ts';
import { ACTIVITY_METRICS, type ActivityMetricId, isActivityMetric } from './activity-metrics.ts';

export type KpiMetric = MetricId | ActivityMetricId | 'manual';
export type Direction = 'higher' | 'lower';

export interface KpiDefinition {
  id: string;
  assistant: string;
  metric: KpiMetric;
  filter?: MetricFilter;
  direction: Direction;
  /** Default: week, month for goal_alignment and doc_quality (SPEC §5). */
  period?: Period;
  target?: number | null;
  /** Buckets (any period) or dates at which the process changed: each starts a new phase (SPEC §6). */
  processChanges?: string[];
  /** A manual KPI's scale for clamping limits and intervals; default unbounded. */
  scale?: Scale;
}

/** True when `id` names a metric a KPI can measure. */
export function isKpiMetric(id: unknown): id is KpiMetric {
  return id === 'manual' || isMetricId(id) || isActivityMetric(id);
}

/** The KPI's period, with the metric's default (SPEC §5). */
export function kpiPeriod(kpi: Pick<KpiDefinition, 'metric' | 'period'>): Period {
  if (kpi.period) return kpi.period;
  return isMetricId(kpi.metric) ? METRICS[kpi.metric].defaultPeriod : 'week';
}

/** The value scale the KPI's limits and intervals are clamped to (SPEC §6). */
export function kpiScale(kpi: Pick<KpiDefinition, 'metric' | 'scale'>): Scale {
  if (isMetricId(kpi.metric)) return METRICS[kpi.metric].scale;
  if (isActivityMetric(kpi.metric)) return 'count';
  return kpi.scale ?? 'unbounded';
}

/** How a longer bucket is made of shorter ones: counts add up, everything else is pooled (SPEC §4). */
export function kpiPoolKind(kpi: Pick<KpiDefinition, 'metric'>): PoolKind {
  return kpi.metric === 'proactivity' || isActivityMetric(kpi.metric) ? 'sum' : 'pooled';
}

/** Checks that a filter can apply to the KPI's metric (SPEC §4: otherwise an error). */
export function assertKpiFilter(kpi: Pick<KpiDefinition, 'metric' | 'filter'>): void {
  const keys = Object.entries(kpi.filter ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
  if (keys.length === 0) return;
  const allowed: readonly string[] = isMetricId(kpi.metric)
    ? METRICS[kpi.metric].filters
    : isActivityMetric(kpi.metric)
      ? ACTIVITY_METRICS[kpi.metric].filters
      : [];
  const bad = keys.find((k) => !allowed.includes(k));
  if (bad !== undefined)
    throw new AppError('invalid_filter', `The ${bad} filter cannot apply to ${kpi.metric}`, {
      metric: kpi.metric,
      filter: bad,
    });
}

/**
 * Refuses a process change given as a week label on a monthly or quarterly KPI (SPEC §6): a week
 * can straddle two months, so its bucket would be a guess. A date, or a label of the KPI's period
 * or a longer one, names the bucket without doubt.
 */
export function assertProcessChange(
  kpi: Pick<KpiDefinition, 'id' | 'metric' | 'period'>,
  change: string,
): void {
  const period = kpiPeriod(kpi);
  if (period !== 'week' && periodOfLabel(change) === 'week')
    throw new AppError(
      'validation_failed',
      `${change} is a week, but ${kpi.id} is kept per ${period}: give the ${period} or the date the process changed`,
      { kpi: kpi.id, change, period },
    );
}

/** Checks every recorded process change of a KPI (see assertProcessChange). */
export function assertProcessChanges(
  kpi: Pick<KpiDefinition, 'id' | 'metric' | 'period' | 'processChanges'>,
): void {
  for (const c of kpi.processChanges ?? []) assertProcessChange(kpi, c);
}

/** What a KPI measures, as one comparable key: its metric and its filter (keys sorted). */
export function measureKey(kpi: { metric: string; filter?: MetricFilter | undefined }): string {
  const filter = Object.entries(kpi.filter ?? {})
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([kpi.metric, filter]);
}
