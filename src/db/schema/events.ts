/**
 * Every SPEC §3 event in one table: the validated event as JSON plus the columns queries need.
 * `key` realises the §3 storage key — `x:<source>\0<externalId>` when an externalId is present,
 * else `i:<id>` — so storing the same event again updates it instead of duplicating it.
 */

import { sql } from 'drizzle-orm';
import { bigint, boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { TandemEvent } from '#core/events/event-types';
import { workspaces } from './workspaces.ts';

export const events = pgTable(
  'events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    type: text('type').$type<TandemEvent['type']>().notNull(),
    key: text('key').notNull(),
    id: text('id').notNull(),
    assistantId: text('assistant_id').notNull(),
    source: text('source'),
    externalId: text('external_id'),
    client: text('client'),
    /** The exclusion reason (SPEC §3): kept on record, counted by no metric. */
    excluded: text('excluded'),
    /** A pulse that was not shared: visible to the assistant alone (SPEC §11). */
    private: boolean('private').notNull().default(false),
    /** The event's own instant (createdAt, receivedAt, ratedAt, …); null for goals, pulses, days off, manual values. */
    at: timestamp('at', { withTimezone: true }),
    /** SHA-256 of the canonical form (instants as epoch ms): equal fingerprints = unchanged (SPEC §13). */
    fingerprint: text('fingerprint').notNull(),
    data: jsonb('data').$type<TandemEvent>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The §3 key of an event without an externalId is `i:<id>`, which events_id_uq already keeps
    // unique; indexing only the `x:` keys spares the bulk ingest one index insert per such event.
    // Queries find an `i:` key through (type, id) and an `x:` key here (upsert-events.ts).
    uniqueIndex('events_key_uq').on(t.workspaceId, t.type, t.key).where(sql`${t.externalId} is not null`),
    uniqueIndex('events_id_uq').on(t.workspaceId, t.type, t.id),
    // Metrics load one assistant's events. No index on `at`: each index costs the bulk ingest
    // (SPEC §13 target) more than a time-range list gains from it.
    index('events_assistant_idx').on(t.workspaceId, t.assistantId, t.type),
  ],
);
