/** activity_metric (SPEC §4, §7): an activity metric chosen as a KPI → suggest its outcome counterpart. */
import { activityLabel } from '../kpis/activity-metrics.ts';
import { isOpen } from '../kpis/kpi.ts';
import type { InsightRule } from './insight.ts';

/** One insight per proposed or active KPI on an activity metric. */
export const activityMetricRule: InsightRule = (input) =>
  input.kpis.flatMap((k) => {
    const label = isOpen(k) ? activityLabel(k.metric) : null;
    if (label === null) return [];
    return [
      {
        id: 'activity_metric' as const,
        severity: 'info' as const,
        assistant: input.assistant,
        kpi: k.id,
        data: label,
      },
    ];
  });
