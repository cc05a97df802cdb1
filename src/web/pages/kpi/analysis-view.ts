/**
 * The analysis answer (SPEC §6 as `tandem analyze` prints it, with loosely typed parts) read into
 * the core shapes the chart draws, checking each field; and the baseline window and process
 * changes as labels of the KPI's own period.
 */
import type { KpiAnalysis, KpiForecast, PeriodForecast, PhaseOut } from '#core/stats/analyze-kpi';
import type { Signal } from '#core/stats/signals';
import type { Trend } from '#core/stats/trend';
import { bucketLabelOfDay, type Period, parseDate, periodOfLabel } from '#core/time/calendar';
import type { KpiAnalysisAnswer } from '../../api/kpis-api.ts';

type Loose = Record<string, unknown>;

const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const isRecord = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

function phase(p: Loose): PhaseOut {
  return {
    from: String(p.from ?? ''),
    centre: numOrNull(p.centre),
    lower: numOrNull(p.lower),
    upper: numOrNull(p.upper),
  };
}

function signal(s: Loose): Signal | null {
  const rule = s.rule === 'outside' || s.rule === 'run' ? s.rule : null;
  const side = s.side === 'above' || s.side === 'below' ? s.side : null;
  return rule && side && typeof s.period === 'string' ? { period: s.period, rule, side } : null;
}

function trend(t: Loose | null): Trend | null {
  if (!t) return null;
  const d = t.direction;
  const slope = numOrNull(t.slope);
  const p = numOrNull(t.p);
  if ((d === 'improving' || d === 'stable' || d === 'declining') && slope !== null && p !== null)
    return { direction: d, slope, p };
  return null;
}

function periodForecast(v: unknown): PeriodForecast | null {
  if (!isRecord(v) || typeof v.period !== 'string') return null;
  const value = numOrNull(v.value);
  const lower = numOrNull(v.lower);
  const upper = numOrNull(v.upper);
  return value !== null && lower !== null && upper !== null
    ? { period: v.period, value, lower, upper }
    : null;
}

function forecast(f: Loose | null): KpiForecast | null {
  if (!f) return null;
  return {
    month: periodForecast(f.month),
    quarter: periodForecast(f.quarter),
    backtestMAE: numOrNull(f.backtestMAE),
  };
}

export function toKpiAnalysis(answer: KpiAnalysisAnswer): KpiAnalysis {
  const a = answer.analysis;
  return {
    kpi: a.kpi,
    series: a.series,
    phases: a.phases.map(phase),
    signals: a.signals.map(signal).filter((s): s is Signal => s !== null),
    trend: trend(a.trend),
    forecast: forecast(a.forecast),
  };
}

/** A local date or a bucket label as a label of `period`. */
export function labelIn(dateOrLabel: string, period: Period): string | null {
  if (periodOfLabel(dateOrLabel) === period) return dateOrLabel;
  const day = parseDate(dateOrLabel);
  return day === null ? null : bucketLabelOfDay(day, period);
}

/** The baseline's first and last bucket in the KPI's period. */
export function baselineLabels(answer: KpiAnalysisAnswer): { from: string; to: string } | null {
  const b = answer.baseline;
  if (!b) return null;
  const from = labelIn(b.from, answer.analysis.period);
  const to = labelIn(b.lastDay, answer.analysis.period);
  return from && to ? { from, to } : null;
}

export function processChangeLabels(answer: KpiAnalysisAnswer): string[] {
  return (answer.kpi.processChanges ?? [])
    .map((c) => labelIn(c, answer.analysis.period))
    .filter((l): l is string => l !== null);
}

/** The target in force in each period of the series. */
export function targetsBySeries(answer: KpiAnalysisAnswer): (number | null)[] {
  const byPeriod = new Map(answer.points.map((p) => [p.period, p.target]));
  return answer.analysis.series.map((p) => byPeriod.get(p.period) ?? null);
}
