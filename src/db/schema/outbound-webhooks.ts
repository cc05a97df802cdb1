/**
 * Outbound webhooks (issue 9 item 5): endpoints a workspace registers to hear of Tandem's events
 * (KPI status changed, agreement requested, review signed), and the delivery log.
 *
 * `webhook_endpoints` holds the URL, the event types it subscribes to and its Standard Webhooks
 * signing secret (`whsec_…`, shown once; rotating replaces it). `outbound_deliveries` is one message
 * per (endpoint, event): its id is the `webhook-id` every retry carries, its body is fixed when the
 * event happens, so every attempt sends the same bytes. `outbound_attempts` records each POST:
 * status code, duration, error, and when the next try is due.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces.ts';

export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    /** The event types sent to it, e.g. `["kpi.status_changed"]`. */
    events: jsonb('events').$type<string[]>().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** The Standard Webhooks signing secret, `whsec_` + base64 of 32 random bytes. */
    secret: text('secret').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    secretRotatedAt: timestamp('secret_rotated_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'skipped'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const outboundDeliveries = pgTable(
  'outbound_deliveries',
  {
    workspaceId: text('workspace_id').notNull(),
    /** The `webhook-id` (`msg_…`), derived from the event and the endpoint: stable across retries. */
    id: text('id').notNull(),
    endpointId: text('endpoint_id').notNull(),
    eventType: text('event_type').notNull(),
    /** The exact JSON body sent on every attempt: `{type, timestamp, data}`. */
    body: text('body').notNull(),
    status: text('status').$type<WebhookDeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.endpointId],
      foreignColumns: [webhookEndpoints.workspaceId, webhookEndpoints.id],
    }).onDelete('cascade'),
    index('outbound_deliveries_endpoint_idx').on(t.workspaceId, t.endpointId, t.createdAt),
    check(
      'outbound_deliveries_status_check',
      sql`${t.status} in ('pending', 'succeeded', 'failed', 'skipped')`,
    ),
  ],
);

export const outboundAttempts = pgTable(
  'outbound_attempts',
  {
    workspaceId: text('workspace_id').notNull(),
    deliveryId: text('delivery_id').notNull(),
    /** 1 for the first try; the job's attempt count. */
    attempt: integer('attempt').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** The receiver's HTTP status; null when no answer came (timeout, refused connection). */
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms').notNull(),
    error: text('error'),
    /** When the next try is due; null after a success or the last attempt. */
    nextRetryAt: timestamp('next_retry_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.deliveryId, t.attempt] }),
    foreignKey({
      columns: [t.workspaceId, t.deliveryId],
      foreignColumns: [outboundDeliveries.workspaceId, outboundDeliveries.id],
    }).onDelete('cascade'),
  ],
);
