/**
 * The KPI lifecycle and analysis (SPEC §5–§7, routes in src/server/routes/kpis.ts): the types are
 * inferred from the shared schemas, never redeclared.
 */
import type { z } from 'zod';
import type {
  Insight,
  KpiAnalysisResponse,
  KpiChange,
  Kpi as KpiSchema,
  KpiSummary as KpiSummarySchema,
  ProposeKpiBody,
  SuggestedTargetResponse,
} from '#shared/kpi-schemas';
import { api } from './api-client.ts';
import { enc, paths } from './paths.ts';
import { useWsMutation, useWsQuery } from './workspace-queries.ts';

export type KpiRecord = z.infer<typeof KpiSchema>;
export type KpiSummary = z.infer<typeof KpiSummarySchema>;
export type KpiAnalysisAnswer = z.infer<typeof KpiAnalysisResponse>;
export type KpiChangeAnswer = z.infer<typeof KpiChange>;
export type InsightAnswer = z.infer<typeof Insight>;
export type ProposeKpi = z.infer<typeof ProposeKpiBody>;
export type SuggestedTarget = z.infer<typeof SuggestedTargetResponse>;

/** Every KPI the viewer may see (optionally one assistant's), each with its last complete period. */
export function useKpiSummaries(ws: string, assistant?: string) {
  return useWsQuery<KpiSummary[]>(ws, paths.kpis, assistant ? { assistant } : undefined, { live: true });
}

export function useInsights(ws: string, assistant?: string) {
  return useWsQuery<InsightAnswer[]>(ws, paths.insights, assistant ? { assistant } : undefined, {
    live: true,
  });
}

export function useKpiAnalysis(ws: string, id: string) {
  return useWsQuery<KpiAnalysisAnswer>(ws, paths.kpiAnalysis(id), undefined, { live: true });
}

export function useProposeKpi(ws: string) {
  return useWsMutation({
    ws,
    request: (body: ProposeKpi) => api<KpiChangeAnswer>(paths.ws(ws, paths.kpis), { json: body }),
  });
}

/** Agree to a proposal; with both sides agreed the KPI is active and its baseline starts. */
export function useAgreeKpi(ws: string) {
  return useWsMutation({
    ws,
    request: (id: string) => api<KpiChangeAnswer>(paths.ws(ws, paths.kpiAgree(id)), { method: 'POST' }),
    success: (r) =>
      r.kpi.status === 'active'
        ? `${r.kpi.name} is active: both of you agreed`
        : `You agreed to ${r.kpi.name}; waiting for the other side`,
  });
}

/** Propose a target from a date; it applies once the other side agrees (SPEC §5). */
export function useProposeTarget(ws: string, id: string) {
  return useWsMutation({
    ws,
    request: (body: { value: number; effectiveFrom?: string }) =>
      api<KpiChangeAnswer>(paths.ws(ws, `kpis/${enc(id)}/targets`), { json: body }),
    success: (r) =>
      r.kpi.pendingTarget ? 'Target proposed; waiting for the other side' : 'Target agreed by both of you',
  });
}

/** Agree to the other side's proposed target: it enters the target history. */
export function useAgreeTarget(ws: string, id: string) {
  return useWsMutation({
    ws,
    request: () => api<KpiChangeAnswer>(paths.ws(ws, `kpis/${enc(id)}/targets/agree`), { method: 'POST' }),
    success: 'Target agreed by both of you',
  });
}
