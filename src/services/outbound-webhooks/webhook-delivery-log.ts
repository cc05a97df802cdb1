/**
 * The delivery log of an outbound webhook endpoint (issue 9 item 5): its recent messages, newest
 * first, each with every attempt — status code, duration, error, and when the next try is due.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '#db/client';
import {
  outboundAttempts,
  outboundDeliveries,
  type WebhookDeliveryStatus,
} from '#db/schema/outbound-webhooks';
import { getWebhookEndpoint } from './webhook-endpoints.ts';

export interface WebhookAttemptView {
  attempt: number;
  at: string;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  nextRetryAt: string | null;
}

export interface WebhookDeliveryView {
  id: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  createdAt: string;
  finishedAt: string | null;
  /** The JSON body every attempt sent. */
  body: string;
  attempts: WebhookAttemptView[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function listWebhookDeliveries(
  db: Db | Tx,
  ws: string,
  endpointId: string,
  limit = 50,
): Promise<WebhookDeliveryView[]> {
  await getWebhookEndpoint(db, ws, endpointId);
  const rows = await db
    .select()
    .from(outboundDeliveries)
    .where(and(eq(outboundDeliveries.workspaceId, ws), eq(outboundDeliveries.endpointId, endpointId)))
    .orderBy(desc(outboundDeliveries.createdAt), desc(outboundDeliveries.id))
    .limit(limit);
  const ids = rows.map((r) => r.id);
  const attempts =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(outboundAttempts)
          .where(and(eq(outboundAttempts.workspaceId, ws), inArray(outboundAttempts.deliveryId, ids)))
          .orderBy(asc(outboundAttempts.attempt));
  return rows.map((r) => ({
    id: r.id,
    eventType: r.eventType,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    finishedAt: iso(r.finishedAt),
    body: r.body,
    attempts: attempts
      .filter((a) => a.deliveryId === r.id)
      .map((a) => ({
        attempt: a.attempt,
        at: a.at.toISOString(),
        statusCode: a.statusCode,
        durationMs: a.durationMs,
        error: a.error,
        nextRetryAt: iso(a.nextRetryAt),
      })),
  }));
}
