/**
 * Live connections (issue 9 item 1): Settings → Integrations over the API. Owners and managers
 * create, change, rotate and remove connections (like the import options they share, SPEC §10);
 * a secret Tandem makes is in the creating (or rotating) answer only. Each assistant's page reads
 * the freshness of the sources that feed it.
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { assistants } from '#db/schema/assistants';
import { sourceFreshness } from '#services/webhooks/source-freshness';
import {
  connectionRow,
  connectionView,
  createConnection,
  listConnections,
  listDeliveries,
  revokeConnection,
  rotateConnectionSecret,
  updateConnection,
} from '#services/webhooks/webhook-connections';
import {
  Connection,
  ConnectionList,
  ConnectionWithSecret,
  CreateConnectionBody,
  DeliveryList,
  RotateConnectionBody,
  SourceFreshnessList,
  UpdateConnectionBody,
} from '#shared/webhook-schemas';
import { AppError } from '#src/errors';
import { actorOf, memberOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { assertCan } from '../policies/assert-can.ts';
import { route } from '../route-kit.ts';
import { json, jsonBody, WsIdParams, WsParams } from './params.ts';

const BASE = '/api/v1/workspaces/{ws}';
const tags = ['integrations'];

const list = route({
  method: 'get',
  path: `${BASE}/connections`,
  tags,
  summary: 'Live connections (webhooks from Trello, Asana, Slack, Toggl, Clockify)',
  request: { params: WsParams },
  responses: { 200: json(ConnectionList) },
});
const create = route({
  method: 'post',
  path: `${BASE}/connections`,
  tags,
  summary: 'Create a connection; its callback URL goes to the provider (audited)',
  description:
    'A secret Tandem makes (Toggl, when none is given) is in this answer only. An Asana connection waits for the handshake for 15 minutes.',
  request: { params: WsParams, body: jsonBody(CreateConnectionBody) },
  responses: { 201: json(ConnectionWithSecret, 'Created') },
});
const get = route({
  method: 'get',
  path: `${BASE}/connections/{id}`,
  tags,
  summary: 'One connection: status, callback URL, last delivery',
  request: { params: WsIdParams },
  responses: { 200: json(Connection) },
});
const update = route({
  method: 'patch',
  path: `${BASE}/connections/{id}`,
  tags,
  summary: "Change a connection's name, options, identities, assistant or zone (audited)",
  request: { params: WsIdParams, body: jsonBody(UpdateConnectionBody) },
  responses: { 200: json(Connection) },
});
const remove = route({
  method: 'delete',
  path: `${BASE}/connections/{id}`,
  tags,
  summary: 'Remove a connection: its URL answers 410 from now on (audited)',
  request: { params: WsIdParams },
  responses: { 200: json(Connection) },
});
const rotate = route({
  method: 'post',
  path: `${BASE}/connections/{id}/rotate`,
  tags,
  summary: 'Replace the secret (Asana: open a new handshake window); audited',
  request: { params: WsIdParams, body: jsonBody(RotateConnectionBody) },
  responses: { 200: json(ConnectionWithSecret) },
});
const deliveries = route({
  method: 'get',
  path: `${BASE}/connections/{id}/deliveries`,
  tags,
  summary: 'The latest deliveries of a connection, with the error of any that failed',
  request: { params: WsIdParams },
  responses: { 200: json(DeliveryList) },
});
const sources = route({
  method: 'get',
  path: `${BASE}/assistants/{id}/sources`,
  tags,
  summary: 'The live connections feeding an assistant, and since when a quiet one has been quiet',
  request: { params: WsIdParams },
  responses: { 200: json(SourceFreshnessList) },
});

export function registerConnectionRoutes(app: TandemApp): void {
  app.openapi(list, async (c) => {
    const { ws } = c.req.valid('param');
    return c.json((await listConnections(c.get('deps').db, ws)) as z.infer<typeof ConnectionList>, 200);
  });
  app.openapi(create, async (c) => {
    const out = await createConnection(c.get('deps'), actorOf(c), c.req.valid('json'));
    return c.json(out as z.infer<typeof ConnectionWithSecret>, 201);
  });
  app.openapi(get, async (c) => {
    const { ws, id } = c.req.valid('param');
    return c.json(
      connectionView(await connectionRow(c.get('deps').db, ws, id)) as z.infer<typeof Connection>,
      200,
    );
  });
  app.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const out = await updateConnection(c.get('deps'), actorOf(c), id, c.req.valid('json'));
    return c.json(out as z.infer<typeof Connection>, 200);
  });
  app.openapi(remove, async (c) => {
    const { id } = c.req.valid('param');
    return c.json((await revokeConnection(c.get('deps'), actorOf(c), id)) as z.infer<typeof Connection>, 200);
  });
  app.openapi(rotate, async (c) => {
    const { id } = c.req.valid('param');
    const out = await rotateConnectionSecret(c.get('deps'), actorOf(c), id, c.req.valid('json'));
    return c.json(out as z.infer<typeof ConnectionWithSecret>, 200);
  });
  app.openapi(deliveries, async (c) => {
    const { ws, id } = c.req.valid('param');
    return c.json((await listDeliveries(c.get('deps').db, ws, id)) as z.infer<typeof DeliveryList>, 200);
  });
  app.openapi(sources, async (c) => {
    const { ws, id } = c.req.valid('param');
    assertCan(memberOf(c), 'assistant.read', id);
    const deps = c.get('deps');
    const [a] = await deps.db
      .select({ id: assistants.id })
      .from(assistants)
      .where(and(eq(assistants.workspaceId, ws), eq(assistants.id, id)));
    if (!a) throw new AppError('not_found', `No assistant ${id}`);
    return c.json(await sourceFreshness(deps.db, ws, id, deps.now()), 200);
  });
}
