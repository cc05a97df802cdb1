/**
 * Receiving a webhook (issue 9 items 2–4): the acknowledgement path, kept short so Slack's 3 s and
 * Asana's 10 s limits hold — find the connection, verify the raw bytes, answer a signed challenge,
 * then store the delivery's keys and queue its processing in ONE transaction and answer.
 *
 * Order matters (issue 9 §2): the verifier runs on the raw bytes before anything reads them (JSON,
 * the Slack challenge, the Toggl PING, the Asana handshake decision is taken on headers only). An
 * unknown connection and a connection of another provider get the same 404, so the URL is no
 * oracle. A delivery signed for one connection fails at another's URL: each checks its own secret.
 * After verification the creator's membership is checked (issue 9 §4): a connection whose creator
 * left the workspace is revoked there and then — audited once — and answers 410.
 */
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { type Db, queryRows, type Tx } from '#db/client';
import { enqueueJob } from '#db/queries/job-queue';
import { members } from '#db/schema/members';
import { type WebhookProvider, webhookConnections, webhookDeliveries } from '#db/schema/webhooks';
import { AppError } from '#src/errors';
import { ASANA_SECRET_HEADER, asanaHandshake, deliveryKeysAsana, verifyAsana } from '#webhooks/asana/index';
import { CLOCKIFY_EVENT_TYPE_HEADER, deliveryKeysClockify, verifyClockify } from '#webhooks/clockify/index';
import type { DeliveryKeys } from '#webhooks/common/delivery-keys';
import { readHeader, type WebhookHeaders } from '#webhooks/common/header-value';
import type { Verification } from '#webhooks/common/verification';
import { deliveryKeysSlack, slackUrlVerification, verifySlack } from '#webhooks/slack/index';
import { deliveryKeysToggl, togglValidationResponse, verifyToggl } from '#webhooks/toggl/index';
import { deliveryKeysTrello, trelloHeadStatus, verifyTrello } from '#webhooks/trello/index';
import { writeAudit } from '../audit.ts';
import type { ServiceDeps } from '../service-context.ts';
import type { ConnectionRow } from './webhook-connections.ts';

/** The job kind that processes a stored delivery (src/jobs/webhook-handlers.ts). */
export const WEBHOOK_JOB = 'webhook';

export type DeliveryAnswer =
  | { status: 200; json: Record<string, unknown>; headers?: Record<string, string> }
  | { status: 202; json: Record<string, unknown> };

const NO_CONNECTION = (): AppError => new AppError('not_found', 'No such connection');

/** The connection, and whether its creator is still a member — one statement on the ack path. */
async function findConnection(
  db: Db,
  provider: string,
  id: string,
): Promise<ConnectionRow & { creatorIsMember: boolean }> {
  if (id.length > 64) throw NO_CONNECTION();
  const [row] = await db
    .select({
      conn: webhookConnections,
      member: sql<boolean>`exists (select 1 from ${members} m
        where m.workspace_id = ${webhookConnections.workspaceId} and m.user_id = ${webhookConnections.createdBy})`,
    })
    .from(webhookConnections)
    .where(eq(webhookConnections.id, id));
  // Same answer for an unknown id and a known id under another provider's path.
  if (!row || row.conn.provider !== provider) throw NO_CONNECTION();
  return { ...row.conn, creatorIsMember: row.member === true };
}

function revoked(): AppError {
  return new AppError('connection_revoked', 'This connection was removed from Tandem');
}

function verify(conn: ConnectionRow, body: Uint8Array, headers: WebhookHeaders, now: number): Verification {
  const secret = conn.secret ?? '';
  switch (conn.provider) {
    case 'trello':
      return verifyTrello({ body, headers, secret, callbackUrl: conn.callbackUrl });
    case 'slack':
      return verifySlack({ body, headers, secret, now });
    case 'asana':
      return verifyAsana({ body, headers, secret });
    case 'toggl':
      return verifyToggl({ body, headers, secret });
    case 'clockify':
      return verifyClockify({ body, headers, secret });
  }
}

function keysOf(provider: WebhookProvider, body: Uint8Array, eventType: string): DeliveryKeys {
  switch (provider) {
    case 'trello':
      return deliveryKeysTrello(body);
    case 'slack':
      return deliveryKeysSlack(body);
    case 'asana':
      return deliveryKeysAsana(body);
    case 'toggl':
      return deliveryKeysToggl(body);
    case 'clockify':
      return deliveryKeysClockify(body, eventType);
  }
}

/**
 * Issue 9 §4: the connection acts for its creator; once they are no longer a member it stops. The
 * revocation is a conditional update, so of many concurrent deliveries exactly one audits it.
 */
