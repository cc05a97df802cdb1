/**
 * Live connections (issue 9 item 1, SPEC §10): one per provider account, each with its own callback
 * URL `TANDEM_PUBLIC_URL/hooks/{provider}/{id}`, the importer's options and identities of that
 * provider, and its signing secret. Every change is audited (SPEC §11); the audit log never holds
 * a secret, only whether one is set.
 *
 * Secrets: Trello, Slack and Clockify make theirs (pasted here); Toggl takes one Tandem makes when
 * none is pasted (shown once, in the answer that made it); Asana's arrives in the handshake, which
 * is accepted only while the connection is pending (issue 9 §2), for HANDSHAKE_WINDOW_MS.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '#db/client';
import { assistants } from '#db/schema/assistants';
import {
  type ConnectionStatus,
  type WebhookProvider,
  webhookConnections,
  webhookDeliveries,
} from '#db/schema/webhooks';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import { checkSettings } from '../imports/import-settings.ts';
import { newId, newToken } from '../secrets.ts';
import type { Actor, ServiceDeps } from '../service-context.ts';

/** How long an Asana connection accepts the handshake after it was created or rotated. */
export const HANDSHAKE_WINDOW_MS = 15 * 60_000;

/** A source is "quiet" when nothing arrived for this long (the assistant page says since when). */
export const QUIET_AFTER_MS = 3 * 24 * 3600_000;

export type ConnectionRow = typeof webhookConnections.$inferSelect;

export interface ConnectionView {
  id: string;
  provider: WebhookProvider;
  name: string;
  status: ConnectionStatus;
  revokedReason: string | null;
  callbackUrl: string;
  options: Record<string, unknown>;
  identities: Record<string, string>;
  assistant: string | null;
  timezone: string | null;
  hasSecret: boolean;
  hasApiToken: boolean;
  pendingUntil: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  lastDeliveryAt: string | null;
}

export interface ConnectionSettings {
  name?: string;
  options?: Record<string, unknown>;
  identities?: Record<string, string>;
  assistant?: string | null;
  timezone?: string | null;
  /** Asana: a personal access token to fetch changed tasks (write-only). */
  apiToken?: string | null;
}

export interface CreateConnectionInput extends ConnectionSettings {
  provider: WebhookProvider;
  name: string;
  /** The provider's signing secret; Toggl: made by Tandem when absent; Asana: never (handshake). */
  secret?: string;
}

