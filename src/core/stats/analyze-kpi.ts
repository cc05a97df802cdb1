/**
 * Everything SPEC §6 says about one KPI, from the same functions compute uses: its series, phases
 * with XmR limits, signals, trend and forecast. `tandem analyze` prints this; the server's KPI
 * screens show it.
 */
import { AppError } from '../../errors.ts';
import type { PreparedData } from '../compute.ts';
import type { RecordSource } from '../compute-memo.ts';
import {
  assertKpiFilter,
  assertProcessChanges,
  isKpiMetric,
  type KpiDefinition,
  kpiPeriod,
  kpiPoolKind,
  kpiScale,
} from '../kpis/kpi-definition.ts';
import { assertManualLabels } from '../kpis/manual-values.ts';
import { AssistantTime } from '../time/assistant-time.ts';
import type { Period } from '../time/calendar.ts';
import { backtestMAE, forecastBucket, type WeightedValue } from './forecast.ts';
import { kpiBuckets } from './kpi-buckets.ts';
import { kpiSeries, lastCompleteBucket, type SeriesPoint } from './kpi-series.ts';
import { phaseStarts } from './phases.ts';
import { detectSignals, type PhaseSpan, type Signal } from './signals.ts';
import { type Trend, trend } from './trend.ts';
import { xmrLimits } from './xmr-limits.ts';

export interface PhaseOut {
  from: string;
  centre: number | null;
  lower: number | null;
  upper: number | null;
}

export interface PeriodForecast {
  period: string;
  value: number;
  lower: number;
  upper: number;
}

export interface KpiForecast {
  /** The current month; null only for a manual KPI kept per quarter (no month values exist). */
  month: PeriodForecast | null;
  quarter: PeriodForecast | null;
  /** One-step-ahead mean absolute error over the series; null until a bucket had 4 earlier values. */
  backtestMAE: number | null;
}

/** The SPEC §6 structure for one KPI. */
export interface KpiAnalysis {
  kpi: string;
  series: SeriesPoint[];
  phases: PhaseOut[];
  signals: Signal[];
  trend: Trend | null;
  forecast: KpiForecast | null;
}

/** What a caller of analyzeKpiDetail may leave out or share. */
export interface AnalyzeOptions {
  /**
   * False: no forecast (`forecast` is null). Lists and insights read complete buckets only, and
   * the forecast reads compute twice more for the current month and quarter.
   */
  forecast?: boolean;
  /** Answers compute requests over the same data, so KPIs of one pass share their records. */
  records?: RecordSource;
}

/** The analysis plus the weights behind each bucket (for insights and target suggestions). */
export interface KpiAnalysisDetail extends KpiAnalysis {
  period: Period;
  weights: number[];
}

function forecastFor(
  data: PreparedData,
  kpi: KpiDefinition,
  time: AssistantTime,
  history: WeightedValue[],
  period: Period,
  target: 'month' | 'quarter',
  asOf: number,
  records: RecordSource | undefined,
): PeriodForecast | null {
  // A manual KPI kept per quarter has no month values to forecast.
  if (kpi.metric === 'manual' && period === 'quarter' && target === 'month') return null;
  const label = time.bucketOf(asOf, target);
  const observed = kpiBuckets(data, kpi, time, period, target, asOf, records);
  const { end } = time.bucketBounds(label);
  const current = time.bucketBounds(time.bucketOf(asOf, period));
  const f = forecastBucket({
    history,
    kind: kpiPoolKind(kpi),
    observed: observed.get(label) ?? null,
    remaining: Math.max(0, end - asOf) / (current.end - current.start),
    scale: kpiScale(kpi),
  });
  return f && { period: label, ...f };
}

/** Analyses one KPI as of an instant (SPEC §6). Throws AppError for an unknown metric, assistant or filter. */
export function analyzeKpiDetail(
  data: PreparedData,
  kpi: KpiDefinition,
  asOf: number,
  opts: AnalyzeOptions = {},
): KpiAnalysisDetail {
  if (!isKpiMetric(kpi.metric))
    throw new AppError('validation_failed', `Unknown metric ${String(kpi.metric)}`, { kpi: kpi.id });
  assertKpiFilter(kpi);
  assertProcessChanges(kpi);
  const def = data.assistants.get(kpi.assistant);
  if (!def)
    throw new AppError('unknown_assistant', `unknown assistant ${kpi.assistant}`, {
      assistant: kpi.assistant,
      kpi: kpi.id,
    });
  const time = new AssistantTime(def);
  const period = kpiPeriod(kpi);
  const reported = kpiBuckets(data, kpi, time, period, period, asOf, opts.records);
  const countMetric = kpiPoolKind(kpi) === 'sum';
  const series = kpiSeries(new Map([...reported].map(([l, b]) => [l, b.value])), {
    lastComplete: lastCompleteBucket(time, asOf, period),
    countMetric,
  });
  const weights = series.map((p) => reported.get(p.period)?.weight ?? (countMetric ? 1 : 0));
  const starts = phaseStarts(
    series.map((p) => p.period),
    kpi.processChanges ?? [],
    period,
  );
  const scale = kpiScale(kpi);
  const spans: PhaseSpan[] = starts.map((start, i) => {
    const end = starts[i + 1] ?? series.length;
    return {
      start,
      end,
      limits: xmrLimits(
        series.slice(start, end).map((p) => p.value),
        scale,
      ),
    };
  });
  const history = series.map((p, i) => ({ value: p.value, weight: weights[i] ?? 0 }));
  const withForecast = opts.forecast !== false;
  const month = withForecast
    ? forecastFor(data, kpi, time, history, period, 'month', asOf, opts.records)
    : null;
  const quarter = withForecast
    ? forecastFor(data, kpi, time, history, period, 'quarter', asOf, opts.records)
    : null;
  return {
    kpi: kpi.id,
    series,
    phases: spans.map((s) => ({ from: series[s.start]?.period as string, ...s.limits })),
    signals: detectSignals(series, spans),
    trend: trend(series, kpi.direction),
    forecast:
      month === null && quarter === null
        ? null
        : { month, quarter, backtestMAE: backtestMAE(history, kpiPoolKind(kpi)) },
    period,
    weights,
  };
}

/** The SPEC §6 structure for one KPI, exactly as `tandem analyze --json` prints it. */
export function analyzeKpi(data: PreparedData, kpi: KpiDefinition, asOf: number): KpiAnalysis {
  const { period: _p, weights: _w, ...out } = analyzeKpiDetail(data, kpi, asOf);
  return out;
}

/** Analyses KPIs sorted by id (plain string order), as `tandem analyze` lists them; an AppError names the KPI. */
export function analyzeKpis(data: PreparedData, kpis: readonly KpiDefinition[], asOf: number): KpiAnalysis[] {
  const rows = Array.isArray(data.rows) ? data.rows : [...data.rows];
  const shared: PreparedData = { assistants: data.assistants, rows };
  return [...kpis]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((k) => {
      try {
        // The analyze input is checked whole: a manual value of another period is an input error.
        assertManualLabels(rows, k);
        return analyzeKpi(shared, k, asOf);
      } catch (err) {
        // Name the KPI, so a caller can say which one of the list is wrong.
        if (err instanceof AppError) throw new AppError(err.code, err.message, { ...err.details, kpi: k.id });
        throw err;
      }
    });
}
