/**
 * The quarterly relevance review (SPEC §8): the two sides — the assistant and their manager (or an
 * owner) — open a quarter's review, read its agenda and apply one decision per active KPI with a
 * reason; coaches and viewers read.
 */
import type { z } from 'zod';
import {
  applyQuarterlyDecisions,
  createQuarterlyReview,
  getQuarterlyReview,
  listQuarterlyReviews,
  loadQuarterlyRow,
} from '#services/quarterly/quarterly-reviews';
import {
  ApplyDecisionsBody,
  CreateQuarterlyReviewBody,
  QuarterlyReview,
  QuarterlyReviewListQuery,
  QuarterlyReviewSummary,
} from '#shared/quarterly-review-schemas';
import { type AppContext, actorOf, memberOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { assertCan } from '../policies/assert-can.ts';
import type { Action } from '../policies/permission-matrix.ts';
import { route } from '../route-kit.ts';
import { json, jsonBody, WsIdParams, WsParams } from './params.ts';

const BASE = '/api/v1/workspaces/{ws}/quarterly-reviews';
const tags = ['quarterly reviews'];

/** Checks the caller may do `action` on the review's assistant (404 outside the scope). */
async function reviewFor(c: AppContext, ws: string, id: string, action: Action): Promise<void> {
  const row = await loadQuarterlyRow(c.get('deps').db, ws, id);
  assertCan(memberOf(c), action, row.assistantId);
}

const list = route({
  method: 'get',
  path: BASE,
  tags,
  summary: "One assistant's quarterly relevance reviews, newest quarter first",
  request: { params: WsParams, query: QuarterlyReviewListQuery },
  responses: { 200: json(QuarterlyReviewSummary.array()) },
});
const create = route({
  method: 'post',
  path: BASE,
  tags,
  summary: 'Open the review of a quarter (one per assistant and quarter) with its agenda',
  request: { params: WsParams, body: jsonBody(CreateQuarterlyReviewBody) },
  responses: { 201: json(QuarterlyReview, 'Created') },
});
const get = route({
  method: 'get',
  path: `${BASE}/{id}`,
  tags,
  summary:
    "A review: each active KPI's months against target, raise-the-bar and signals, and the decisions once applied",
  request: { params: WsIdParams },
  responses: { 200: json(QuarterlyReview) },
});
const apply = route({
  method: 'post',
  path: `${BASE}/{id}/decisions`,
  tags,
  summary:
    'Apply the decisions (keep / adjust target / replace / retire per active KPI, add KPIs), each with a reason, in one transaction',
  request: { params: WsIdParams, body: jsonBody(ApplyDecisionsBody) },
  responses: { 200: json(QuarterlyReview) },
});

export function registerQuarterlyReviewRoutes(app: TandemApp): void {
  app.openapi(list, async (c) => {
    const { ws } = c.req.valid('param');
    const { assistant } = c.req.valid('query');
    assertCan(memberOf(c), 'quarterly.read', assistant);
    return c.json(await listQuarterlyReviews(c.get('deps'), ws, assistant), 200);
  });
  app.openapi(create, async (c) => {
    const body = c.req.valid('json') as z.infer<typeof CreateQuarterlyReviewBody>;
    assertCan(memberOf(c), 'quarterly.write', body.assistant);
    return c.json(await createQuarterlyReview(c.get('deps'), actorOf(c), body), 201);
  });
  app.openapi(get, async (c) => {
    const { ws, id } = c.req.valid('param');
    await reviewFor(c, ws, id, 'quarterly.read');
    return c.json(await getQuarterlyReview(c.get('deps'), ws, id), 200);
  });
  app.openapi(apply, async (c) => {
    const { ws, id } = c.req.valid('param');
    await reviewFor(c, ws, id, 'quarterly.write');
    const { decisions } = c.req.valid('json') as z.infer<typeof ApplyDecisionsBody>;
    return c.json(await applyQuarterlyDecisions(c.get('deps'), actorOf(c), id, decisions), 200);
  });
}
