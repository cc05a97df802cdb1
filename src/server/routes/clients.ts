/** Clients of the workspace (SPEC §3 `client`). */
import { z } from 'zod';
import { deleteClient, listClients, upsertClient } from '#services/clients/manage-clients';
import { Client, PutClientBody } from '#shared/api-schemas';
import { actorOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { presentClient } from '../presenters/present.ts';
import { route } from '../route-kit.ts';
import { json, jsonBody, WsIdParams, WsParams } from './params.ts';

const list = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/clients',
  tags: ['clients'],
  summary: 'Clients',
  request: { params: WsParams },
  responses: { 200: json(z.array(Client)) },
});
const put = route({
  method: 'put',
  path: '/api/v1/workspaces/{ws}/clients/{id}',
  tags: ['clients'],
  summary: 'Create or rename a client',
  request: { params: WsIdParams, body: jsonBody(PutClientBody) },
  responses: { 200: json(Client), 201: json(Client, 'Created') },
});
const remove = route({
  method: 'delete',
  path: '/api/v1/workspaces/{ws}/clients/{id}',
  tags: ['clients'],
  summary: 'Delete a client (events keep their client id)',
  request: { params: WsIdParams },
  responses: { 204: { description: 'Deleted' } },
});

export function registerClientRoutes(app: TandemApp): void {
  app.openapi(list, async (c) => {
    return c.json((await listClients(c.get('deps'), c.req.valid('param').ws)).map(presentClient), 200);
  });
  app.openapi(put, async (c) => {
    const { id } = c.req.valid('param');
    const r = await upsertClient(c.get('deps'), actorOf(c), { id, name: c.req.valid('json').name });
    return r.created ? c.json(presentClient(r.client), 201) : c.json(presentClient(r.client), 200);
  });
  app.openapi(remove, async (c) => {
    await deleteClient(c.get('deps'), actorOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
}
