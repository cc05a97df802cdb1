/**
 * From "something happened" to outbound webhook deliveries (issue 9 item 5). A producer calls
 * `queueOutboundEvent` inside its own transaction: one delivery row and one `webhook` job per
 * enabled endpoint of the workspace that subscribes to the event's type, so the deliveries exist
 * exactly when the change commits.
 *
 * The message id (`webhook-id`) is derived from the event's key and the endpoint, and the job's
 * idempotency key from the message id: producing the same event again (the schedule runs every 15
 * minutes) queues nothing new, and every retry of one message carries the same id. The body
 * `{type, timestamp, data}` is fixed here, once; producers pass only KPI, agreement and review
 * facts — never a pulse answer (SPEC §11).
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '#db/client';
import { enqueueJob } from '#db/queries/job-queue';
import { outboundDeliveries, webhookEndpoints } from '#db/schema/outbound-webhooks';
import type { OutboundEventType } from './outbound-event-types.ts';

/** Attempts per message: with the queue's backoff (5 s doubling, at most an hour) about 2 days. */
export const WEBHOOK_MAX_ATTEMPTS = 12;

export interface OutboundEvent {
  workspaceId: string;
  type: OutboundEventType | 'webhook.test';
  /** Identifies the event itself, e.g. `review.signed:<ws>:<review>`. */
  key: string;
  /** When it happened (ms). */
  at: number;
  data: Record<string, unknown>;
}

/** `msg_` + 24 base64url characters of SHA-256(event key, endpoint): stable, and no `.` in it. */
export function webhookMessageId(eventKey: string, endpointId: string): string {
  const h = createHash('sha256').update(`${eventKey}\n${endpointId}`).digest('base64url');
  return `msg_${h.slice(0, 24)}`;
}

/** The body every attempt sends, as the Standard Webhooks recommend. */
export function outboundBody(e: Pick<OutboundEvent, 'type' | 'at' | 'data'>): string {
  return JSON.stringify({ type: e.type, timestamp: new Date(e.at).toISOString(), data: e.data });
}

/** Queues one delivery to one endpoint; false when that message was queued before. */
export async function queueDelivery(
  db: Db | Tx,
  event: OutboundEvent,
  endpointId: string,
  now: number,
): Promise<{ id: string; queued: boolean }> {
  const id = webhookMessageId(event.key, endpointId);
  const rows = await db
    .insert(outboundDeliveries)
    .values({
      workspaceId: event.workspaceId,
      id,
      endpointId,
      eventType: event.type,
      body: outboundBody(event),
      createdAt: new Date(now),
    })
    .onConflictDoNothing()
    .returning({ id: outboundDeliveries.id });
  if (rows.length === 0) return { id, queued: false };
  await enqueueJob(
    db,
    {
      kind: 'outbound_webhook',
      key: `outbound:${event.workspaceId}:${id}`,
      workspaceId: event.workspaceId,
      payload: { deliveryId: id },
      maxAttempts: WEBHOOK_MAX_ATTEMPTS,
    },
    now,
  );
  return { id, queued: true };
}

/** Queues the event to every enabled endpoint subscribed to its type; the number queued. */
export async function queueOutboundEvent(db: Db | Tx, event: OutboundEvent, now: number): Promise<number> {
  const endpoints = await db
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.workspaceId, event.workspaceId), eq(webhookEndpoints.enabled, true)));
  let queued = 0;
  for (const e of endpoints)
    if (e.events.includes(event.type) && (await queueDelivery(db, event, e.id, now)).queued) queued++;
  return queued;
}

/** Whether any enabled endpoint of the workspace listens to `type` (producers that compute skip otherwise). */
export async function anyEndpointFor(db: Db | Tx, ws: string, type: OutboundEventType): Promise<boolean> {
  const rows = await db
    .select({ events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.workspaceId, ws), eq(webhookEndpoints.enabled, true)));
  return rows.some((r) => r.events.includes(type));
}
