/**
 * `GET /api/v1/workspaces/{ws}/metrics` (SPEC §13): exactly what `tandem compute` prints for the
 * workspace's events, limited to the assistants the caller may see.
 */

import { z } from 'zod';
import { PERIODS, type Period } from '#core/time/calendar';
import { parseInstant } from '#core/time/instant';
import { workspaceMetrics } from '#services/metrics/workspace-metrics';
import { MetricsResponse } from '#shared/api-schemas';
import { memberOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { actorScope } from '../policies/assert-can.ts';
import { route } from '../route-kit.ts';
import { json, WsParams } from './params.ts';

const filterValue = z.string().min(1).max(512);
const MetricsQuery = z.strictObject({
  period: z
    .enum(PERIODS as unknown as [Period, ...Period[]])
    .default('week')
    .describe('week, month or quarter'),
  asOf: z
    .string()
    .refine((s) => !Number.isNaN(parseInstant(s)), 'expected an ISO-8601 instant with an offset or Z')
    .optional()
    .describe('Default: now'),
  assistant: filterValue.optional(),
  category: filterValue.optional(),
  label: filterValue.optional(),
  channel: filterValue.optional(),
  client: filterValue.optional(),
});

const metrics = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/metrics',
  tags: ['metrics'],
  summary: 'SPEC §4 metrics per assistant and bucket, the same array `tandem compute` prints',
  request: { params: WsParams, query: MetricsQuery },
  responses: { 200: json(MetricsResponse) },
});

export function registerMetricsRoute(app: TandemApp): void {
  app.openapi(metrics, async (c) => {
    const { ws } = c.req.valid('param');
    const q = c.req.valid('query');
    const deps = c.get('deps');
    const filter: Record<string, string> = {};
    for (const k of ['category', 'label', 'channel', 'client'] as const) {
      const v = q[k];
      if (v !== undefined) filter[k] = v;
    }
    const records = await workspaceMetrics(deps, ws, actorScope(memberOf(c), 'metrics.read'), {
      period: q.period,
      asOf: q.asOf === undefined ? deps.now() : parseInstant(q.asOf),
      assistant: q.assistant,
      ...(Object.keys(filter).length > 0 ? { filter } : {}),
    });
    return c.json(records, 200);
  });
}
