/**
 * The overview's reads (issue 7). Its route's loader starts them all at once, in parallel with the
 * screen's code and the session, so the grid's data does not wait for its chunks to arrive.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { OverviewKpi } from '#shared/kpi-schemas';
import { OVERVIEW_READS } from './early-reads.ts';
import { paths } from './paths.ts';
import { useWsQuery, wsQueryOptions } from './workspace-queries.ts';

/**
 * The grid's cells (paths.overview), its rows and the filters' choices, each under the key that
 * useWsQuery(ws, name) reads. On a first load the page has already asked (early-reads.ts); the
 * queries take those answers.
 */
export function prefetchOverview(qc: QueryClient, ws: string): void {
  for (const rest of OVERVIEW_READS) void qc.prefetchQuery(wsQueryOptions(ws, rest));
}

/** The grid's open KPIs (GET …/overview), asked again while the page is open. */
export function useOverviewKpis(ws: string) {
  return useWsQuery<OverviewKpi[]>(ws, paths.overview, undefined, { live: true });
}
