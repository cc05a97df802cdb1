/** The audit log (SPEC §11), newest first; owners only. */
import { z } from 'zod';
import { listAudit } from '#services/audit/list-audit';
import { AuditPage } from '#shared/api-schemas';
import { AppError } from '#src/errors';
import type { TandemApp } from '../openapi-app.ts';
import { decodeCursor, encodeCursor, presentAudit } from '../presenters/present.ts';
import { route } from '../route-kit.ts';
import { json, WsParams } from './params.ts';

const audit = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/audit',
  tags: ['audit'],
  summary: 'Who changed what, when, with before/after',
  request: {
    params: WsParams,
    query: z.strictObject({
      limit: z.coerce.number().int().min(1).max(500).default(100),
      cursor: z.string().max(100).optional(),
    }),
  },
  responses: { 200: json(AuditPage) },
});

export function registerAuditRoute(app: TandemApp): void {
  app.openapi(audit, async (c) => {
    const { ws } = c.req.valid('param');
    const q = c.req.valid('query');
    const before = decodeCursor(q.cursor);
    if (before === -1)
      throw new AppError('validation_failed', 'query.cursor: not a cursor from this API', {
        field: 'query.cursor',
      });
    const page = await listAudit(c.get('deps'), ws, { limit: q.limit, before });
    return c.json({ entries: page.entries.map(presentAudit), next: encodeCursor(page.next) }, 200);
  });
}
