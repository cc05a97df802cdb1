/**
 * Workspace export (the owner's backup, private answers included and labelled so) and restore
 * into this store (SPEC §11, §13). Restoring over the API needs the caller to be an owner named in
 * the archive; `tandem restore` is the operator's way.
 */

import { z } from 'zod';
import { exportWorkspace } from '#services/archive/export-workspace';
import { restoreWorkspace } from '#services/archive/restore-workspace';
import { RestoreResponse } from '#shared/api-schemas';
import { AppError } from '#src/errors';
import { authOf, memberOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { route } from '../route-kit.ts';
import { json, WsParams } from './params.ts';

const exportRoute = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/export',
  tags: ['workspaces'],
  summary: "The whole workspace as one .tar.gz (owner's backup: contains private pulse answers)",
  request: { params: WsParams },
  responses: {
    200: { description: 'application/gzip: README.txt, manifest.json, events.ndjson (§12), *.json' },
  },
});

const restoreRoute = route({
  method: 'post',
  path: '/api/v1/workspaces/restore',
  tags: ['workspaces'],
  summary: 'Restore a workspace archive into this store (where that workspace does not exist)',
  request: { body: { required: true, content: { 'application/gzip': { schema: z.string() } } } },
  responses: { 201: json(RestoreResponse, 'Restored'), 409: { description: 'The workspace exists here' } },
});

export function registerArchiveRoutes(app: TandemApp): void {
  app.openapi(exportRoute, async (c) => {
    const m = memberOf(c);
    const bytes = await exportWorkspace(c.get('deps'), m.workspaceId);
    return new Response(new Uint8Array(bytes), {
      status: 200,
      headers: {
        'Content-Type': 'application/gzip',
        'Content-Disposition': `attachment; filename="tandem-${m.workspaceId}.tar.gz"`,
      },
    });
  });
  app.openapi(restoreRoute, async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/gzip')
      throw new AppError('unsupported_media_type', 'Send the archive as Content-Type: application/gzip');
    const auth = authOf(c);
    if (auth.via === 'token')
      throw new AppError('forbidden', 'A workspace API token cannot create another workspace; sign in');
    const bytes = Buffer.from(await c.req.arrayBuffer());
    const r = await restoreWorkspace(c.get('deps'), bytes, {
      actor: auth.userId,
      requireOwnerUserId: auth.userId,
    });
    return c.json(r, 201);
  });
}
