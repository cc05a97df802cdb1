/**
 * Notifications (issue 8 item 8, SPEC §8) and the durable job queue that delivers them.
 *
 * `jobs` is the queue: a row is enqueued inside the transaction of the change that caused it, so
 * a rolled-back change queues nothing and a committed one is never lost. A worker claims due rows
 * with `FOR UPDATE SKIP LOCKED` and a lease (`locked_until`): a job whose worker died is claimed
 * again once its lease has passed. `key` is the job's idempotency key (unique): enqueueing the same
 * work twice is a no-op, and the key is what an e-mail's Message-ID and a Slack post carry.
 *
 * `notifications` are the in-app ones, one per person; `notification_preferences` holds each
 * person's choice per kind × channel (absent: the default); `mail_outbox` records every e-mail,
 * sent or — with no SMTP configured — only shown on the Outbox screen.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces.ts';

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const jobs = pgTable(
  'jobs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Which handler runs it, e.g. `notify`, `email`, `slack`, `schedule`. */
    kind: text('kind').notNull(),
    /** Idempotency key: one job per key, ever (a done job's key still refuses a second). */
    key: text('key').notNull(),
    workspaceId: text('workspace_id'),
    payload: jsonb('payload').notNull().default({}),
    status: text('status').$type<JobStatus>().notNull().default('queued'),
    /** Not before this instant (retries move it by the backoff). */
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    /** While running: the lease; past it, another worker may claim the job again. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lockedBy: text('locked_by'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('jobs_key_uq').on(t.key),
    index('jobs_due_idx').on(t.status, t.runAt),
    check('jobs_status_check', sql`${t.status} in ('queued', 'running', 'done', 'failed')`),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    userId: text('user_id').notNull(),
    kind: text('kind').notNull(),
    /** The event's idempotency key: one notification per person and event. */
    key: text('key').notNull(),
    /** The assistant it is about (null for a digest). */
    assistantId: text('assistant_id'),
    kpiId: text('kpi_id'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** A path in the web app, e.g. `/w/<ws>/kpis/<id>`. */
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('notifications_user_key_uq').on(t.workspaceId, t.userId, t.key),
    index('notifications_user_idx').on(t.workspaceId, t.userId, t.createdAt),
  ],
);

export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    kind: text('kind').notNull(),
    /** in_app | email | slack */
    channel: text('channel').notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId, t.kind, t.channel] })],
);

export const mailOutbox = pgTable(
  'mail_outbox',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The job's idempotency key; the Message-ID is derived from it. */
    key: text('key').notNull(),
    messageId: text('message_id').notNull(),
    userId: text('user_id').notNull(),
    to: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** When the SMTP server accepted it; null with no SMTP configured (shown in the Outbox only). */
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.key] }),
    index('mail_outbox_created_idx').on(t.workspaceId, t.createdAt),
  ],
);
