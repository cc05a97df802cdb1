/**
 * `GET /healthz` (SPEC §13): 200 when the store answers, 503 otherwise. It also says whether
 * PostgreSQL's durability settings were on at start (issue 10 item 1): `durability` is `on`, `off`
 * (with one warning per setting that is off) or `unchecked` (the embedded store).
 */
import { z } from 'zod';
import { errorJson } from '../middleware/error-handler.ts';
import type { TandemApp } from '../openapi-app.ts';
import { route } from '../route-kit.ts';
import { json } from './params.ts';

const Health = z.object({
  ok: z.literal(true),
  durability: z
    .enum(['on', 'off', 'unchecked'])
    .describe('PostgreSQL fsync, synchronous_commit and full_page_writes as read at start'),
  warnings: z.array(z.string()).describe('One per durability setting that is off'),
});

const health = route({
  method: 'get',
  path: '/healthz',
  tags: ['operations'],
  summary: 'Liveness: the store answers; durability as read at start',
  responses: {
    200: json(Health),
    503: { description: 'The store does not answer' },
  },
});

export function registerHealthRoute(app: TandemApp): void {
  app.openapi(health, async (c) => {
    const deps = c.get('deps');
    try {
      await deps.ping();
    } catch (err) {
      deps.logger.error({ err }, 'health check failed');
      return errorJson(c, 'unavailable', 'The store does not answer') as never;
    }
    const { status, warnings } = deps.durability;
    return c.json({ ok: true as const, durability: status, warnings }, 200);
  });
}