async function assertCreatorStillMember(
  deps: ServiceDeps,
  conn: ConnectionRow & { creatorIsMember: boolean },
): Promise<void> {
  if (conn.creatorIsMember) return;
  await deps.db.transaction(async (tx) => {
    const done = await tx
      .update(webhookConnections)
      .set({
        status: 'revoked',
        revokedReason: 'creator_left',
        revokedAt: new Date(deps.now()),
        updatedAt: new Date(deps.now()),
      })
      .where(and(eq(webhookConnections.id, conn.id), ne(webhookConnections.status, 'revoked')))
      .returning({ id: webhookConnections.id });
    if (done.length > 0)
      await writeAudit(tx, {
        workspaceId: conn.workspaceId,
        actor: 'system',
        action: 'connection.revoke',
        target: `connection:${conn.id}`,
        before: { status: conn.status },
        after: { status: 'revoked', reason: 'creator_left', creator: conn.createdBy },
      });
  });
  throw revoked();
}

/** Trello's HEAD check (and a GET, which Hono answers HEAD with): 200 while the connection lives. */
export async function connectionProbe(deps: ServiceDeps, provider: string, id: string): Promise<200 | 410> {
  const conn = await findConnection(deps.db, provider, id);
  if (provider !== 'trello') throw NO_CONNECTION();
  const status = trelloHeadStatus(conn.status);
  if (status === 404) throw NO_CONNECTION();
  if (status === 410) throw revoked();
  return status;
}

async function markSeen(tx: Db | Tx, conn: ConnectionRow, now: number): Promise<void> {
  await tx
    .update(webhookConnections)
    .set({
      lastDeliveryAt: new Date(now),
      status: sql`case when status = 'pending' then 'active' else status end`,
    })
    .where(and(eq(webhookConnections.id, conn.id), ne(webhookConnections.status, 'revoked')));
}

function rejected(v: Verification): AppError {
  if (v.ok) throw new Error('not a rejection');
  if (v.reason === 'body_too_large')
    return new AppError('payload_too_large', 'The webhook body is over the 1 MiB limit');
  return new AppError('invalid_signature', 'The webhook signature does not verify', { reason: v.reason });
}

/** Asana's handshake: stores the secret only while pending and only if none is stored yet. */
async function handshake(
  deps: ServiceDeps,
  conn: ConnectionRow,
  headers: WebhookHeaders,
  body: Uint8Array,
): Promise<DeliveryAnswer | null> {
  if (readHeader(headers, ASANA_SECRET_HEADER).kind === 'missing') return null;
  const now = deps.now();
  const d = asanaHandshake(
    {
      status: conn.status,
      hasSecret: conn.secret !== null,
      ...(conn.pendingUntil ? { pendingUntil: conn.pendingUntil.getTime() } : {}),
    },
    headers,
    body,
    now,
  );
  if (!d.accept) throw new AppError('invalid_signature', 'Handshake refused', { reason: d.reason });
  // Conditional on the state the decision read: two racing handshakes cannot both install a secret.
  const won = await deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(webhookConnections)
      .set({ secret: d.secret, status: 'active', pendingUntil: null, updatedAt: new Date(now) })
      .where(
        and(
          eq(webhookConnections.id, conn.id),
          eq(webhookConnections.status, 'pending'),
          isNull(webhookConnections.secret),
        ),
      )
      .returning({ id: webhookConnections.id });
    if (rows.length > 0)
      await writeAudit(tx, {
        workspaceId: conn.workspaceId,
        actor: 'system',
        action: 'connection.handshake',
        target: `connection:${conn.id}`,
        after: { status: 'active', hasSecret: true },
      });
    return rows.length > 0;
  });
  if (!won) throw new AppError('invalid_signature', 'Handshake refused', { reason: 'secret_established' });
  return { status: 200, json: { ok: true }, headers: d.responseHeaders };
}

/**
 * The common case, one key (every provider but a multi-event Asana batch), as ONE statement: the
 * key, its job and the connection's last delivery are written together or not at all, and the
 * acknowledgement costs the store a single round trip (issue 9 §3: Slack allows 3 s, Asana 10 s).
 * A key already stored inserts nothing, so no job either: the duplicate is answered and ignored.
 */
async function storeOneKey(
  db: Db,
  conn: ConnectionRow,
  key: string,
  body: string,
  headers: Record<string, string>,
  now: number,
): Promise<number> {
  const at = new Date(now).toISOString();
  const payload = JSON.stringify({ connectionId: conn.id, provider: conn.provider, batchKey: key });
  const rows = await queryRows<{ n: number | string }>(
    db,
    sql`with ins as (
          insert into webhook_deliveries
            (workspace_id, connection_id, provider, delivery_key, batch_key, body, headers, received_at)
          values (${conn.workspaceId}, ${conn.id}, ${conn.provider}, ${key}, ${key}, ${body},
                  ${JSON.stringify(headers)}::jsonb, ${at}::timestamptz)
          on conflict (workspace_id, provider, delivery_key) do nothing
          returning delivery_key),
        job as (
          insert into jobs (kind, key, workspace_id, payload, run_at, max_attempts, created_at)
          select ${WEBHOOK_JOB}, ${`webhook:${conn.workspaceId}:${conn.provider}:${key}`}, ${conn.workspaceId},
                 ${payload}::jsonb, ${at}::timestamptz, 5, ${at}::timestamptz
          from ins
          on conflict (key) do nothing),
        seen as (
          update webhook_connections
          set last_delivery_at = ${at}::timestamptz,
              status = case when status = 'pending' then 'active' else status end
          where id = ${conn.id} and status <> 'revoked')
        select count(*) as n from ins`,
  );
  return Number(rows[0]?.n ?? 0);
}

