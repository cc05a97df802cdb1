/** Workspaces: list mine, create, read, rename/settings, delete (owner, confirmed by name). */
import { z } from 'zod';
import { createWorkspace } from '#services/workspaces/create-workspace';
import { deleteWorkspace } from '#services/workspaces/delete-workspace';
import { getWorkspace, listUserWorkspaces, updateWorkspace } from '#services/workspaces/workspace-queries';
import {
  CreateWorkspaceBody,
  DeleteWorkspaceBody,
  UpdateWorkspaceBody,
  Workspace,
  WorkspaceWithRole,
} from '#shared/api-schemas';
import { actorOf, authOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { presentWorkspace } from '../presenters/present.ts';
import { route } from '../route-kit.ts';
import { json, jsonBody, WsParams } from './params.ts';

const list = route({
  method: 'get',
  path: '/api/v1/workspaces',
  tags: ['workspaces'],
  summary: 'The workspaces I belong to (an API token sees only its own)',
  responses: { 200: json(z.array(WorkspaceWithRole)) },
});

const create = route({
  method: 'post',
  path: '/api/v1/workspaces',
  tags: ['workspaces'],
  summary: 'Create a workspace; I become its owner',
  request: { body: jsonBody(CreateWorkspaceBody) },
  responses: { 201: json(Workspace, 'Created') },
});

const get = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}',
  tags: ['workspaces'],
  summary: 'One workspace',
  request: { params: WsParams },
  responses: { 200: json(Workspace) },
});

const patch = route({
  method: 'patch',
  path: '/api/v1/workspaces/{ws}',
  tags: ['workspaces'],
  summary: 'Rename a workspace or change its settings',
  request: { params: WsParams, body: jsonBody(UpdateWorkspaceBody) },
  responses: { 200: json(Workspace) },
});

const remove = route({
  method: 'delete',
  path: '/api/v1/workspaces/{ws}',
  tags: ['workspaces'],
  summary: 'Delete a workspace and every row it owns (owner only; confirm with its name)',
  request: { params: WsParams, body: jsonBody(DeleteWorkspaceBody) },
  responses: { 204: { description: 'Deleted' } },
});

export function registerWorkspaceRoutes(app: TandemApp): void {
  app.openapi(list, async (c) => {
    const auth = authOf(c);
    const rows = await listUserWorkspaces(c.get('deps'), auth.userId);
    const visible = rows.filter(
      (r) => auth.tokenWorkspace === undefined || r.workspace.id === auth.tokenWorkspace,
    );
    return c.json(
      visible.map((r) => ({ ...presentWorkspace(r.workspace), role: r.role })),
      200,
    );
  });
  app.openapi(create, async (c) => {
    const auth = authOf(c);
    const body = c.req.valid('json');
    const deps = c.get('deps');
    const created = await createWorkspace(deps, { name: body.name, owner: { userId: auth.userId } });
    return c.json(presentWorkspace(await getWorkspace(deps, created.workspace.id)), 201);
  });
  app.openapi(get, async (c) => {
    const { ws } = c.req.valid('param');
    return c.json(presentWorkspace(await getWorkspace(c.get('deps'), ws)), 200);
  });
  app.openapi(patch, async (c) => {
    const body = c.req.valid('json');
    return c.json(presentWorkspace(await updateWorkspace(c.get('deps'), actorOf(c), body)), 200);
  });
  app.openapi(remove, async (c) => {
    await deleteWorkspace(c.get('deps'), actorOf(c), c.req.valid('json').confirm);
    return c.body(null, 204);
  });
}
