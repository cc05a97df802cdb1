/**
 * Assistants: their time model (SPEC §2) — a zone or schedule change applies from a date and never
 * rewrites earlier weeks — plus one assistant's data export and erasure when they leave (SPEC §11).
 */
import { z } from 'zod';
import { exportAssistantData } from '#services/assistants/assistant-data';
import { eraseAssistant } from '#services/assistants/erase-assistant';
import {
  createAssistant,
  getAssistant,
  listAssistants,
  updateAssistant,
} from '#services/assistants/manage-assistants';
import { Assistant, CreateAssistantBody, EraseAssistantBody, UpdateAssistantBody } from '#shared/api-schemas';
import { actorOf, memberOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { actorScope, assertCan } from '../policies/assert-can.ts';
import { presentAssistant } from '../presenters/present.ts';
import { route } from '../route-kit.ts';
import { json, jsonBody, WsIdParams, WsParams } from './params.ts';

const list = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/assistants',
  tags: ['assistants'],
  summary: 'The assistants I may see',
  request: { params: WsParams },
  responses: { 200: json(z.array(Assistant)) },
});
const create = route({
  method: 'post',
  path: '/api/v1/workspaces/{ws}/assistants',
  tags: ['assistants'],
  summary: 'Add an assistant with their time zone and schedule',
  request: { params: WsParams, body: jsonBody(CreateAssistantBody) },
  responses: { 201: json(Assistant, 'Created') },
});
const get = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/assistants/{id}',
  tags: ['assistants'],
  summary: 'One assistant',
  request: { params: WsIdParams },
  responses: { 200: json(Assistant) },
});
const patch = route({
  method: 'patch',
  path: '/api/v1/workspaces/{ws}/assistants/{id}',
  tags: ['assistants'],
  summary: 'Change name, role, days off, exceptions, or the zone/schedule from a date on',
  request: { params: WsIdParams, body: jsonBody(UpdateAssistantBody) },
  responses: { 200: json(Assistant) },
});
const exportRoute = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/assistants/{id}/export',
  tags: ['assistants'],
  summary: "One assistant's data as NDJSON (their private pulse answers only to themselves)",
  request: { params: WsIdParams },
  responses: {
    200: {
      description:
        'application/x-ndjson: the assistant line and their events (§12 input), then a `kpi` line per KPI (with its targets) and an `identity` line per external identity',
    },
  },
});
const erase = route({
  method: 'delete',
  path: '/api/v1/workspaces/{ws}/assistants/{id}',
  tags: ['assistants'],
  summary: 'Erase an assistant and all their data (confirm with the id)',
  description:
    'Removes the record, events, KPIs and targets, identities, assignments, import jobs and saved identity mappings that name them, invitations for them, and the membership of whoever signs in as them (their API tokens here are revoked; their sessions end when no other workspace is left). Earlier audit entries about them lose their content.',
  request: { params: WsIdParams, body: jsonBody(EraseAssistantBody) },
  responses: { 204: { description: 'Erased' } },
});

export function registerAssistantRoutes(app: TandemApp): void {
  app.openapi(list, async (c) => {
    const scope = actorScope(memberOf(c), 'assistant.read');
    const rows = await listAssistants(c.get('deps'), c.req.valid('param').ws, scope);
    return c.json(rows.map(presentAssistant), 200);
  });
  app.openapi(create, async (c) => {
    const row = await createAssistant(c.get('deps'), actorOf(c), c.req.valid('json'));
    return c.json(presentAssistant(row), 201);
  });
  app.openapi(get, async (c) => {
    const { ws, id } = c.req.valid('param');
    assertCan(memberOf(c), 'assistant.read', id);
    return c.json(presentAssistant(await getAssistant(c.get('deps'), ws, id)), 200);
  });
  app.openapi(patch, async (c) => {
    const { id } = c.req.valid('param');
    assertCan(memberOf(c), 'assistant.update', id);
    return c.json(
      presentAssistant(await updateAssistant(c.get('deps'), actorOf(c), id, c.req.valid('json'))),
      200,
    );
  });
  app.openapi(exportRoute, async (c) => {
    const { ws, id } = c.req.valid('param');
    const m = memberOf(c);
    assertCan(m, 'assistant.export', id);
    const body = await exportAssistantData(c.get('deps'), ws, id, m.assistantId === id);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': 'application/x-ndjson; charset=utf-8',
        'Content-Disposition': `attachment; filename="assistant-${encodeURIComponent(id)}.ndjson"`,
      },
    });
  });
  app.openapi(erase, async (c) => {
    const { id } = c.req.valid('param');
    assertCan(memberOf(c), 'assistant.erase', id);
    await eraseAssistant(c.get('deps'), actorOf(c), id, c.req.valid('json').confirm);
    return c.body(null, 204);
  });
}