export interface IncomingDelivery {
  provider: string;
  connectionId: string;
  headers: WebhookHeaders;
  body: Uint8Array;
}

/**
 * Verifies and stores one delivery. Throws AppError for every refusal (404 unknown connection,
 * 401 `invalid_signature`, 410 `connection_revoked`, 413, 400 `invalid_payload`); answers 200 for
 * a challenge, a new delivery or a duplicate.
 */
export async function receiveDelivery(deps: ServiceDeps, d: IncomingDelivery): Promise<DeliveryAnswer> {
  const conn = await findConnection(deps.db, d.provider, d.connectionId);
  if (conn.status === 'revoked') throw revoked();
  if (conn.provider === 'asana') {
    const answer = await handshake(deps, conn, d.headers, d.body);
    if (answer) return answer;
  }
  const now = deps.now();
  const v = verify(conn, d.body, d.headers, now);
  if (!v.ok) throw rejected(v);
  await assertCreatorStillMember(deps, conn);

  // Only signed bytes reach the challenge answers.
  if (conn.provider === 'slack') {
    const challenge = slackUrlVerification(d.body);
    if (challenge) {
      await markSeen(deps.db, conn, now);
      return { status: 200, json: challenge };
    }
  }
  if (conn.provider === 'toggl') {
    const ping = togglValidationResponse(d.body);
    if (ping) {
      await markSeen(deps.db, conn, now);
      return { status: 200, json: ping };
    }
  }
  const eventTypeHeader = readHeader(d.headers, CLOCKIFY_EVENT_TYPE_HEADER);
  const eventType = eventTypeHeader.kind === 'value' ? eventTypeHeader.value : '';
  const keys = keysOf(conn.provider, d.body, eventType);
  if (!keys.ok)
    throw new AppError('bad_request', `Unreadable delivery: ${keys.error.message}`, {
      reason: keys.error.code,
    });
  const unique = [...new Set(keys.keys)];
  if (unique.length === 0) {
    await markSeen(deps.db, conn, now);
    return { status: 200, json: { ok: true, events: 0 } };
  }
  const batchKey = unique[0] as string;
  const receivedAt = new Date(now);
  const body = Buffer.from(d.body).toString('base64');
  const headers: Record<string, string> = conn.provider === 'clockify' ? { eventType } : {};
  if (unique.length === 1) {
    const n = await storeOneKey(deps.db, conn, batchKey, body, headers, now);
    return n === 0
      ? { status: 200, json: { ok: true, duplicate: true } }
      : { status: 200, json: { ok: true, queued: 1 } };
  }
  const fresh = await deps.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(webhookDeliveries)
      .values(
        unique.map((k) => ({
          workspaceId: conn.workspaceId,
          connectionId: conn.id,
          provider: conn.provider,
          deliveryKey: k,
          batchKey,
          body,
          headers,
          receivedAt,
        })),
      )
      .onConflictDoNothing({
        target: [webhookDeliveries.workspaceId, webhookDeliveries.provider, webhookDeliveries.deliveryKey],
      })
      .returning({ id: webhookDeliveries.id, key: webhookDeliveries.deliveryKey });
    await markSeen(tx, conn, now);
    if (inserted.length === 0) return [];
    // The body is kept once: on the first new key's row, which becomes the batch.
    const first = inserted[0] as { id: number; key: string };
    const others = inserted.slice(1).map((r) => r.id);
    if (first.key !== batchKey || others.length > 0)
      await tx.execute(sql`update webhook_deliveries
        set batch_key = ${first.key}, body = case when id = ${first.id} then body else null end
        where id in (${sql.join(
          inserted.map((r) => sql`${r.id}`),
          sql`, `,
        )})`);
    await enqueueJob(
      tx,
      {
        kind: WEBHOOK_JOB,
        key: `webhook:${conn.workspaceId}:${conn.provider}:${first.key}`,
        workspaceId: conn.workspaceId,
        payload: { connectionId: conn.id, provider: conn.provider, batchKey: first.key },
        maxAttempts: 5,
      },
      now,
    );
    return inserted;
  });
  if (fresh.length === 0) return { status: 200, json: { ok: true, duplicate: true } };
  return { status: 200, json: { ok: true, queued: fresh.length } };
}
