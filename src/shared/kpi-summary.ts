/**
 * One KPI as the web app's home screen, overview grid and agreement step show it (issue 7): its
 * terms and agreement state, the baseline's end, the current target, the last complete period's
 * value with its status against the target, the §6 trend and a few recent values for a sparkline.
 * Every number comes from core (SPEC §5–§6); the screens only draw them.
 */
import type { Kpi } from '#core/kpis/kpi';
import type { TargetStatus } from '#core/kpis/target-status';
import type { SeriesPoint } from '#core/stats/kpi-series';
import type { Trend } from '#core/stats/trend';

export interface KpiSummary {
  kpi: Kpi & { name: string };
  /** Local date the 14-day baseline ends, once the KPI is active (SPEC §5). */
  baselineEnds: string | null;
  inBaseline: boolean;
  /** The target in force today, or null. */
  target: number | null;
  /** The last complete period of the KPI's series. */
  latest: SeriesPoint | null;
  /** met / near / below for `latest` against `target`; null without both. */
  status: TargetStatus | null;
  trend: Trend | null;
  /** Up to the last 12 periods of the series, oldest first. */
  recent: SeriesPoint[];
}
