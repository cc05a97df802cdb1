/** My API tokens in a workspace: created (shown once), listed, revoked. */
import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from '#services/auth/api-tokens';
import { ApiToken, CreatedToken, CreateTokenBody } from '#shared/api-schemas';
import { memberOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { presentToken } from '../presenters/present.ts';
import { route } from '../route-kit.ts';
import { json, jsonBody, WsIdParams, WsParams } from './params.ts';

const list = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/tokens',
  tags: ['tokens'],
  summary: 'My API tokens here',
  request: { params: WsParams },
  responses: { 200: json(z.array(ApiToken)) },
});
const create = route({
  method: 'post',
  path: '/api/v1/workspaces/{ws}/tokens',
  tags: ['tokens'],
  summary: 'Create an API token for this workspace (the token is shown once)',
  request: { params: WsParams, body: jsonBody(CreateTokenBody) },
  responses: { 201: json(CreatedToken, 'Created') },
});
const revoke = route({
  method: 'delete',
  path: '/api/v1/workspaces/{ws}/tokens/{id}',
  tags: ['tokens'],
  summary: 'Revoke one of my tokens',
  request: { params: WsIdParams },
  responses: { 204: { description: 'Revoked' } },
});

export function registerTokenRoutes(app: TandemApp): void {
  app.openapi(list, async (c) => {
    const m = memberOf(c);
    return c.json((await listApiTokens(c.get('deps'), m.workspaceId, m.userId)).map(presentToken), 200);
  });
  app.openapi(create, async (c) => {
    const m = memberOf(c);
    const r = await createApiToken(c.get('deps').db, m.workspaceId, m.userId, c.req.valid('json').name);
    return c.json({ token: r.token, info: presentToken(r.info) }, 201);
  });
  app.openapi(revoke, async (c) => {
    const m = memberOf(c);
    await revokeApiToken(c.get('deps'), m.workspaceId, m.userId, c.req.valid('param').id);
    return c.body(null, 204);
  });
}
