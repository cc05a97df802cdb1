/**
 * Outbound webhook endpoints of a workspace (issue 9 item 5): created, listed, changed, deleted,
 * their secret rotated, a test message sent — by owners and managers (the permission matrix's
 * `webhook.manage`). Every change is audited (SPEC §11) with the URL masked: a receiver's URL
 * often carries its own token. The secret is shown once, when created or rotated, and never
 * again; the audit log never holds it.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '#db/client';
import { webhookEndpoints } from '#db/schema/outbound-webhooks';
import { AppError } from '#src/errors';
import { formatStandardWebhookSecret } from '#webhooks/outbound/index';
import { writeAudit } from '../audit.ts';
import { maskUrl } from '../notifications/slack-setting.ts';
import { newId } from '../reviews/review-context.ts';
import type { Actor, ServiceDeps } from '../service-context.ts';
import { OUTBOUND_EVENT_TYPES, type OutboundEventType, TEST_EVENT_TYPE } from './outbound-event-types.ts';
import { queueDelivery } from './queue-outbound-event.ts';

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string;
  events: OutboundEventType[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  secretRotatedAt: string | null;
}

export interface EndpointInput {
  url: string;
  description?: string | undefined;
  events: OutboundEventType[];
  enabled?: boolean | undefined;
}

type Row = typeof webhookEndpoints.$inferSelect;

const MAX_URL = 2000;

function viewOf(r: Row): WebhookEndpointView {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    events: r.events.filter((e): e is OutboundEventType =>
      (OUTBOUND_EVENT_TYPES as readonly string[]).includes(e),
    ),
    enabled: r.enabled,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    secretRotatedAt: r.secretRotatedAt ? r.secretRotatedAt.toISOString() : null,
  };
}

/** What the audit log keeps of an endpoint: no secret, the URL masked. */
const audited = (r: Row) => ({ ...viewOf(r), url: maskUrl(r.url) });

/**
 * Only absolute http(s) URLs: a `file:`, `javascript:` or `ftp:` URL is refused with
 * `invalid_webhook_url`. Plain http stays allowed for a receiver on the same private network,
 * as with the Slack webhook (notifications/slack-setting.ts).
 */
export function assertOutboundUrl(url: string): void {
  let u: URL | null = null;
  try {
    u = new URL(url);
  } catch {
    u = null;
  }
  if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:') || !u.hostname || url.length > MAX_URL)
    throw new AppError('invalid_webhook_url', 'A webhook endpoint needs an absolute http(s) URL', {
      issues: [{ path: 'body.url', message: u ? `${u.protocol} is not http(s)` : 'not a URL' }],
    });
}

/** A fresh `whsec_` secret of 32 random bytes. */
export function newWebhookSecret(): string {
  return formatStandardWebhookSecret(randomBytes(32)) as string;
}

async function loadRow(db: Db | Tx, ws: string, id: string): Promise<Row> {
  const row = (
    await db
      .select()
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.workspaceId, ws), eq(webhookEndpoints.id, id)))
  )[0];
  if (!row) throw new AppError('not_found', `No webhook endpoint ${id}`);
  return row;
}

const uniqueEvents = (events: readonly OutboundEventType[]) =>
  OUTBOUND_EVENT_TYPES.filter((e) => events.includes(e));

export async function listWebhookEndpoints(db: Db | Tx, ws: string): Promise<WebhookEndpointView[]> {
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.workspaceId, ws))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
  return rows.map(viewOf);
}

export async function getWebhookEndpoint(db: Db | Tx, ws: string, id: string): Promise<WebhookEndpointView> {
  return viewOf(await loadRow(db, ws, id));
}

export async function createWebhookEndpoint(
  deps: ServiceDeps,
  actor: Actor,
  input: EndpointInput,
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  assertOutboundUrl(input.url);
  const now = new Date(deps.now());
  const row: Row = {
    workspaceId: actor.workspaceId,
    id: newId('we'),
    url: input.url,
    description: input.description ?? '',
    events: uniqueEvents(input.events),
    enabled: input.enabled ?? true,
    secret: newWebhookSecret(),
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
    secretRotatedAt: null,
  };
  await deps.db.transaction(async (tx) => {
    await tx.insert(webhookEndpoints).values(row);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'webhook.create',
      target: `webhook:${row.id}`,
      after: audited(row),
    });
  });
  return { endpoint: viewOf(row), secret: row.secret };
}

export async function updateWebhookEndpoint(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  patch: Partial<EndpointInput>,
): Promise<WebhookEndpointView> {
  if (patch.url !== undefined) assertOutboundUrl(patch.url);
  return deps.db.transaction(async (tx) => {
    const before = await loadRow(tx, actor.workspaceId, id);
    const after: Row = {
      ...before,
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.events !== undefined ? { events: uniqueEvents(patch.events) } : {}),
      ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
      updatedAt: new Date(deps.now()),
    };
    await tx
      .update(webhookEndpoints)
      .set({
        url: after.url,
        description: after.description,
        events: after.events,
        enabled: after.enabled,
        updatedAt: after.updatedAt,
      })
      .where(and(eq(webhookEndpoints.workspaceId, actor.workspaceId), eq(webhookEndpoints.id, id)));
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'webhook.update',
      target: `webhook:${id}`,
      before: audited(before),
      after: audited(after),
    });
    return viewOf(after);
  });
}

/** Deletes the endpoint with its delivery log; its queued jobs then find nothing to send. */
export async function deleteWebhookEndpoint(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const before = await loadRow(tx, actor.workspaceId, id);
    await tx
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.workspaceId, actor.workspaceId), eq(webhookEndpoints.id, id)));
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'webhook.delete',
      target: `webhook:${id}`,
      before: audited(before),
    });
  });
}

/**
 * A new secret, shown once. Messages still waiting for a retry are signed with the new one when
 * they go: a receiver switches to it at once.
 */
export async function rotateWebhookSecret(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const secret = newWebhookSecret();
  const endpoint = await deps.db.transaction(async (tx) => {
    const before = await loadRow(tx, actor.workspaceId, id);
    const now = new Date(deps.now());
    await tx
      .update(webhookEndpoints)
      .set({ secret, secretRotatedAt: now, updatedAt: now })
      .where(and(eq(webhookEndpoints.workspaceId, actor.workspaceId), eq(webhookEndpoints.id, id)));
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'webhook.rotate_secret',
      target: `webhook:${id}`,
      after: { rotatedAt: now.toISOString() },
    });
    return viewOf({ ...before, secret, secretRotatedAt: now, updatedAt: now });
  });
  return { endpoint, secret };
}

/** Queues a `webhook.test` message to this endpoint (even if disabled: nothing goes out then). */
export async function sendTestWebhook(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<{ deliveryId: string }> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    await loadRow(tx, actor.workspaceId, id);
    const key = `${TEST_EVENT_TYPE}:${actor.workspaceId}:${id}:${randomBytes(8).toString('hex')}`;
    const { id: deliveryId } = await queueDelivery(
      tx,
      {
        workspaceId: actor.workspaceId,
        type: TEST_EVENT_TYPE,
        key,
        at: now,
        data: { endpoint: id, message: 'A test message from Tandem: this endpoint is reachable and signed.' },
      },
      id,
      now,
    );
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'webhook.test',
      target: `webhook:${id}`,
      after: { deliveryId },
    });
    return { deliveryId };
  });
}
