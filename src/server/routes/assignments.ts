/** Which manager or coach looks after which assistant (SPEC §1). */
import { z } from 'zod';
import { assign, listAssignments, unassign } from '#services/assignments/manage-assignments';
import { Assignment, CreateAssignmentBody } from '#shared/api-schemas';
import { actorOf, memberOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { actorScope } from '../policies/assert-can.ts';
import { presentAssignment } from '../presenters/present.ts';
import { route } from '../route-kit.ts';
import { AssignmentParams, json, jsonBody, WsParams } from './params.ts';

const list = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/assignments',
  tags: ['assignments'],
  summary: 'Manager and coach assignments I may see',
  request: { params: WsParams },
  responses: { 200: json(z.array(Assignment)) },
});
const create = route({
  method: 'post',
  path: '/api/v1/workspaces/{ws}/assignments',
  tags: ['assignments'],
  summary: 'Assign a manager or coach to an assistant',
  request: { params: WsParams, body: jsonBody(CreateAssignmentBody) },
  responses: { 201: json(Assignment, 'Created') },
});
const remove = route({
  method: 'delete',
  path: '/api/v1/workspaces/{ws}/assignments/{assistantId}/{userId}',
  tags: ['assignments'],
  summary: 'End an assignment',
  request: { params: AssignmentParams },
  responses: { 204: { description: 'Removed' } },
});

export function registerAssignmentRoutes(app: TandemApp): void {
  app.openapi(list, async (c) => {
    const scope = actorScope(memberOf(c), 'assignment.read');
    const rows = await listAssignments(c.get('deps'), c.req.valid('param').ws, scope);
    return c.json(rows.map(presentAssignment), 200);
  });
  app.openapi(create, async (c) => {
    return c.json(presentAssignment(await assign(c.get('deps'), actorOf(c), c.req.valid('json'))), 201);
  });
  app.openapi(remove, async (c) => {
    const { assistantId, userId } = c.req.valid('param');
    await unassign(c.get('deps'), actorOf(c), { assistantId, userId });
    return c.body(null, 204);
  });
}
