/**
 * Imports in the server (SPEC §10, §13): one durable row per uploaded export — pending after the
 * preview, running while its events are stored, then succeeded or failed with the reason — and
 * the options saved per workspace and source so the next import of that source reuses them.
 */
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces.ts';

export const IMPORT_STATUSES = ['pending', 'running', 'succeeded', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const importJobs = pgTable(
  'import_jobs',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    format: text('format').notNull(),
    fileName: text('file_name').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** SHA-256 of the uploaded bytes (hex): the commit must send the same file. */
    sha256: text('sha256').notNull(),
    status: text('status').$type<ImportStatus>().notNull().default('pending'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    /** The converter's report (counts, skipped rows, identities, defaults used, notes). */
    report: jsonb('report'),
    /** The assistants the converted events belong to (who may see the job besides its creator). */
    assistants: text('assistants').array().notNull().default([]),
    events: integer('events').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('import_jobs_created_idx').on(t.workspaceId, t.createdAt),
    index('import_jobs_status_idx').on(t.status),
  ],
);

/** The choices a file cannot tell (SPEC §10), saved per workspace and source and reused. */
export const importOptions = pgTable(
  'import_options',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    format: text('format').notNull(),
    options: jsonb('options').notNull().default({}),
    /** `{ "<kind>:<external id>": "<assistant id>" }` as in docs/importers.md. */
    identities: jsonb('identities').notNull().default({}),
    timezone: text('timezone'),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.format] })],
);
