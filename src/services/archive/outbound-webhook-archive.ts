/**
 * Outbound webhooks in the workspace archive (issue 9 item 5; SPEC §13): the endpoints — with
 * their signing secret, since the archive is the owner's whole backup and a restored endpoint
 * must go on signing as its receiver expects — and the delivery log with every attempt. The
 * queue's jobs stay behind (notification-archive.ts): a message still waiting for a retry is not
 * sent from the copy, and its log shows it as it stood.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '#db/client';
import {
  outboundAttempts,
  outboundDeliveries,
  WEBHOOK_DELIVERY_STATUSES,
  type WebhookDeliveryStatus,
  webhookEndpoints,
} from '#db/schema/outbound-webhooks';

type J = Record<string, unknown>;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const date = (v: unknown): Date | null => (typeof v === 'string' ? new Date(v) : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const optStr = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const int = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) ? v : 0);
const optInt = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** The archive's files for outbound webhooks. */
export async function outboundWebhookArchiveFiles(
  db: Db | Tx,
  ws: string,
): Promise<{ name: string; data: string }[]> {
  const [es, ds, as] = await Promise.all([
    db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.workspaceId, ws))
      .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id)),
    db
      .select()
      .from(outboundDeliveries)
      .where(eq(outboundDeliveries.workspaceId, ws))
      .orderBy(asc(outboundDeliveries.createdAt), asc(outboundDeliveries.id)),
    db
      .select()
      .from(outboundAttempts)
      .where(eq(outboundAttempts.workspaceId, ws))
      .orderBy(asc(outboundAttempts.deliveryId), asc(outboundAttempts.attempt)),
  ]);
  return [
    {
      name: 'webhook-endpoints.json',
      data: JSON.stringify(
        es.map(({ workspaceId: _w, createdAt, updatedAt, secretRotatedAt, ...r }) => ({
          ...r,
          createdAt: createdAt.toISOString(),
          updatedAt: updatedAt.toISOString(),
          secretRotatedAt: iso(secretRotatedAt),
        })),
      ),
    },
    {
      name: 'outbound-deliveries.json',
      data: JSON.stringify(
        ds.map(({ workspaceId: _w, createdAt, finishedAt, ...r }) => ({
          ...r,
          createdAt: createdAt.toISOString(),
          finishedAt: iso(finishedAt),
        })),
      ),
    },
    {
      name: 'outbound-attempts.json',
      data: JSON.stringify(
        as.map(({ workspaceId: _w, at, nextRetryAt, ...r }) => ({
          ...r,
          at: at.toISOString(),
          nextRetryAt: iso(nextRetryAt),
        })),
      ),
    },
  ];
}

/** Restores them; `uid` maps an archived user id to the restored one, `list` reads an optional file. */
export async function restoreOutboundWebhookFiles(
  tx: Tx,
  ws: string,
  list: (name: string) => J[],
  uid: (v: unknown) => string,
  now: number,
): Promise<void> {
  for (const e of list('webhook-endpoints.json'))
    await tx.insert(webhookEndpoints).values({
      workspaceId: ws,
      id: str(e.id),
      url: str(e.url),
      description: str(e.description),
      events: Array.isArray(e.events) ? e.events.filter((x): x is string => typeof x === 'string') : [],
      enabled: e.enabled === true,
      secret: str(e.secret),
      createdBy: uid(e.createdBy),
      createdAt: date(e.createdAt) ?? new Date(now),
      updatedAt: date(e.updatedAt) ?? new Date(now),
      secretRotatedAt: date(e.secretRotatedAt),
    });
  for (const d of list('outbound-deliveries.json')) {
    const status = (WEBHOOK_DELIVERY_STATUSES as readonly string[]).includes(str(d.status))
      ? (str(d.status) as WebhookDeliveryStatus)
      : 'failed';
    await tx.insert(outboundDeliveries).values({
      workspaceId: ws,
      id: str(d.id),
      endpointId: str(d.endpointId),
      eventType: str(d.eventType),
      body: str(d.body),
      status,
      attempts: int(d.attempts),
      createdAt: date(d.createdAt) ?? new Date(now),
      finishedAt: date(d.finishedAt),
    });
  }
  for (const a of list('outbound-attempts.json'))
    await tx.insert(outboundAttempts).values({
      workspaceId: ws,
      deliveryId: str(a.deliveryId),
      attempt: int(a.attempt),
      at: date(a.at) ?? new Date(now),
      statusCode: optInt(a.statusCode),
      durationMs: int(a.durationMs),
      error: optStr(a.error),
      nextRetryAt: date(a.nextRetryAt),
    });
}
