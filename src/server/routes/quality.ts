/**
 * Quality sampling (issue 8; SPEC §8, §9): the weekly sample of completed tasks, rated with the
 * role's rubric by the manager's side — a rating is a §3 rating event — or skipped. Everyone who
 * may see the assistant reads the queue; the assistant sees their own.
 */
import { listSamples, loadSampleRow, rateSample, skipSample } from '#services/quality/quality-samples';
import { QualitySample, QualitySampleQuery, RateSampleBody } from '#shared/quality-schemas';
import { actorOf, memberOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { actorScope, assertCan } from '../policies/assert-can.ts';
import { route } from '../route-kit.ts';
import { json, jsonBody, WsIdParams, WsParams } from './params.ts';

const BASE = '/api/v1/workspaces/{ws}/quality-samples';
const tags = ['quality'];

const list = route({
  method: 'get',
  path: BASE,
  tags,
  summary:
    "The weekly quality samples of the caller's assistants (this week's draw made first), pending first",
  request: { params: WsParams, query: QualitySampleQuery },
  responses: { 200: json(QualitySample.array()) },
});
const rate = route({
  method: 'post',
  path: `${BASE}/{id}/rating`,
  tags,
  summary: "Rate a sampled task with the role's rubric; stored as a rating event (workRef: the task)",
  request: { params: WsIdParams, body: jsonBody(RateSampleBody) },
  responses: { 201: json(QualitySample, 'Rated') },
});
const skip = route({
  method: 'post',
  path: `${BASE}/{id}/skip`,
  tags,
  summary: 'Leave a sampled task unrated',
  request: { params: WsIdParams },
  responses: { 200: json(QualitySample) },
});

export function registerQualityRoutes(app: TandemApp): void {
  app.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const m = memberOf(c);
    const scope =
      query.assistant === undefined
        ? actorScope(m, 'quality.read')
        : assertCan(m, 'quality.read', query.assistant);
    return c.json(await listSamples(c.get('deps'), actorOf(c), scope, query), 200);
  });
  app.openapi(rate, async (c) => {
    const { ws, id } = c.req.valid('param');
    const row = await loadSampleRow(c.get('deps').db, ws, id);
    const scope = assertCan(memberOf(c), 'quality.rate', row.assistantId);
    return c.json(await rateSample(c.get('deps'), actorOf(c), scope, id, c.req.valid('json')), 201);
  });
  app.openapi(skip, async (c) => {
    const { ws, id } = c.req.valid('param');
    const row = await loadSampleRow(c.get('deps').db, ws, id);
    assertCan(memberOf(c), 'quality.rate', row.assistantId);
    return c.json(await skipSample(c.get('deps'), actorOf(c), id), 200);
  });
}
