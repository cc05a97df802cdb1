/** Runs every SPEC §7 rule over one assistant's insight input, in the table's order. */
import type { PreparedData } from '../compute.ts';
import { activityMetricRule } from './activity-metric-rule.ts';
import { baselineReadyRule } from './baseline-ready-rule.ts';
import { categoryDelaysRule } from './category-delays-rule.ts';
import { completionLowRule } from './completion-low-rule.ts';
import type { Insight, InsightId, InsightInput, InsightRule } from './insight.ts';
import { buildInsightInput, type InsightInputOptions } from './insight-input.ts';
import { monthOneRule } from './month-one-rule.ts';
import { qualityDecliningRule } from './quality-declining-rule.ts';
import { raiseBarRule } from './raise-bar-rule.ts';
import { responseOverBenchmarkRule } from './response-over-benchmark-rule.ts';
import { reviewDueRule } from './review-due-rule.ts';
import { signalRule } from './signal-rule.ts';
import { tooManyRule } from './too-many-rule.ts';

export const RULES: Record<InsightId, InsightRule> = {
  completion_low: completionLowRule,
  month_one: monthOneRule,
  raise_bar: raiseBarRule,
  too_many: tooManyRule,
  activity_metric: activityMetricRule,
  quality_declining: qualityDecliningRule,
  category_delays: categoryDelaysRule,
  response_over_benchmark: responseOverBenchmarkRule,
  baseline_ready: baselineReadyRule,
  review_due: reviewDueRule,
  signal: signalRule,
};

const ORDER = { attention: 0, positive: 1, info: 2 } as const;

/** Every insight for the assistant: things needing attention first, then good news, then process. */
export function insightsFor(input: InsightInput): Insight[] {
  const all = Object.values(RULES).flatMap((rule) => rule(input));
  // A stable sort keeps the SPEC §7 order within each severity.
  return all.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

/** Builds the input and runs every rule: the insights of one assistant as of an instant. */
export function assistantInsights(data: PreparedData, opts: InsightInputOptions): Insight[] {
  return insightsFor(buildInsightInput(data, opts));
}
