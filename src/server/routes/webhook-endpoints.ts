/**
 * Outbound webhook endpoints (issue 9 item 5): list, create (the secret shown once), read,
 * change, delete, rotate the secret (shown once), send a test message, and the delivery log.
 * Owners and managers only (`webhook.manage`).
 */
import { z } from 'zod';
import { listWebhookDeliveries } from '#services/outbound-webhooks/webhook-delivery-log';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from '#services/outbound-webhooks/webhook-endpoints';
import {
  CreateWebhookEndpointBody,
  UpdateWebhookEndpointBody,
  WebhookDelivery,
  WebhookDeliveryQuery,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookTestResult,
} from '#shared/outbound-webhook-schemas';
import { actorOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { route } from '../route-kit.ts';
import { json, jsonBody, WsIdParams, WsParams } from './params.ts';

const BASE = '/api/v1/workspaces/{ws}/webhook-endpoints';
const tags = ['webhooks'];

const list = route({
  method: 'get',
  path: BASE,
  tags,
  summary: 'The outbound webhook endpoints of the workspace',
  request: { params: WsParams },
  responses: { 200: json(z.array(WebhookEndpoint)) },
});
const create = route({
  method: 'post',
  path: BASE,
  tags,
  summary: 'Register an endpoint (audited); its signing secret is shown once',
  request: { params: WsParams, body: jsonBody(CreateWebhookEndpointBody) },
  responses: { 201: json(WebhookEndpointWithSecret, 'Created') },
});
const get = route({
  method: 'get',
  path: `${BASE}/{id}`,
  tags,
  summary: 'One endpoint (never its secret)',
  request: { params: WsIdParams },
  responses: { 200: json(WebhookEndpoint) },
});
const update = route({
  method: 'patch',
  path: `${BASE}/{id}`,
  tags,
  summary: 'Change the URL, description, events or whether it is enabled (audited)',
  request: { params: WsIdParams, body: jsonBody(UpdateWebhookEndpointBody) },
  responses: { 200: json(WebhookEndpoint) },
});
const remove = route({
  method: 'delete',
  path: `${BASE}/{id}`,
  tags,
  summary: 'Delete an endpoint and its delivery log (audited)',
  request: { params: WsIdParams },
  responses: { 204: { description: 'Deleted' } },
});
const rotate = route({
  method: 'post',
  path: `${BASE}/{id}/rotate-secret`,
  tags,
  summary: 'Replace the signing secret (audited); the new one is shown once',
  request: { params: WsIdParams },
  responses: { 200: json(WebhookEndpointWithSecret) },
});
const test = route({
  method: 'post',
  path: `${BASE}/{id}/test`,
  tags,
  summary: 'Queue a signed `webhook.test` message to the endpoint (audited)',
  request: { params: WsIdParams },
  responses: { 202: json(WebhookTestResult, 'Queued') },
});
const deliveries = route({
  method: 'get',
  path: `${BASE}/{id}/deliveries`,
  tags,
  summary: 'Recent messages to the endpoint, newest first, with every attempt',
  request: { params: WsIdParams, query: WebhookDeliveryQuery },
  responses: { 200: json(z.array(WebhookDelivery)) },
});

export function registerWebhookEndpointRoutes(app: TandemApp): void {
  app.openapi(list, async (c) => {
    const { ws } = c.req.valid('param');
    return c.json(await listWebhookEndpoints(c.get('deps').db, ws), 200);
  });
  app.openapi(create, async (c) =>
    c.json(await createWebhookEndpoint(c.get('deps'), actorOf(c), c.req.valid('json')), 201),
  );
  app.openapi(get, async (c) => {
    const { ws, id } = c.req.valid('param');
    return c.json(await getWebhookEndpoint(c.get('deps').db, ws, id), 200);
  });
  app.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await updateWebhookEndpoint(c.get('deps'), actorOf(c), id, c.req.valid('json')), 200);
  });
  app.openapi(remove, async (c) => {
    await deleteWebhookEndpoint(c.get('deps'), actorOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(rotate, async (c) =>
    c.json(await rotateWebhookSecret(c.get('deps'), actorOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(test, async (c) =>
    c.json(await sendTestWebhook(c.get('deps'), actorOf(c), c.req.valid('param').id), 202),
  );
  app.openapi(deliveries, async (c) => {
    const { ws, id } = c.req.valid('param');
    const { limit } = c.req.valid('query');
    return c.json(await listWebhookDeliveries(c.get('deps').db, ws, id, limit), 200);
  });
}
