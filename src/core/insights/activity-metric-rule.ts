/** activity_metric (SPEC §4, §7): an activity metric chosen as a KPI → suggest its outcome counterpart. */
import { ACTIVITY_METRICS, isActivityMetric } from '../kpis/activity-metrics.ts';
import { isOpen } from '../kpis/kpi.ts';
import { METRICS } from '../metrics/metric-registry.ts';
import type { InsightRule } from './insight.ts';

/** One insight per proposed or active KPI on an activity metric. */
export const activityMetricRule: InsightRule = (input) =>
  input.kpis.flatMap((k) => {
    if (!isOpen(k) || !isActivityMetric(k.metric)) return [];
    const a = ACTIVITY_METRICS[k.metric];
    return [
      {
        id: 'activity_metric' as const,
        severity: 'info' as const,
        assistant: input.assistant,
        kpi: k.id,
        data: {
          metric: a.id,
          name: a.name,
          counterpart: a.counterpart,
          counterpartName: METRICS[a.counterpart].name,
          because: a.because,
        },
      },
    ];
  });
