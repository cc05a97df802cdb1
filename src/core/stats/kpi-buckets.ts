/**
 * A KPI's reported buckets in a period, each with the denominator compute pooled it from, read
 * through compute itself so a KPI shows exactly what `tandem compute` prints (SPEC §12): §4 metrics
 * with the KPI's filter, activity metrics from the same rows, manual KPIs from their manualValue
 * events.
 */
import { computePrepared, type MetricRecord, type PreparedData } from '../compute.ts';
import type { RecordSource } from '../compute-memo.ts';
import { isActivityMetric } from '../kpis/activity-metrics.ts';
import type { KpiDefinition } from '../kpis/kpi-definition.ts';
import { isMetricId, type MetricId, rowMatchesFilter } from '../metrics/metric-registry.ts';
import type { PreparedRow } from '../metrics/prepared-event.ts';
import type { AssistantTime } from '../time/assistant-time.ts';
import { bucketDays, bucketLabelOfDay, type Period, periodOfLabel } from '../time/calendar.ts';
import type { WeightedValue } from './forecast.ts';

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** The denominator behind a record's value (SPEC §12 counts); 1 for counts. */
export function recordWeight(metric: MetricId, r: MetricRecord): number {
  switch (metric) {
    case 'on_time_rate':
      return num(r.onTime) + num(r.late);
    case 'quality_score':
    case 'doc_quality':
    case 'csat':
      return num(r.count);
    case 'response_time':
      return num(r.answered);
    case 'goal_alignment':
      return num(r.met) + num(r.partiallyMet) + num(r.notMet);
    case 'priority_time_share':
      return num(r.totalHours);
    case 'proactivity':
      return 1;
  }
}

function fromRecords(
  data: PreparedData,
  kpi: KpiDefinition,
  metric: MetricId,
  period: Period,
  asOf: number,
  pick: (r: MetricRecord) => WeightedValue,
  source: RecordSource | undefined,
): Map<string, WeightedValue> {
  const opts = {
    period,
    asOf,
    metrics: [metric],
    assistants: [kpi.assistant],
    ...(kpi.filter ? { filter: kpi.filter } : {}),
  };
  const records = source ? source(opts) : computePrepared(data, opts);
  return new Map(records.map((r) => [r.period, pick(r)]));
}

function completedTasks(
  rows: Iterable<PreparedRow>,
  kpi: KpiDefinition,
  time: AssistantTime,
  period: Period,
  asOf: number,
): Map<string, WeightedValue> {
  const out = new Map<string, WeightedValue>();
  for (const r of rows) {
    if (r.kind !== 'task' || r.assistant !== kpi.assistant) continue;
    if (kpi.filter && !rowMatchesFilter(r, kpi.filter)) continue;
    if (!(r.completedMs <= asOf) || r.cancelledMs <= asOf) continue;
    const label = time.bucketOf(r.completedMs, period);
    const acc = out.get(label);
    if (acc) acc.value = (acc.value ?? 0) + 1;
    else out.set(label, { value: 1, weight: 1 });
  }
  return out;
}

/**
 * Manual values of the KPI: in its own period as entered; in a longer period, the mean of the
 * entries whose bucket starts in it (SPEC §4 "manual"); a shorter period has none.
 */
function manualBuckets(
  rows: Iterable<PreparedRow>,
  kpi: KpiDefinition,
  kpiPeriodOf: Period,
  period: Period,
): Map<string, WeightedValue> {
  const own = new Map<string, number>();
  for (const r of rows)
    if (r.kind === 'manualValue' && r.assistant === kpi.assistant && r.kpi === kpi.id)
      if (periodOfLabel(r.period) === kpiPeriodOf) own.set(r.period, r.value);
  if (period === kpiPeriodOf) return new Map([...own].map(([l, v]) => [l, { value: v, weight: 1 }]));
  const rank: Record<Period, number> = { week: 0, month: 1, quarter: 2 };
  const out = new Map<string, WeightedValue>();
  if (rank[period] < rank[kpiPeriodOf]) return out;
  for (const [label, v] of own) {
    const target = bucketLabelOfDay(bucketDays(label).first, period);
    const acc = out.get(target);
    if (acc) {
      acc.value = ((acc.value ?? 0) * acc.weight + v) / (acc.weight + 1);
      acc.weight++;
    } else out.set(target, { value: v, weight: 1 });
  }
  return out;
}

/**
 * The KPI's reported buckets in `period` as of asOf, label → value and weight. `source`, when
 * given, answers compute requests over the same `data` (a memo shared by several KPIs).
 */
export function kpiBuckets(
  data: PreparedData,
  kpi: KpiDefinition,
  time: AssistantTime,
  kpiPeriodOf: Period,
  period: Period,
  asOf: number,
  source?: RecordSource,
): Map<string, WeightedValue> {
  const { metric } = kpi;
  if (isMetricId(metric))
    return fromRecords(
      data,
      kpi,
      metric,
      period,
      asOf,
      (r) => ({
        value: r.value,
        weight: recordWeight(metric, r),
      }),
      source,
    );
  if (isActivityMetric(metric)) {
    switch (metric) {
      case 'hours_logged':
        return fromRecords(
          data,
          kpi,
          'priority_time_share',
          period,
          asOf,
          (r) => ({
            value: num(r.totalHours),
            weight: 1,
          }),
          source,
        );
      case 'messages_sent':
        return fromRecords(
          data,
          kpi,
          'response_time',
          period,
          asOf,
          (r) => ({
            value: num(r.answered),
            weight: 1,
          }),
          source,
        );
      case 'tasks_completed':
      case 'issues_resolved':
        return completedTasks(data.rows, kpi, time, period, asOf);
    }
  }
  return manualBuckets(data.rows, kpi, kpiPeriodOf, period);
}
