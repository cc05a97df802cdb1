/**
 * The overview grid (issue 7): assistants × KPIs for managers, coaches and agencies, filterable
 * by client, coach and role. Rows come in the server's order (by name): never a ranking.
 */
import type { KpiSummary } from './kpi-summary.ts';

export interface OverviewRow {
  assistant: { id: string; name: string | null; role: string | null; timezone: string };
  clients: string[];
  /** User ids of the coaches assigned to the assistant. */
  coaches: string[];
  kpis: KpiSummary[];
}

export interface OverviewResponse {
  rows: OverviewRow[];
}
