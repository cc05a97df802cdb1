/**
 * KPIs (SPEC §5): propose, agree, amend, retire, replace, targets agreed by both sides after the
 * baseline, process changes; their SPEC §6 analysis; the SPEC §7 insights; the SPEC §9 role templates. Assistants act
 * for themselves, managers for their assigned assistants; coaches and viewers read.
 */
import { z } from 'zod';
import { ROLE_IDS, ROLE_TEMPLATES } from '#core/kpis/role-templates';
import type { MetricFilter } from '#core/metrics/metric-registry';
import { parseInstant } from '#core/time/instant';
import { insightsOf, kpiAnalysis, kpiSummaries, suggestedTarget } from '#services/kpis/kpi-analysis';
import { loadKpi } from '#services/kpis/kpi-record';
import { agreeTargetUseCase, proposeTargetUseCase, withdrawTargetUseCase } from '#services/kpis/kpi-targets';
import {
  addProcessChangeUseCase,
  agreeKpiUseCase,
  amendKpiUseCase,
  proposeFromTemplate,
  proposeKpiUseCase,
  replaceKpiUseCase,
  retireKpiUseCase,
} from '#services/kpis/manage-kpis';
import {
  AmendKpiBody,
  AnalysisQuery,
  FromTemplateBody,
  FromTemplateResponse,
  Insight,
  Kpi,
  KpiAnalysisResponse,
  KpiChange,
  KpiListQuery,
  KpiSummary,
  KpiTarget,
  ProcessChangeBody,
  ProposeKpiBody,
  ProposeTargetBody,
  ReplaceKpiBody,
  RoleTemplateResponse,
  SuggestedTargetResponse,
} from '#shared/kpi-schemas';
import { type AppContext, actorOf, memberOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { actorScope, assertCan } from '../policies/assert-can.ts';
import type { Action } from '../policies/permission-matrix.ts';
import { presentKpi, presentKpiChange, withKpiView } from '../presenters/present-kpi.ts';
import { route } from '../route-kit.ts';
import { json, jsonBody, WsIdParams, WsParams } from './params.ts';

const BASE = '/api/v1/workspaces/{ws}/kpis';
const tags = ['kpis'];

const asOfOf = (c: AppContext, asOf: string | undefined): number =>
  asOf === undefined ? c.get('deps').now() : parseInstant(asOf);

/** Loads the KPI and checks the caller may do `action` on its assistant (404 outside the scope). */
async function kpiFor(c: AppContext, ws: string, id: string, action: Action) {
  const k = await loadKpi(c.get('deps').db, ws, id);
  assertCan(memberOf(c), action, k.assistant);
  return k;
}

const post = (path: string, summary: string, body: z.ZodType, status: 200 | 201 = 200) =>
  route({
    method: 'post',
    path: `${BASE}${path}`,
    tags,
    summary,
    request: { params: path.includes('{id}') ? WsIdParams : WsParams, body: jsonBody(body) },
    responses: { [status]: json(KpiChange) } as Record<200 | 201, ReturnType<typeof json<typeof KpiChange>>>,
  });

const list = route({
  method: 'get',
  path: BASE,
  tags,
  summary: 'The KPIs I may see, each with its last complete period against its target',
  request: { params: WsParams, query: KpiListQuery },
  responses: { 200: json(z.array(KpiSummary)) },
});
const propose = post('', 'Propose a KPI (the proposer agrees; the other side is asked)', ProposeKpiBody, 201);
const fromTemplate = route({
  method: 'post',
  path: `${BASE}/from-template`,
  tags,
  summary:
    "Propose a role template's KPIs for an assistant, skipping those already proposed or active (SPEC §9)",
  request: { params: WsParams, body: jsonBody(FromTemplateBody) },
  responses: { 201: json(FromTemplateResponse, 'Created') },
});
const get = route({
  method: 'get',
  path: `${BASE}/{id}`,
  tags,
  summary: 'One KPI with its agreement state and target history',
  request: { params: WsIdParams },
  responses: { 200: json(Kpi) },
});
const amend = route({
  method: 'patch',
  path: `${BASE}/{id}`,
  tags,
  summary: "Change a proposal's terms (the other side is asked again)",
  request: { params: WsIdParams, body: jsonBody(AmendKpiBody) },
  responses: { 200: json(KpiChange) },
});
const agree = route({
  method: 'post',
  path: `${BASE}/{id}/agree`,
  tags,
  summary: 'Agree to a proposal; with both sides agreed it is active and its 14-day baseline starts',
  request: { params: WsIdParams },
  responses: { 200: json(KpiChange) },
});
const retire = route({
  method: 'post',
  path: `${BASE}/{id}/retire`,
  tags,
  summary: 'Retire an active KPI or withdraw a proposal',
  request: { params: WsIdParams },
  responses: { 200: json(KpiChange) },
});
const replace = post(
  '/{id}/replace',
  'Propose a replacement; it takes over once both agree',
  ReplaceKpiBody,
  201,
);
const proposeTargetRoute = post(
  '/{id}/targets',
  'Propose a target from a date (refused during the baseline); it applies once the other side agrees',
  ProposeTargetBody,
);
const agreeTargetRoute = route({
  method: 'post',
  path: `${BASE}/{id}/targets/agree`,
  tags,
  summary: "Agree to the other side's proposed target: it enters the target history",
  request: { params: WsIdParams },
  responses: { 200: json(KpiChange) },
});
const withdrawTargetRoute = route({
  method: 'delete',
  path: `${BASE}/{id}/targets/proposal`,
  tags,
  summary: 'Withdraw my own target proposal',
  request: { params: WsIdParams },
  responses: { 200: json(KpiChange) },
});
const targets = route({
  method: 'get',
  path: `${BASE}/{id}/targets`,
  tags,
  summary: 'Agreed target history with effective dates',
  request: { params: WsIdParams },
  responses: { 200: json(z.array(KpiTarget)) },
});
const suggested = route({
  method: 'get',
  path: `${BASE}/{id}/suggested-target`,
  tags,
  summary: 'The target suggested at the end of the baseline (409 with the end date before)',
  request: { params: WsIdParams, query: AnalysisQuery },
  responses: { 200: json(SuggestedTargetResponse) },
});
const processChange = post(
  '/{id}/process-changes',
  'Record a process change: a new phase starts there',
  ProcessChangeBody,
);
const analysis = route({
  method: 'get',
  path: `${BASE}/{id}/analysis`,
  tags,
  summary: 'SPEC §6 analysis with the target line, the baseline window and the status per period',
  request: { params: WsIdParams, query: AnalysisQuery },
  responses: { 200: json(KpiAnalysisResponse) },
});
const insights = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/insights',
  tags: ['insights'],
  summary: 'SPEC §7 insights of the assistants I may see, in plain words',
  request: { params: WsParams, query: KpiListQuery },
  responses: { 200: json(z.array(Insight)) },
});
const templates = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/role-templates',
  tags,
  summary: 'SPEC §9 role templates: suggested KPIs, rubric criteria, response benchmark',
  request: { params: WsParams },
  responses: { 200: json(z.array(RoleTemplateResponse)) },
});

