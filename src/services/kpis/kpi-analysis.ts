/**
 * What the KPI screens read: the SPEC §6 analysis of one KPI with its target line, baseline window
 * and status per bucket (SPEC §5); the target suggested at the baseline's end; one-line summaries
 * for lists; and the SPEC §7 insights of the assistants a caller may see, in the catalogue's words.
 */
import type { PreparedData } from '#core/compute';
import { kpiDefinitionOf } from '#core/insights/insight-input';
import { assertTargetAllowed, type BaselineWindow, baselineWindow } from '#core/kpis/baseline';
import { baselineValue } from '#core/kpis/baseline-value';
import { targetOn } from '#core/kpis/kpi';
import { kpiPoolKind } from '#core/kpis/kpi-definition';
import { localDate } from '#core/kpis/local-date';
import { type SuggestedTarget, suggestTarget } from '#core/kpis/suggest-target';
import { targetForBucket } from '#core/kpis/target-history';
import { type TargetStatus, targetStatus } from '#core/kpis/target-status';
import { analyzeKpiDetail, type KpiAnalysisDetail } from '#core/stats/analyze-kpi';
import type { SeriesPoint } from '#core/stats/kpi-series';
import type { Trend } from '#core/stats/trend';
import { AssistantTime } from '#core/time/assistant-time';
import { AppError } from '#src/errors';
import { loadComputeData } from '../metrics/load-compute-data.ts';
import type { AssistantScope, ServiceDeps } from '../service-context.ts';
import type { AssistantViews, InsightView } from './assistant-views.ts';
import { listKpis, loadKpi, type NamedKpi } from './kpi-record.ts';
import { loadAssistantViews } from './load-assistant-views.ts';

export interface KpiPoint extends SeriesPoint {
  /** The target in force on the bucket's first day (SPEC §5), or null. */
  target: number | null;
  status: TargetStatus | null;
}

export interface KpiAnalysisView {
  kpi: NamedKpi;
  /** Local date of asOf in the assistant's zone. */
  today: string;
  analysis: KpiAnalysisDetail;
  points: KpiPoint[];
  baseline: (BaselineWindow & { complete: boolean }) | null;
}

export interface KpiSummaryView {
  kpi: NamedKpi;
  baselineEnds: string | null;
  inBaseline: boolean;
  target: number | null;
  latest: SeriesPoint | null;
  status: TargetStatus | null;
  trend: Trend | null;
  recent: SeriesPoint[];
}

export type { InsightView };

function todayOf(data: PreparedData, assistant: string, asOf: number): string {
  const def = data.assistants.get(assistant);
  if (!def) throw new AppError('not_found', `No assistant ${assistant}`);
  return localDate(asOf, new AssistantTime(def).zoneAt(asOf));
}

function viewOf(data: PreparedData, k: NamedKpi, asOf: number): KpiAnalysisView {
  const today = todayOf(data, k.assistant, asOf);
  const analysis = analyzeKpiDetail(data, kpiDefinitionOf(k, today), asOf);
  const points = analysis.series.map((p) => {
    const target = targetForBucket(k, p.period);
    return { ...p, target, status: targetStatus(p.value, target, k.direction) };
  });
  const baseline = k.startDate
    ? { ...baselineWindow(k.startDate), complete: today >= baselineWindow(k.startDate).targetsFrom }
    : null;
  return { kpi: k, today, analysis, points, baseline };
}

async function dataFor(deps: ServiceDeps, ws: string, assistant: string): Promise<PreparedData> {
  return loadComputeData(deps.db, ws, [assistant], deps.metricsCache);
}

/** The analysis of one KPI as of an instant. */
export async function kpiAnalysis(
  deps: ServiceDeps,
  ws: string,
  id: string,
  asOf: number,
): Promise<KpiAnalysisView> {
  const k = await loadKpi(deps.db, ws, id);
  return viewOf(await dataFor(deps, ws, k.assistant), k, asOf);
}

/** The target suggested from the baseline (SPEC §5); `baseline_in_progress` with the end date before. */
export async function suggestedTarget(
  deps: ServiceDeps,
  ws: string,
  id: string,
  asOf: number,
): Promise<SuggestedTarget & { effectiveFrom: string }> {
  const k = await loadKpi(deps.db, ws, id);
  const data = await dataFor(deps, ws, k.assistant);
  const today = todayOf(data, k.assistant, asOf);
  assertTargetAllowed(k, today);
  const { analysis } = viewOf(data, k, asOf);
  const b = baselineValue(analysis.series, analysis.weights, k.startDate as string, kpiPoolKind(k));
  if (b === null)
    throw new AppError(
      'unprocessable',
      'The baseline has no values yet: a target needs some data to start from',
      {
        kpi: k.id,
      },
    );
  return { ...suggestTarget(k, b), effectiveFrom: today };
}

/**
 * One line per KPI for lists: the last complete period against the target in force today. Each
 * assistant's figures come from its own rows, without forecasts, kept per asOf step
 * (assistant-views.ts), so the agency overview's repeat is a lookup.
 */
export async function kpiSummaries(
  deps: ServiceDeps,
  ws: string,
  scope: AssistantScope,
  asOf: number,
  assistant?: string,
): Promise<KpiSummaryView[]> {
  if (assistant !== undefined && scope !== 'all' && !scope.includes(assistant))
    throw new AppError('not_found', `No assistant ${assistant}`);
  const all = await listKpis(deps.db, ws, assistant);
  const visible = all.filter((k) => scope === 'all' || scope.includes(k.assistant));
  const views = await loadAssistantViews(deps, ws, [...new Set(visible.map((k) => k.assistant))]);
  return visible.map((k) => {
    const view = views.get(k.assistant);
    if (!view) throw new AppError('not_found', `No assistant ${k.assistant}`);
    const today = view.today(asOf);
    const baseline = k.startDate ? baselineWindow(k.startDate) : null;
    const base = {
      kpi: k,
      baselineEnds: baseline?.lastDay ?? null,
      inBaseline: baseline !== null && today < baseline.targetsFrom,
      target: targetOn(k, today),
    };
    if (k.status !== 'active') return { ...base, latest: null, status: null, trend: null, recent: [] };
    return { ...base, ...view.summary(k, asOf) };
  });
}

/** The SPEC §7 insights of the assistants in scope (or one), in the catalogue's words. */
export async function insightsOf(
  deps: ServiceDeps,
  ws: string,
  scope: AssistantScope,
  asOf: number,
  assistant?: string,
): Promise<InsightView[]> {
  if (assistant !== undefined && scope !== 'all' && !scope.includes(assistant))
    throw new AppError('not_found', `No assistant ${assistant}`);
  const views = await loadAssistantViews(deps, ws, assistant !== undefined ? [assistant] : scope);
  if (assistant !== undefined && !views.has(assistant))
    throw new AppError('not_found', `No assistant ${assistant}`);
  const byAssistant = new Map<string, NamedKpi[]>();
  for (const k of await listKpis(deps.db, ws, assistant)) {
    const list = byAssistant.get(k.assistant);
    if (list) list.push(k);
    else byAssistant.set(k.assistant, [k]);
  }
  const out: InsightView[] = [];
  for (const a of [...views.keys()].sort())
    out.push(...(views.get(a) as AssistantViews).insights(byAssistant.get(a) ?? [], asOf));
  return out;
}
