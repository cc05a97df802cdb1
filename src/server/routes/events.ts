/**
 * Single events of every §3 type: list (filters, cursor pagination), get, create, replace, delete,
 * and mark/unmark excluded with a reason (audited). Private pulse answers reach only their
 * assistant (SPEC §11). The bulk NDJSON ingest is in ingest.ts.
 */
import { z } from 'zod';
import { parseInstant } from '#core/time/instant';
import { getEvent, listEvents } from '#services/events/list-events';
import { createEvent, deleteEvent, replaceEvent, setExclusion } from '#services/events/save-event';
import { EventBody, EventItem, EventPage, EventTypeParam, ExclusionBody } from '#shared/api-schemas';
import { AppError } from '#src/errors';
import { actorOf, memberOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { actorScope, assertCan } from '../policies/assert-can.ts';
import { decodeCursor, encodeCursor, presentEvent } from '../presenters/present.ts';
import { route } from '../route-kit.ts';
import { EventParams, EventTypeParams, json, jsonBody, WsParams } from './params.ts';

const instant = z
  .string()
  .refine((s) => !Number.isNaN(parseInstant(s)), 'expected an ISO-8601 instant with an offset or Z');

const ListQuery = z.strictObject({
  type: EventTypeParam.optional(),
  assistant: z.string().max(512).optional(),
  client: z.string().max(512).optional(),
  source: z.string().max(512).optional(),
  excluded: z.enum(['true', 'false']).optional(),
  from: instant.optional().describe('Own time ≥ this instant'),
  to: instant.optional().describe('Own time < this instant'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(100).optional(),
});

const list = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/events',
  tags: ['events'],
  summary: 'Events I may see, oldest stored first, with filters and a cursor',
  request: { params: WsParams, query: ListQuery },
  responses: { 200: json(EventPage) },
});
const create = route({
  method: 'post',
  path: '/api/v1/workspaces/{ws}/events/{type}',
  tags: ['events'],
  summary: 'Store one new event of that type',
  request: { params: EventTypeParams, body: jsonBody(EventBody) },
  responses: { 201: json(EventItem, 'Created') },
});
const get = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/events/{type}/{id}',
  tags: ['events'],
  summary: 'One event',
  request: { params: EventParams },
  responses: { 200: json(EventItem) },
});
const put = route({
  method: 'put',
  path: '/api/v1/workspaces/{ws}/events/{type}/{id}',
  tags: ['events'],
  summary: 'Replace an event',
  request: { params: EventParams, body: jsonBody(EventBody) },
  responses: { 200: json(EventItem) },
});
const remove = route({
  method: 'delete',
  path: '/api/v1/workspaces/{ws}/events/{type}/{id}',
  tags: ['events'],
  summary: 'Delete an event',
  request: { params: EventParams },
  responses: { 204: { description: 'Deleted' } },
});
const exclude = route({
  method: 'put',
  path: '/api/v1/workspaces/{ws}/events/{type}/{id}/exclusion',
  tags: ['events'],
  summary: 'Mark an event excluded with a reason: kept on record, counted by no metric (SPEC §3)',
  request: { params: EventParams, body: jsonBody(ExclusionBody) },
  responses: { 200: json(EventItem) },
});
const include = route({
  method: 'delete',
  path: '/api/v1/workspaces/{ws}/events/{type}/{id}/exclusion',
  tags: ['events'],
  summary: 'Count an excluded event again',
  request: { params: EventParams },
  responses: { 200: json(EventItem) },
});

const item = (e: object) => ({ event: { ...e }, updatedAt: new Date().toISOString() });

export function registerEventRoutes(app: TandemApp): void {
  app.openapi(list, async (c) => {
    const { ws } = c.req.valid('param');
    const q = c.req.valid('query');
    const m = memberOf(c);
    const after = decodeCursor(q.cursor);
    if (after === -1)
      throw new AppError('validation_failed', 'query.cursor: not a cursor from this API', {
        field: 'query.cursor',
      });
    const page = await listEvents(
      c.get('deps'),
      ws,
      actorScope(m, 'event.read'),
      m.assistantId,
      {
        type: q.type,
        assistant: q.assistant,
        client: q.client,
        source: q.source,
        excluded: q.excluded === undefined ? undefined : q.excluded === 'true',
        from: q.from === undefined ? undefined : parseInstant(q.from),
        to: q.to === undefined ? undefined : parseInstant(q.to),
      },
      { limit: q.limit, after },
    );
    return c.json({ items: page.items.map(presentEvent), next: encodeCursor(page.next) }, 200);
  });
  app.openapi(create, async (c) => {
    const { type } = c.req.valid('param');
    const body = { ...c.req.valid('json') };
    if (body.type === undefined) body.type = type;
    if (body.type !== type)
      throw new AppError('validation_failed', 'type: must match the URL', { field: 'type' });
    const m = memberOf(c);
    const e = await createEvent(c.get('deps'), actorOf(c), assertCan(m, 'event.write'), body);
    return c.json(item(e), 201);
  });
  app.openapi(get, async (c) => {
    const { ws, type, id } = c.req.valid('param');
    const m = memberOf(c);
    const e = await getEvent(c.get('deps'), ws, actorScope(m, 'event.read'), m.assistantId, type, id);
    return c.json(presentEvent(e), 200);
  });
  app.openapi(put, async (c) => {
    const { type, id } = c.req.valid('param');
    const m = memberOf(c);
    const e = await replaceEvent(
      c.get('deps'),
      actorOf(c),
      assertCan(m, 'event.write'),
      type,
      id,
      c.req.valid('json'),
    );
    return c.json(item(e), 200);
  });
  app.openapi(remove, async (c) => {
    const { type, id } = c.req.valid('param');
    await deleteEvent(c.get('deps'), actorOf(c), assertCan(memberOf(c), 'event.write'), type, id);
    return c.body(null, 204);
  });
  app.openapi(exclude, async (c) => {
    const { type, id } = c.req.valid('param');
    const scope = assertCan(memberOf(c), 'event.exclude');
    const e = await setExclusion(c.get('deps'), actorOf(c), scope, type, id, c.req.valid('json').reason);
    return c.json(item(e), 200);
  });
  app.openapi(include, async (c) => {
    const { type, id } = c.req.valid('param');
    const scope = assertCan(memberOf(c), 'event.exclude');
    const e = await setExclusion(c.get('deps'), actorOf(c), scope, type, id, null);
    return c.json(item(e), 200);
  });
}
