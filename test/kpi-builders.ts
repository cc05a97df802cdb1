/**
 * Builders for KPI lifecycle records, analyses and insight inputs, with overrides (CONVENTIONS §9).
 */
import type { InsightInput } from '#core/insights/insight';
import type { Kpi } from '#core/kpis/kpi';
import type { KpiAnalysisDetail } from '#core/stats/analyze-kpi';

/** An active weekly on_time_rate KPI of `ava`, agreed on 2026-11-02, without a target. */
export function buildKpi(overrides: Partial<Kpi> = {}): Kpi {
  return {
    id: 'k1',
    assistant: 'ava',
    metric: 'on_time_rate',
    direction: 'higher',
    status: 'active',
    proposedBy: 'manager',
    proposedAt: '2026-11-01T09:00:00Z',
    agreed: { manager: '2026-11-01T09:00:00Z', assistant: '2026-11-02T09:00:00Z' },
    agreedAt: '2026-11-02T09:00:00Z',
    startDate: '2026-11-02',
    targets: [],
    ...overrides,
  };
}

/** An analysis with the given series (weights 1) and nothing else. */
export function buildAnalysis(overrides: Partial<KpiAnalysisDetail> = {}): KpiAnalysisDetail {
  const series = overrides.series ?? [];
  return {
    kpi: 'k1',
    series,
    phases: [],
    signals: [],
    trend: null,
    forecast: null,
    period: 'week',
    weights: series.map(() => 1),
    ...overrides,
  };
}

/** An insight input for `ava` on 2026-11-23 where no rule fires. */
export function buildInsightInput(overrides: Partial<InsightInput> = {}): InsightInput {
  return {
    assistant: 'ava',
    role: null,
    today: '2026-11-23',
    kpis: [],
    analyses: new Map(),
    months: new Map(),
    lastWeekOnTime: null,
    categoryOnTime: { from: '2026-W44', to: '2026-W47', overall: null, categories: [] },
    responseWeeks: [],
    qualityTrend: { trend: null, from: null, to: null },
    reviews: {},
    ...overrides,
  };
}
