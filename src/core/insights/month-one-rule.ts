/**
 * month_one (SPEC §7): during the first 4 weeks of a completion KPI, 85–90 % is healthy; do not
 * aim for 100 % from day one.
 */
import { targetOn } from '../kpis/kpi.ts';
import { addDays } from '../kpis/local-date.ts';
import type { InsightRule } from './insight.ts';

export const MONTH_ONE_DAYS = 28;

/** One insight per active on_time_rate KPI (filtered variants included) in its first 4 weeks. */
export const monthOneRule: InsightRule = (input) =>
  input.kpis.flatMap((k) => {
    if (k.status !== 'active' || k.metric !== 'on_time_rate' || k.startDate === undefined) return [];
    const until = addDays(k.startDate, MONTH_ONE_DAYS - 1);
    if (input.today > until) return [];
    return [
      {
        id: 'month_one' as const,
        severity: 'info' as const,
        assistant: input.assistant,
        kpi: k.id,
        data: {
          startDate: k.startDate,
          until,
          healthyFrom: 0.85,
          healthyTo: 0.9,
          target: targetOn(k, input.today),
        },
      },
    ];
  });
