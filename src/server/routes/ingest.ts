/**
 * `POST /api/v1/workspaces/{ws}/events` (SPEC §13): the bulk NDJSON ingest. Only
 * `application/x-ndjson` (415 otherwise); the body limit is enforced before parsing (413); a bad
 * line is a 400 naming it and nothing is stored; an unknown assistant is a 422.
 */
import { z } from 'zod';
import { ingestEvents } from '#services/events/ingest-events';
import { IngestResponse } from '#shared/api-schemas';
import { AppError } from '#src/errors';
import { actorOf, memberOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { actorScope, assertCan } from '../policies/assert-can.ts';
import { scopeOf } from '../policies/permission-matrix.ts';
import { route } from '../route-kit.ts';
import { json, WsParams } from './params.ts';

const ingest = route({
  method: 'post',
  path: '/api/v1/workspaces/{ws}/events',
  tags: ['events'],
  summary: 'Store §12 NDJSON (events and assistant lines) all or nothing',
  description:
    'Body: one JSON object per line, as `tandem compute` reads (SPEC §12). Stored events are keyed by (type, source, externalId) or (type, id); an equal event (instants compared as instants) is unchanged. Limit: 64 MiB (413 above, checked before parsing).',
  request: {
    params: WsParams,
    body: { required: true, content: { 'application/x-ndjson': { schema: z.string() } } },
  },
  responses: {
    200: json(IngestResponse),
    413: { description: 'Body over the limit' },
    415: { description: 'Not application/x-ndjson' },
    422: { description: 'An event names an unknown assistant' },
  },
});

export function registerIngestRoute(app: TandemApp): void {
  app.openapi(ingest, async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/x-ndjson')
      throw new AppError('unsupported_media_type', 'Send the events as Content-Type: application/x-ndjson');
    const m = memberOf(c);
    const scope = assertCan(m, 'event.write');
    const body = c.req.raw.body;
    if (!body) throw new AppError('validation_failed', 'The body is empty');
    const counts = await ingestEvents(c.get('deps'), actorOf(c), body, {
      scope,
      // Per line: assistant.create for a new assistant, assistant.update for a stored one.
      assistantWrites: {
        create: scopeOf(m.role, 'assistant.create') !== null,
        update: scopeOf(m.role, 'assistant.update') === null ? null : actorScope(m, 'assistant.update'),
      },
    });
    return c.json({ inserted: counts.inserted, updated: counts.updated, unchanged: counts.unchanged }, 200);
  });
}
