/**
 * One assistant's KPI summaries and SPEC §7 insights, computed from that assistant's rows alone
 * (compute reads no other assistant's events, SPEC §12), without forecasts (a summary and the
 * insights read complete buckets only, SPEC §6/§7), with each compute request shared among the
 * KPIs and insights of one asOf. Answers are kept per asOf step (core/metrics/as-of-steps.ts):
 * asking again at an asOf of the same step, for a KPI whose whole record (terms, status, targets,
 * process changes) is unchanged, is a map lookup and returns what a fresh computation would. An
 * instance holds one data version of the workspace's rows (kpi-view-cache.ts drops it on a change).
 */
import type { PreparedData } from '#core/compute';
import { memoizedCompute, type RecordSource } from '#core/compute-memo';
import type { Insight } from '#core/insights/insight';
import { describeInsight, type InsightText, valueScaleOf } from '#core/insights/insight-catalogue';
import { kpiDefinitionOf } from '#core/insights/insight-input';
import { assistantInsights } from '#core/insights/insights-for';
import { targetOn } from '#core/kpis/kpi';
import { localDate } from '#core/kpis/local-date';
import { type TargetStatus, targetStatus } from '#core/kpis/target-status';
import { AsOfSteps } from '#core/metrics/as-of-steps';
import { analyzeKpiDetail } from '#core/stats/analyze-kpi';
import type { SeriesPoint } from '#core/stats/kpi-series';
import type { Trend } from '#core/stats/trend';
import { AssistantTime } from '#core/time/assistant-time';
import { AppError } from '#src/errors';
import type { NamedKpi } from './kpi-record.ts';

/** What a KPI summary reads from the series (SPEC §6): the last complete bucket, its status, the trend. */
export interface SummaryFigures {
  latest: SeriesPoint | null;
  status: TargetStatus | null;
  trend: Trend | null;
  /** The last 12 buckets of the series. */
  recent: SeriesPoint[];
}

export type InsightView = Insight & InsightText;

/** Answers kept for one step: a KPI edited many times within it must not grow the map for ever. */
const MAX_KEPT = 512;

export class AssistantViews {
  private readonly time: AssistantTime;
  private readonly steps: AsOfSteps;
  private step: string | null = null;
  private readonly summaries = new Map<string, SummaryFigures>();
  private readonly insightLists = new Map<string, InsightView[]>();
  private memo: { asOf: number; records: RecordSource } | null = null;
  /** How many prepared rows this view holds (for the cache's budget). */
  readonly rows: number;

  /** `data`: this assistant's definition and rows only. */
  constructor(
    readonly id: string,
    private readonly data: PreparedData,
  ) {
    const def = data.assistants.get(id);
    if (!def) throw new AppError('not_found', `No assistant ${id}`);
    this.time = new AssistantTime(def);
    this.steps = new AsOfSteps(data.rows, this.time);
    this.rows = Array.isArray(data.rows) ? data.rows.length : [...data.rows].length;
  }

  /** Local date of asOf in the assistant's zone (SPEC §2, §5). */
  today(asOf: number): string {
    return localDate(asOf, this.time.zoneAt(asOf));
  }

  /** Forgets the answers of another step. */
  private enter(asOf: number): void {
    const step = this.steps.key(asOf);
    if (step === this.step && this.summaries.size + this.insightLists.size < MAX_KEPT) return;
    this.step = step;
    this.summaries.clear();
    this.insightLists.clear();
  }

  /** compute over this assistant's rows, each request once, for one asOf at a time. */
  private records(asOf: number): RecordSource {
    if (this.memo?.asOf !== asOf) this.memo = { asOf, records: memoizedCompute(this.data) };
    return this.memo.records;
  }

  /** The summary figures of one of this assistant's active KPIs as of an instant. */
  summary(k: NamedKpi, asOf: number): SummaryFigures {
    this.enter(asOf);
    const key = JSON.stringify(k);
    const kept = this.summaries.get(key);
    if (kept) return kept;
    const today = this.today(asOf);
    const analysis = analyzeKpiDetail(this.data, kpiDefinitionOf(k, today), asOf, {
      forecast: false,
      records: this.records(asOf),
    });
    const latest = analysis.series.at(-1) ?? null;
    const figures: SummaryFigures = {
      latest,
      status: latest ? targetStatus(latest.value, targetOn(k, today), k.direction) : null,
      trend: analysis.trend,
      recent: analysis.series.slice(-12),
    };
    this.summaries.set(key, figures);
    return figures;
  }

  /** The assistant's insights in the catalogue's words; `kpis`: this assistant's KPIs, any status. */
  insights(kpis: readonly NamedKpi[], asOf: number): InsightView[] {
    this.enter(asOf);
    const key = JSON.stringify(kpis);
    const kept = this.insightLists.get(key);
    if (kept) return kept;
    const byId = new Map(kpis.map((k) => [k.id, k]));
    const list = assistantInsights(this.data, {
      assistant: this.id,
      kpis,
      asOf,
      records: this.records(asOf),
    }).map((i) => {
      const k = i.kpi === undefined ? undefined : byId.get(i.kpi);
      return { ...i, ...describeInsight(i, k?.name, k === undefined ? undefined : valueScaleOf(k.metric)) };
    });
    this.insightLists.set(key, list);
    return list;
  }
}
