/**
 * The analysis answer (SPEC §6 as `tandem analyze` prints it, with loosely typed parts) read into
 * the core shapes the chart draws, checking each field. The baseline window, process changes and
 * target line as labels of the KPI's own period come from `src/shared` (the review PDF uses them too).
 */
import type { KpiAnalysis, KpiForecast, PeriodForecast, PhaseOut } from '#core/stats/analyze-kpi';
import type { Signal } from '#core/stats/signals';
import type { Trend } from '#core/stats/trend';
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

export {
  baselineLabels,
  labelIn,
  processChangeLabels,
  targetsBySeries,
} from '#shared/charts/control-chart-input';
