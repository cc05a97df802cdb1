/**
 * The overview grid of managers, coaches and agencies (issue 7): every open KPI the caller may see
 * with only what a cell shows. GET …/kpis answers the same KPIs with their whole records, target
 * histories and recent series — about four times the bytes for 200 assistants × 5 KPIs.
 */
import { z } from 'zod';
import { parseInstant } from '#core/time/instant';
import { kpiSummaries } from '#services/kpis/kpi-analysis';
import { KpiListQuery, OverviewKpi } from '#shared/kpi-schemas';
import { memberOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { actorScope } from '../policies/assert-can.ts';
import { presentOverviewKpis } from '../presenters/present-kpi.ts';
import { route } from '../route-kit.ts';
import { json, WsParams } from './params.ts';

const overview = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/overview',
  tags: ['kpis'],
  summary:
    'The overview grid: each proposed or active KPI I may see with its latest period, target, status and trend',
  request: { params: WsParams, query: KpiListQuery },
  responses: { 200: json(z.array(OverviewKpi)) },
});

export function registerOverviewRoute(app: TandemApp): void {
  app.openapi(overview, async (c) => {
    const { ws } = c.req.valid('param');
    const q = c.req.valid('query');
    const deps = c.get('deps');
    const scope = actorScope(memberOf(c), 'kpi.read');
    const asOf = q.asOf === undefined ? deps.now() : parseInstant(q.asOf);
    return c.json(presentOverviewKpis(await kpiSummaries(deps, ws, scope, asOf, q.assistant)), 200);
  });
}
