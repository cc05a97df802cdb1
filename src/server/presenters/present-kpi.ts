/**
 * KPI answers (SPEC §5–§7): each KPI is labelled when it measures an activity metric, with the
 * outcome-based counterpart to suggest (SPEC §4 last paragraph), wherever the API returns it.
 */
import { type ActivityLabel, activityLabel } from '#core/kpis/activity-metrics';
import type { KpiSummaryView } from '#services/kpis/kpi-analysis';
import type { KpiChange } from '#services/kpis/kpi-change';
import type { NamedKpi } from '#services/kpis/kpi-record';

export type KpiView = NamedKpi & { activityMetric: ActivityLabel | null };

export function presentKpi(k: NamedKpi): KpiView {
  return { ...k, activityMetric: activityLabel(k.metric) };
}

/** A change with its KPI (and the one it replaced) presented. */
export function presentKpiChange(c: KpiChange) {
  return {
    kpi: presentKpi(c.kpi),
    replaced: c.replaced ? presentKpi(c.replaced) : null,
    advice: c.advice,
  };
}

/** Any answer carrying a `kpi`, with that KPI presented. */
export function withKpiView<T extends { kpi: NamedKpi }>(x: T): Omit<T, 'kpi'> & { kpi: KpiView } {
  return { ...x, kpi: presentKpi(x.kpi) };
}

/**
 * The overview's cells (GET …/overview): the open KPIs — proposed or active — with only what the
 * grid shows; retired and replaced ones never appear there.
 */
export function presentOverviewKpis(rows: readonly KpiSummaryView[]) {
  return rows.flatMap(({ kpi, ...s }) =>
    kpi.status === 'proposed' || kpi.status === 'active'
      ? [
          {
            id: kpi.id,
            name: kpi.name,
            assistant: kpi.assistant,
            metric: kpi.metric,
            kpiStatus: kpi.status,
            inBaseline: s.inBaseline,
            target: s.target,
            latest: s.latest,
            status: s.status,
            trend: s.trend ? { direction: s.trend.direction, p: s.trend.p } : null,
          },
        ]
      : [],
  );
}
