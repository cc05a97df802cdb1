/**
 * A KPI's detail screen (issue 7): the SPEC §6 analysis with what the chart needs around it, and
 * "show the working" for one period — the formula, the counts and the events behind the value,
 * with exclusions named.
 */
import type { KpiAnalysis } from '#core/stats/analyze-kpi';
import type { KpiSummary } from './kpi-summary.ts';

export interface KpiDetailResponse {
  summary: KpiSummary;
  assistant: { id: string; name: string | null; timezone: string };
  analysis: KpiAnalysis;
  /** The baseline's first and last period, as series labels. */
  baseline: { from: string; to: string } | null;
  /** Periods at which a process change started a new phase. */
  processChanges: string[];
  /** Target history as periods, for the target line over time. */
  targets: Array<{ from: string; value: number }>;
}

export interface KpiPointResponse {
  period: string;
  value: number | null;
  /** The metric's formula in words with this period's numbers, e.g. "on time / (on time + late) = 11 / 12". */
  formula: string;
  /** The SPEC §12 counts of this period. */
  counts: Record<string, number | null>;
  /** Every event the metric looked at for this period, counted or not, with the reason when not. */
  events: Array<{ event: Record<string, unknown>; counted: boolean; reason: string | null }>;
}
