/**
 * Live connections in the workspace archive (issue 9; SPEC §11, §13): each connection with its
 * options, identities and secrets (a restored workspace must keep verifying the same providers;
 * the archive already holds everything of the workspace and is the owner's to keep safe), and the
 * delivery keys seen, so exactly-once survives a restore. A delivery still queued keeps its body
 * and is queued again in the restored workspace.
 *
 * Connection ids name the callback URL and are unique across the instance: a restore next to the
 * original workspace gives the copy's connections new ids (and URLs), pending, without secrets —
 * one provider account must not feed two workspaces by accident.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '#db/client';
import { enqueueJob } from '#db/queries/job-queue';
import {
  type ConnectionStatus,
  type DeliveryStatus,
  WEBHOOK_PROVIDERS,
  type WebhookProvider,
  webhookConnections,
  webhookDeliveries,
} from '#db/schema/webhooks';
import { newId } from '../secrets.ts';
import { WEBHOOK_JOB } from '../webhooks/receive-delivery.ts';
import { callbackUrlOf } from '../webhooks/webhook-connections.ts';

type J = Record<string, unknown>;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const date = (v: unknown): Date | null => (typeof v === 'string' ? new Date(v) : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const optStr = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const obj = (v: unknown): J => (v && typeof v === 'object' && !Array.isArray(v) ? (v as J) : {});

export async function connectionArchiveFiles(
  db: Db | Tx,
  ws: string,
): Promise<{ name: string; data: string }[]> {
  const [cs, ds] = await Promise.all([
    db
      .select()
      .from(webhookConnections)
      .where(eq(webhookConnections.workspaceId, ws))
      .orderBy(asc(webhookConnections.createdAt), asc(webhookConnections.id)),
    db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.workspaceId, ws))
      .orderBy(asc(webhookDeliveries.id)),
  ]);
  return [
    {
      name: 'connections.json',
      data: JSON.stringify(
        cs.map(
          ({ workspaceId: _w, createdAt, updatedAt, lastDeliveryAt, revokedAt, pendingUntil, ...r }) => ({
            ...r,
            createdAt: createdAt.toISOString(),
            updatedAt: updatedAt.toISOString(),
            lastDeliveryAt: iso(lastDeliveryAt),
            revokedAt: iso(revokedAt),
            pendingUntil: iso(pendingUntil),
          }),
        ),
      ),
    },
    {
      name: 'webhook-deliveries.json',
      data: JSON.stringify(
        ds.map(({ workspaceId: _w, id: _i, receivedAt, processedAt, ...r }) => ({
          ...r,
          receivedAt: receivedAt.toISOString(),
          processedAt: iso(processedAt),
        })),
      ),
    },
  ];
}

export async function restoreConnectionFiles(
  tx: Tx,
  ws: string,
  list: (name: string) => J[],
  uid: (v: unknown) => string,
  publicUrl: string,
  now: number,
): Promise<void> {
  const conns = list('connections.json').filter((c) =>
    (WEBHOOK_PROVIDERS as readonly string[]).includes(str(c.provider)),
  );
  if (conns.length === 0) return;
  const wanted = conns.map((c) => str(c.id));
  const taken = new Set(
    (
      await tx
        .select({ id: webhookConnections.id })
        .from(webhookConnections)
        .where(inArray(webhookConnections.id, wanted))
    ).map((r) => r.id),
  );
  const ids = new Map<string, string>();
  for (const c of conns) {
    const old = str(c.id);
    const provider = str(c.provider) as WebhookProvider;
    const kept = old.length > 0 && !taken.has(old);
    const id = kept ? old : newId('whc');
    ids.set(old, id);
    await tx.insert(webhookConnections).values({
      id,
      workspaceId: ws,
      provider,
      name: str(c.name),
      status: kept ? (str(c.status) as ConnectionStatus) : 'pending',
      revokedReason: kept ? optStr(c.revokedReason) : null,
      revokedAt: kept ? date(c.revokedAt) : null,
      secret: kept ? optStr(c.secret) : null,
      apiToken: kept ? optStr(c.apiToken) : null,
      pendingUntil: kept ? date(c.pendingUntil) : provider === 'asana' ? new Date(now + 15 * 60_000) : null,
      callbackUrl: kept
        ? str(c.callbackUrl) || callbackUrlOf(publicUrl, provider, id)
        : callbackUrlOf(publicUrl, provider, id),
      options: obj(c.options),
      identities: obj(c.identities),
      assistantId: optStr(c.assistantId),
      timezone: optStr(c.timezone),
      createdBy: uid(c.createdBy),
      createdAt: date(c.createdAt) ?? new Date(now),
      updatedAt: date(c.updatedAt) ?? new Date(now),
      lastDeliveryAt: date(c.lastDeliveryAt),
    });
  }
  for (const d of list('webhook-deliveries.json')) {
    const connectionId = ids.get(str(d.connectionId));
    if (!connectionId) continue;
    const status = str(d.status) as DeliveryStatus;
    const provider = str(d.provider) as WebhookProvider;
    await tx.insert(webhookDeliveries).values({
      workspaceId: ws,
      connectionId,
      provider,
      deliveryKey: str(d.deliveryKey),
      batchKey: str(d.batchKey),
      body: optStr(d.body),
      headers: obj(d.headers),
      status,
      receivedAt: date(d.receivedAt) ?? new Date(now),
      processedAt: date(d.processedAt),
      errorCode: optStr(d.errorCode),
      errorMessage: optStr(d.errorMessage),
      events: typeof d.events === 'number' ? d.events : 0,
      report: d.report ?? null,
    });
    if (status === 'queued' && d.body && str(d.deliveryKey) === str(d.batchKey))
      await enqueueJob(
        tx,
        {
          kind: WEBHOOK_JOB,
          key: `webhook:${ws}:${provider}:${str(d.batchKey)}`,
          workspaceId: ws,
          payload: { connectionId, provider, batchKey: str(d.batchKey) },
          maxAttempts: 5,
        },
        now,
      );
  }
}
