/**
 * Insights (SPEC §7): plain-language, coaching prompts computed from the numbers. Each rule lives
 * in its own file and returns typed insights `{ id, severity, assistant, kpi?, data }`; the
 * wording lives only in insight-catalogue.ts.
 */
import type { ActivityMetricId } from '../kpis/activity-metrics.ts';
import type { Kpi } from '../kpis/kpi.ts';
import type { MonthStatus } from '../kpis/raise-bar.ts';
import type { RoleId, RoleTemplate } from '../kpis/role-templates.ts';
import type { MetricId } from '../metrics/metric-registry.ts';
import type { KpiAnalysisDetail } from '../stats/analyze-kpi.ts';
import type { Side } from '../stats/signals.ts';
import type { Trend } from '../stats/trend.ts';

export const INSIGHT_IDS = [
  'completion_low',
  'month_one',
  'raise_bar',
  'too_many',
  'activity_metric',
  'quality_declining',
  'category_delays',
  'response_over_benchmark',
  'baseline_ready',
  'review_due',
  'signal',
] as const;
export type InsightId = (typeof INSIGHT_IDS)[number];

/** `attention`: something is below where it should be; `positive`: worth celebrating; `info`: process. */
export type Severity = 'attention' | 'info' | 'positive';

export type ReviewKind = 'check_in' | 'monthly_review' | 'quarterly_review';

export interface InsightDataMap {
  completion_low: { period: string; value: number; onTime: number; late: number; threshold: number };
  month_one: {
    startDate: string;
    until: string;
    healthyFrom: number;
    healthyTo: number;
    target: number | null;
  };
  raise_bar: {
    months: Array<{ period: string; value: number | null; target: number | null }>;
    target: number;
  };
  too_many: { count: number; active: number; proposed: number; recommendedMax: number };
  activity_metric: {
    metric: ActivityMetricId;
    name: string;
    counterpart: MetricId;
    counterpartName: string;
    because: string;
  };
  quality_declining: { metric: MetricId; slope: number; p: number; from: string; to: string };
  category_delays: {
    category: string;
    rate: number;
    overall: number;
    /** Percentage points below the overall rate. */
    gapPoints: number;
    onTime: number;
    late: number;
    from: string;
    to: string;
  };
  response_over_benchmark: {
    role: RoleId;
    benchmarkMinutes: number;
    weeks: Array<{ period: string; value: number }>;
  };
  baseline_ready: {
    baselineEnds: string;
    baseline: number | null;
    suggestedTarget: number | null;
    rule: string | null;
  };
  review_due: { kind: ReviewKind; dueOn: string; agreedOn: string; lastHeld: string | null };
  signal: {
    period: string;
    rule: 'outside' | 'run';
    side: Side;
    /** True when the signal lies on the KPI's better side. */
    favourable: boolean;
    value: number | null;
    centre: number | null;
    lower: number | null;
    upper: number | null;
  };
}

export type Insight = {
  [I in InsightId]: { id: I; severity: Severity; assistant: string; kpi?: string; data: InsightDataMap[I] };
}[InsightId];

export type InsightOf<I extends InsightId> = Extract<Insight, { id: I }>;

export interface RateCount {
  rate: number;
  onTime: number;
  late: number;
}

/** Everything the rules read, computed once per assistant (insight-input.ts builds it). */
export interface InsightInput {
  assistant: string;
  role: RoleTemplate | null;
  /** Local date of asOf in the assistant's zone. */
  today: string;
  /** The assistant's KPIs, any status. */
  kpis: readonly Kpi[];
  /** Analyses (SPEC §6) of the active KPIs, by KPI id, without forecasts (no rule reads one). */
  analyses: ReadonlyMap<string, KpiAnalysisDetail>;
  /** Complete months since each active KPI started, with status against its target, by KPI id. */
  months: ReadonlyMap<string, readonly MonthStatus[]>;
  /** on_time_rate of the last complete week (all tasks), or null when none was reported. */
  lastWeekOnTime: ({ period: string } & { value: number | null; onTime: number; late: number }) | null;
  /** on_time_rate over the last 4 complete weeks, overall and per task category. */
  categoryOnTime: {
    from: string;
    to: string;
    overall: RateCount | null;
    categories: Array<{ category: string } & RateCount>;
  };
  /** response_time of the last 2 complete weeks, oldest first (null: no answered request). */
  responseWeeks: Array<{ period: string; value: number | null }>;
  /** Trend of the weekly quality_score (all ratings) and the weeks it spans. */
  qualityTrend: { trend: Trend | null; from: string | null; to: string | null };
  /** Local date each kind of review was last held. */
  reviews: Partial<Record<ReviewKind, string>>;
}

/** A rule: one §7 row. */
export type InsightRule = (input: InsightInput) => Insight[];