export function registerKpiRoutes(app: TandemApp): void {
  app.openapi(list, async (c) => {
    const { ws } = c.req.valid('param');
    const q = c.req.valid('query');
    const scope = actorScope(memberOf(c), 'kpi.read');
    const rows = await kpiSummaries(c.get('deps'), ws, scope, asOfOf(c, q.asOf), q.assistant);
    return c.json(rows.map(withKpiView), 200);
  });
  app.openapi(propose, async (c) => {
    const body = c.req.valid('json') as z.infer<typeof ProposeKpiBody>;
    assertCan(memberOf(c), 'kpi.write', body.assistant);
    const { filter, ...rest } = body;
    const input = {
      ...rest,
      metric: rest.metric as never,
      ...(filter ? { filter: filter as MetricFilter } : {}),
    };
    return c.json(presentKpiChange(await proposeKpiUseCase(c.get('deps'), actorOf(c), input)), 201);
  });
  app.openapi(fromTemplate, async (c) => {
    const { assistant, role } = c.req.valid('json');
    assertCan(memberOf(c), 'kpi.write', assistant);
    const r = await proposeFromTemplate(c.get('deps'), actorOf(c), assistant, role);
    return c.json({ proposed: r.proposed.map(presentKpiChange), skipped: r.skipped }, 201);
  });
  app.openapi(get, async (c) => {
    const { ws, id } = c.req.valid('param');
    return c.json(presentKpi(await kpiFor(c, ws, id, 'kpi.read')), 200);
  });
  app.openapi(amend, async (c) => {
    const { ws, id } = c.req.valid('param');
    await kpiFor(c, ws, id, 'kpi.write');
    const { metric, filter, ...rest } = c.req.valid('json');
    const changes = {
      ...rest,
      ...(metric ? { metric: metric as never } : {}),
      ...(filter ? { filter } : {}),
    };
    return c.json(presentKpiChange(await amendKpiUseCase(c.get('deps'), actorOf(c), id, changes)), 200);
  });
  app.openapi(agree, async (c) => {
    const { ws, id } = c.req.valid('param');
    await kpiFor(c, ws, id, 'kpi.write');
    return c.json(presentKpiChange(await agreeKpiUseCase(c.get('deps'), actorOf(c), id)), 200);
  });
  app.openapi(retire, async (c) => {
    const { ws, id } = c.req.valid('param');
    await kpiFor(c, ws, id, 'kpi.write');
    return c.json(presentKpiChange(await retireKpiUseCase(c.get('deps'), actorOf(c), id)), 200);
  });
  app.openapi(replace, async (c) => {
    const { ws, id } = c.req.valid('param') as z.infer<typeof WsIdParams>;
    await kpiFor(c, ws, id, 'kpi.write');
    const { metric, filter, ...rest } = c.req.valid('json') as z.infer<typeof ReplaceKpiBody>;
    const input = { ...rest, metric: metric as never, ...(filter ? { filter } : {}) };
    return c.json(presentKpiChange(await replaceKpiUseCase(c.get('deps'), actorOf(c), id, input)), 201);
  });
  app.openapi(proposeTargetRoute, async (c) => {
    const { ws, id } = c.req.valid('param') as z.infer<typeof WsIdParams>;
    await kpiFor(c, ws, id, 'kpi.write');
    const { value, effectiveFrom } = c.req.valid('json') as z.infer<typeof ProposeTargetBody>;
    const change = await proposeTargetUseCase(c.get('deps'), actorOf(c), id, value, effectiveFrom);
    return c.json(presentKpiChange(change), 200);
  });
  app.openapi(agreeTargetRoute, async (c) => {
    const { ws, id } = c.req.valid('param');
    await kpiFor(c, ws, id, 'kpi.write');
    return c.json(presentKpiChange(await agreeTargetUseCase(c.get('deps'), actorOf(c), id)), 200);
  });
  app.openapi(withdrawTargetRoute, async (c) => {
    const { ws, id } = c.req.valid('param');
    await kpiFor(c, ws, id, 'kpi.write');
    return c.json(presentKpiChange(await withdrawTargetUseCase(c.get('deps'), actorOf(c), id)), 200);
  });
  app.openapi(targets, async (c) => {
    const { ws, id } = c.req.valid('param');
    return c.json((await kpiFor(c, ws, id, 'kpi.read')).targets, 200);
  });
  app.openapi(suggested, async (c) => {
    const { ws, id } = c.req.valid('param');
    await kpiFor(c, ws, id, 'kpi.read');
    return c.json(await suggestedTarget(c.get('deps'), ws, id, asOfOf(c, c.req.valid('query').asOf)), 200);
  });
  app.openapi(processChange, async (c) => {
    const { ws, id } = c.req.valid('param') as z.infer<typeof WsIdParams>;
    await kpiFor(c, ws, id, 'kpi.write');
    const { at } = c.req.valid('json') as z.infer<typeof ProcessChangeBody>;
    return c.json(presentKpiChange(await addProcessChangeUseCase(c.get('deps'), actorOf(c), id, at)), 200);
  });
  app.openapi(analysis, async (c) => {
    const { ws, id } = c.req.valid('param');
    await kpiFor(c, ws, id, 'kpi.read');
    const view = await kpiAnalysis(c.get('deps'), ws, id, asOfOf(c, c.req.valid('query').asOf));
    return c.json(withKpiView(view), 200);
  });
  app.openapi(insights, async (c) => {
    const { ws } = c.req.valid('param');
    const q = c.req.valid('query');
    const scope = actorScope(memberOf(c), 'kpi.read');
    return c.json(await insightsOf(c.get('deps'), ws, scope, asOfOf(c, q.asOf), q.assistant), 200);
  });
  app.openapi(templates, (c) => {
    const all = ROLE_IDS.map((r) => ROLE_TEMPLATES[r]);
    const plain = all.map((t) => ({
      ...t,
      kpis: t.kpis.map((k) => ({ ...k })),
      activity: t.activity.map((k) => ({ ...k })),
      rubric: [...t.rubric],
    }));
    return c.json(plain, 200);
  });
}
