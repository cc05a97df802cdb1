/** `GET /healthz` (SPEC §13): 200 `{"ok":true}` when the store answers, 503 otherwise. */
import { z } from 'zod';
import { errorJson } from '../middleware/error-handler.ts';
import type { TandemApp } from '../openapi-app.ts';
import { route } from '../route-kit.ts';
import { json } from './params.ts';

const health = route({
  method: 'get',
  path: '/healthz',
  tags: ['operations'],
  summary: 'Liveness: the store answers',
  responses: {
    200: json(z.object({ ok: z.literal(true) })),
    503: { description: 'The store does not answer' },
  },
});

export function registerHealthRoute(app: TandemApp): void {
  app.openapi(health, async (c) => {
    try {
      await c.get('deps').ping();
    } catch (err) {
      c.get('deps').logger.error({ err }, 'health check failed');
      return errorJson(c, 'unavailable', 'The store does not answer') as never;
    }
    return c.json({ ok: true as const }, 200);
  });
}
