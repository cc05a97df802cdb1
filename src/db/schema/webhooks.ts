/**
 * Live connections (issue 9, SPEC §10): one row per provider account that sends Tandem webhooks,
 * and one row per delivery key received.
 *
 * `webhook_connections.secret` is the provider's signing secret (Trello app secret, Slack signing
 * secret, Asana's handshake secret, Toggl secret, Clockify token). HMAC verification needs the
 * secret itself, so it cannot be stored as a hash like API tokens; it is never sent back by the
 * API after it was first shown, and the export carries it only because a restored workspace must
 * keep verifying the same provider (the export is the owner's and holds every secret of the
 * workspace anyway).
 *
 * `webhook_deliveries` is the exactly-once record (issue 9 §3): the unique index on (workspace,
 * provider, delivery key) is inserted in the same transaction as the job that processes the
 * delivery, so a key seen twice is a duplicate, answered 2xx and ignored. The raw body is kept on
 * the row of the delivery's first new key (`body`, base64) so the queue can process it later.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces.ts';

export const WEBHOOK_PROVIDERS = ['trello', 'asana', 'slack', 'toggl', 'clockify'] as const;
export type WebhookProvider = (typeof WEBHOOK_PROVIDERS)[number];

export const CONNECTION_STATUSES = ['pending', 'active', 'revoked'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export const DELIVERY_STATUSES = ['queued', 'processed', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const webhookConnections = pgTable(
  'webhook_connections',
  {
    /** Globally unique: the callback URL names the connection by id alone. */
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    provider: text('provider').$type<WebhookProvider>().notNull(),
    name: text('name').notNull(),
    status: text('status').$type<ConnectionStatus>().notNull().default('pending'),
    /** Why it was revoked: `deleted` (by a member) or `creator_left` (checked at delivery time). */
    revokedReason: text('revoked_reason'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    secret: text('secret'),
    /** Asana: a personal access token to fetch a changed task (its events carry no values). */
    apiToken: text('api_token'),
    /** Asana: the handshake is accepted until this instant (issue 9 §2). */
    pendingUntil: timestamp('pending_until', { withTimezone: true }),
    /** The callback URL exactly as given to the provider (Trello signs it). */
    callbackUrl: text('callback_url').notNull(),
    /** The importer's options of that provider (SPEC §10), validated with its schema. */
    options: jsonb('options').notNull().default({}),
    /** `{ "<kind>:<external id>": "<assistant id>" }`, over the workspace's mapped identities. */
    identities: jsonb('identities').notNull().default({}),
    /** Attribute everything to this assistant (a connection made for one assistant's account). */
    assistantId: text('assistant_id'),
    timezone: text('timezone'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    lastDeliveryAt: timestamp('last_delivery_at', { withTimezone: true }),
  },
  (t) => [
    index('webhook_connections_ws_idx').on(t.workspaceId, t.createdAt),
    check('webhook_connections_status_check', sql`${t.status} in ('pending', 'active', 'revoked')`),
  ],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    connectionId: text('connection_id').notNull(),
    provider: text('provider').$type<WebhookProvider>().notNull(),
    deliveryKey: text('delivery_key').notNull(),
    /** The key of the delivery's row that holds the body (itself for the first new key). */
    batchKey: text('batch_key').notNull(),
    /** The raw body, base64; only on the batch's own row, cleared once processed. */
    body: text('body'),
    /** Headers a converter needs besides the body (Clockify's event type). */
    headers: jsonb('headers').notNull().default({}),
    status: text('status').$type<DeliveryStatus>().notNull().default('queued'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    /** Items applied, identities unmapped, records skipped (the converter's report). */
    events: integer('events').notNull().default(0),
    report: jsonb('report'),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_key_uq').on(t.workspaceId, t.provider, t.deliveryKey),
    index('webhook_deliveries_connection_idx').on(t.connectionId, t.receivedAt),
    check('webhook_deliveries_status_check', sql`${t.status} in ('queued', 'processed', 'failed')`),
  ],
);
