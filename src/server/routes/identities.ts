/** External identities (e-mail, Slack, Trello, Asana, Toggl, Clockify, Jira ids) → assistants (SPEC §10). */
import { z } from 'zod';
import {
  getIdentity,
  listIdentities,
  mapIdentity,
  unmapIdentity,
} from '#services/identities/manage-identities';
import { Identity, PutIdentityBody } from '#shared/api-schemas';
import { actorOf, memberOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { actorScope, assertCan } from '../policies/assert-can.ts';
import { presentIdentity } from '../presenters/present.ts';
import { route } from '../route-kit.ts';
import { IdentityParams, json, jsonBody, WsParams } from './params.ts';

const list = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/identities',
  tags: ['identities'],
  summary: 'Identity mappings I may see',
  request: { params: WsParams },
  responses: { 200: json(z.array(Identity)) },
});
const put = route({
  method: 'put',
  path: '/api/v1/workspaces/{ws}/identities/{provider}/{externalId}',
  tags: ['identities'],
  summary: 'Map an external identity to an assistant',
  request: { params: IdentityParams, body: jsonBody(PutIdentityBody) },
  responses: { 200: json(Identity) },
});
const remove = route({
  method: 'delete',
  path: '/api/v1/workspaces/{ws}/identities/{provider}/{externalId}',
  tags: ['identities'],
  summary: 'Remove a mapping',
  request: { params: IdentityParams },
  responses: { 204: { description: 'Removed' } },
});

export function registerIdentityRoutes(app: TandemApp): void {
  app.openapi(list, async (c) => {
    const scope = actorScope(memberOf(c), 'identity.read');
    return c.json(
      (await listIdentities(c.get('deps'), c.req.valid('param').ws, scope)).map(presentIdentity),
      200,
    );
  });
  app.openapi(put, async (c) => {
    const { ws, provider, externalId } = c.req.valid('param');
    const { assistantId } = c.req.valid('json');
    const m = memberOf(c);
    assertCan(m, 'identity.manage', assistantId);
    // Re-mapping takes the identity away from its current assistant, who must be in scope too.
    const current = await getIdentity(c.get('deps'), ws, provider, externalId).catch(() => null);
    if (current) assertCan(m, 'identity.manage', current.assistantId);
    const row = await mapIdentity(c.get('deps'), actorOf(c), { provider, externalId, assistantId });
    return c.json(presentIdentity(row), 200);
  });
  app.openapi(remove, async (c) => {
    const { ws, provider, externalId } = c.req.valid('param');
    const current = await getIdentity(c.get('deps'), ws, provider, externalId);
    assertCan(memberOf(c), 'identity.manage', current.assistantId);
    await unmapIdentity(c.get('deps'), actorOf(c), provider, externalId);
    return c.body(null, 204);
  });
}