export function callbackUrlOf(publicUrl: string, provider: WebhookProvider, id: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/hooks/${provider}/${id}`;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function connectionView(r: ConnectionRow): ConnectionView {
  return {
    id: r.id,
    provider: r.provider,
    name: r.name,
    status: r.status,
    revokedReason: r.revokedReason,
    callbackUrl: r.callbackUrl,
    options: (r.options as Record<string, unknown>) ?? {},
    identities: (r.identities as Record<string, string>) ?? {},
    assistant: r.assistantId,
    timezone: r.timezone,
    hasSecret: r.secret !== null && r.secret.length > 0,
    hasApiToken: r.apiToken !== null && r.apiToken.length > 0,
    pendingUntil: r.provider === 'asana' ? iso(r.pendingUntil) : null,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    lastDeliveryAt: iso(r.lastDeliveryAt),
  };
}

/** What the audit log keeps of a connection: everything but the secrets. */
function audited(r: ConnectionRow): Record<string, unknown> {
  const { secret: _s, apiToken: _t, ...rest } = r;
  return { ...rest, hasSecret: r.secret !== null, hasApiToken: r.apiToken !== null };
}

function checkSecret(provider: WebhookProvider, secret: string | undefined): void {
  if (secret === undefined) return;
  if (provider === 'asana')
    throw new AppError('validation_failed', 'Asana sends its secret in the handshake; none is pasted', {
      field: 'secret',
    });
  if (secret.trim() !== secret || secret.length < 8 || secret.length > 256 || /[\s,]/.test(secret))
    throw new AppError('validation_failed', 'secret: 8 to 256 characters, no spaces or commas', {
      field: 'secret',
    });
}

async function checkAssistant(db: Db | Tx, ws: string, id: string | null | undefined): Promise<void> {
  if (id === undefined || id === null) return;
  const [a] = await db
    .select({ id: assistants.id })
    .from(assistants)
    .where(and(eq(assistants.workspaceId, ws), eq(assistants.id, id)));
  if (!a)
    throw new AppError('unknown_assistant', `unknown assistant ${JSON.stringify(id)}`, {
      field: 'assistant',
    });
}

function checkConnectionSettings(provider: WebhookProvider, s: ConnectionSettings): void {
  // The importer's own schemas (SPEC §10): a connection takes exactly the import's options.
  checkSettings(provider, {
    ...(s.options !== undefined ? { options: s.options } : {}),
    ...(s.identities !== undefined ? { identities: s.identities } : {}),
    ...(s.timezone !== undefined ? { timezone: s.timezone } : {}),
  });
  if (s.apiToken !== undefined && s.apiToken !== null && provider !== 'asana')
    throw new AppError('validation_failed', 'apiToken is for Asana connections only', { field: 'apiToken' });
}

export async function listConnections(db: Db, ws: string): Promise<ConnectionView[]> {
  const rows = await db
    .select()
    .from(webhookConnections)
    .where(eq(webhookConnections.workspaceId, ws))
    .orderBy(webhookConnections.createdAt, webhookConnections.id);
  return rows.map(connectionView);
}

export async function connectionRow(db: Db | Tx, ws: string, id: string): Promise<ConnectionRow> {
  const [row] = await db
    .select()
    .from(webhookConnections)
    .where(and(eq(webhookConnections.workspaceId, ws), eq(webhookConnections.id, id)));
  if (!row) throw new AppError('not_found', 'No such connection');
  return row;
}

export async function createConnection(
  deps: ServiceDeps,
  actor: Actor,
  input: CreateConnectionInput,
): Promise<{ connection: ConnectionView; secret: string | null }> {
  checkSecret(input.provider, input.secret);
  checkConnectionSettings(input.provider, input);
  const ws = actor.workspaceId;
  const id = newId('whc');
  const now = new Date(deps.now());
  // Toggl lets the user type any secret: Tandem makes a strong one unless one was pasted.
  const made = input.provider === 'toggl' && input.secret === undefined ? newToken() : null;
  const secret = input.secret ?? made;
  return deps.db.transaction(async (tx) => {
    await checkAssistant(tx, ws, input.assistant);
    const [row] = await tx
      .insert(webhookConnections)
      .values({
        id,
        workspaceId: ws,
        provider: input.provider,
        name: input.name,
        status: 'pending',
        secret,
        apiToken: input.apiToken ?? null,
        pendingUntil: input.provider === 'asana' ? new Date(now.getTime() + HANDSHAKE_WINDOW_MS) : null,
        callbackUrl: callbackUrlOf(deps.publicUrl, input.provider, id),
        options: input.options ?? {},
        identities: input.identities ?? {},
        assistantId: input.assistant ?? null,
        timezone: input.timezone ?? null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('connection not stored');
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'connection.create',
      target: `connection:${id}`,
      after: audited(row),
    });
    return { connection: connectionView(row), secret: made };
  });
}

export async function updateConnection(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  input: ConnectionSettings,
): Promise<ConnectionView> {
  const ws = actor.workspaceId;
  return deps.db.transaction(async (tx) => {
    const before = await connectionRow(tx, ws, id);
    checkConnectionSettings(before.provider, input);
    await checkAssistant(tx, ws, input.assistant);
    const [after] = await tx
      .update(webhookConnections)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.options !== undefined ? { options: input.options } : {}),
        ...(input.identities !== undefined ? { identities: input.identities } : {}),
        ...(input.assistant !== undefined ? { assistantId: input.assistant } : {}),
        ...(input.timezone !== undefined ? { timezone: input.timezone } : {}),
        ...(input.apiToken !== undefined ? { apiToken: input.apiToken } : {}),
        updatedAt: new Date(deps.now()),
      })
      .where(and(eq(webhookConnections.workspaceId, ws), eq(webhookConnections.id, id)))
      .returning();
    if (!after) throw new AppError('not_found', 'No such connection');
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'connection.update',
      target: `connection:${id}`,
      before: audited(before),
      after: audited(after),
    });
    return connectionView(after);
  });
}

/**
 * A new secret: pasted (Trello, Slack, Clockify, Toggl), made by Tandem (Toggl without one), or —
 * Asana — the stored one dropped and a new handshake window opened. The person rotating becomes
 * the connection's creator: deliveries stop when the creator leaves the workspace (issue 9 §4).
 */
export async function rotateConnectionSecret(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  input: { secret?: string },
): Promise<{ connection: ConnectionView; secret: string | null }> {
  const ws = actor.workspaceId;
  return deps.db.transaction(async (tx) => {
    const before = await connectionRow(tx, ws, id);
    if (before.status === 'revoked')
      throw new AppError('conflict', 'This connection was removed; create a new one');
    checkSecret(before.provider, input.secret);
    const asana = before.provider === 'asana';
    if (!asana && before.provider !== 'toggl' && input.secret === undefined)
      throw new AppError('validation_failed', `paste the new secret from ${before.provider}`, {
        field: 'secret',
      });
    const made = before.provider === 'toggl' && input.secret === undefined ? newToken() : null;
    const now = deps.now();
    const [after] = await tx
      .update(webhookConnections)
      .set({
        secret: asana ? null : (input.secret ?? made),
        ...(asana ? { status: 'pending' as const, pendingUntil: new Date(now + HANDSHAKE_WINDOW_MS) } : {}),
        createdBy: actor.userId,
        updatedAt: new Date(now),
      })
      .where(and(eq(webhookConnections.workspaceId, ws), eq(webhookConnections.id, id)))
      .returning();
    if (!after) throw new AppError('not_found', 'No such connection');
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'connection.rotate',
      target: `connection:${id}`,
      before: audited(before),
      after: audited(after),
    });
    return { connection: connectionView(after), secret: made };
  });
}

/** Removes a connection: its URL answers 410 from now on (Trello then deletes its webhook). */
export async function revokeConnection(deps: ServiceDeps, actor: Actor, id: string): Promise<ConnectionView> {
  const ws = actor.workspaceId;
  return deps.db.transaction(async (tx) => {
    const before = await connectionRow(tx, ws, id);
    if (before.status === 'revoked') return connectionView(before);
    const [after] = await tx
      .update(webhookConnections)
      .set({
        status: 'revoked',
        revokedReason: 'deleted',
        revokedAt: new Date(deps.now()),
        secret: null,
        apiToken: null,
        updatedAt: new Date(deps.now()),
      })
      .where(and(eq(webhookConnections.workspaceId, ws), eq(webhookConnections.id, id)))
      .returning();
    if (!after) throw new AppError('not_found', 'No such connection');
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'connection.delete',
      target: `connection:${id}`,
      before: audited(before),
      after: audited(after),
    });
    return connectionView(after);
  });
}

export interface DeliveryView {
  key: string;
  status: string;
  receivedAt: string;
  processedAt: string | null;
  events: number;
  errorCode: string | null;
  errorMessage: string | null;
  report: unknown;
}

/** The connection's latest deliveries (one per key), newest first: what arrived and what failed. */
export async function listDeliveries(db: Db, ws: string, id: string, limit = 50): Promise<DeliveryView[]> {
  await connectionRow(db, ws, id);
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.workspaceId, ws), eq(webhookDeliveries.connectionId, id)))
    .orderBy(desc(webhookDeliveries.receivedAt), desc(webhookDeliveries.id))
    .limit(limit);
  return rows.map((r) => ({
    key: r.deliveryKey,
    status: r.status,
    receivedAt: r.receivedAt.toISOString(),
    processedAt: iso(r.processedAt),
    events: r.events,
    errorCode: r.errorCode,
    errorMessage: r.errorMessage,
    report: r.report ?? null,
  }));
}
