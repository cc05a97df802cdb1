/**
 * Skill gaps and development plans (SPEC §8 "Training and development"). The manager, the coach
 * and the assistant turn a gap into a plan together, so all three write (owners too); viewers read.
 */
import type { z } from 'zod';
import {
  addPlanItem,
  createPlan,
  developmentOverview,
  getPlan,
  loadPlanItem,
  loadPlanRow,
  updatePlan,
  updatePlanItem,
} from '#services/development/development-plans';
import {
  CreatePlanBody,
  DevelopmentItem,
  DevelopmentItemBody,
  DevelopmentOverview,
  DevelopmentPlan,
  DevelopmentQuery,
  UpdateDevelopmentItemBody,
  UpdatePlanBody,
} from '#shared/development-schemas';
import { type AppContext, actorOf, memberOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { assertCan } from '../policies/assert-can.ts';
import type { Action } from '../policies/permission-matrix.ts';
import { route } from '../route-kit.ts';
import { json, jsonBody, WsIdParams, WsParams } from './params.ts';

const WS = '/api/v1/workspaces/{ws}';
const tags = ['development'];

/** Checks the caller may do `action` on the plan's assistant (404 outside the scope). */
async function planFor(c: AppContext, ws: string, id: string, action: Action): Promise<void> {
  const row = await loadPlanRow(c.get('deps').db, ws, id);
  assertCan(memberOf(c), action, row.assistantId);
}

const overview = route({
  method: 'get',
  path: `${WS}/development`,
  tags,
  summary:
    "One assistant's skill gaps (a KPI or rubric criterion below target 4+ weeks) and development plans",
  request: { params: WsParams, query: DevelopmentQuery },
  responses: { 200: json(DevelopmentOverview) },
});
const create = route({
  method: 'post',
  path: `${WS}/development-plans`,
  tags,
  summary: 'Start a development plan for a skill gap (or for growth), with its first items',
  request: { params: WsParams, body: jsonBody(CreatePlanBody) },
  responses: { 201: json(DevelopmentPlan, 'Created') },
});
const get = route({
  method: 'get',
  path: `${WS}/development-plans/{id}`,
  tags,
  summary: "A plan with its items, progress and its KPI's movement since it started",
  request: { params: WsIdParams },
  responses: { 200: json(DevelopmentPlan) },
});
const update = route({
  method: 'patch',
  path: `${WS}/development-plans/{id}`,
  tags,
  summary: 'Rename a plan, or mark it completed, cancelled or active again',
  request: { params: WsIdParams, body: jsonBody(UpdatePlanBody) },
  responses: { 200: json(DevelopmentPlan) },
});
const addItem = route({
  method: 'post',
  path: `${WS}/development-plans/{id}/items`,
  tags,
  summary: 'Add an item: a workshop, course, mentoring or practice task with an owner and a due date',
  request: { params: WsIdParams, body: jsonBody(DevelopmentItemBody) },
  responses: { 201: json(DevelopmentItem, 'Created') },
});
const updateItem = route({
  method: 'patch',
  path: `${WS}/development-items/{id}`,
  tags,
  summary: 'Change an item, or its status (planned, in progress, done)',
  request: { params: WsIdParams, body: jsonBody(UpdateDevelopmentItemBody) },
  responses: { 200: json(DevelopmentItem) },
});

export function registerDevelopmentRoutes(app: TandemApp): void {
  app.openapi(overview, async (c) => {
    const { ws } = c.req.valid('param');
    const { assistant } = c.req.valid('query');
    assertCan(memberOf(c), 'development.read', assistant);
    return c.json(await developmentOverview(c.get('deps'), ws, assistant), 200);
  });
  app.openapi(create, async (c) => {
    const body = c.req.valid('json') as z.infer<typeof CreatePlanBody>;
    assertCan(memberOf(c), 'development.write', body.assistant);
    return c.json(await createPlan(c.get('deps'), actorOf(c), body), 201);
  });
  app.openapi(get, async (c) => {
    const { ws, id } = c.req.valid('param');
    await planFor(c, ws, id, 'development.read');
    return c.json(await getPlan(c.get('deps'), ws, id), 200);
  });
  app.openapi(update, async (c) => {
    const { ws, id } = c.req.valid('param');
    await planFor(c, ws, id, 'development.write');
    return c.json(await updatePlan(c.get('deps'), actorOf(c), id, c.req.valid('json')), 200);
  });
  app.openapi(addItem, async (c) => {
    const { ws, id } = c.req.valid('param');
    await planFor(c, ws, id, 'development.write');
    return c.json(await addPlanItem(c.get('deps'), actorOf(c), id, c.req.valid('json')), 201);
  });
  app.openapi(updateItem, async (c) => {
    const { ws, id } = c.req.valid('param');
    const item = await loadPlanItem(c.get('deps').db, ws, id);
    assertCan(memberOf(c), 'development.write', item.assistant);
    return c.json(await updatePlanItem(c.get('deps'), actorOf(c), id, c.req.valid('json')), 200);
  });
}
