/**
 * Client satisfaction survey links (SPEC §1 client, §3 survey, §8): a one-time link per request,
 * of which only the SHA-256 of its token is kept. The answer itself is a §3 survey event in
 * `events`; the request names it once answered, in the same transaction.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { assistants } from './assistants.ts';

export const surveyRequests = pgTable(
  'survey_requests',
  {
    workspaceId: text('workspace_id').notNull(),
    id: text('id').notNull(),
    assistantId: text('assistant_id').notNull(),
    /** The client the work was for (SPEC §3 `client`), copied onto the survey event. */
    client: text('client'),
    /** SHA-256 of the link's token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set with the one submission the link allows. */
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** The id of the survey event the answer was stored as. */
    eventId: text('event_id'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.assistantId],
      foreignColumns: [assistants.workspaceId, assistants.id],
    }).onDelete('cascade'),
    index('survey_requests_assistant_idx').on(t.workspaceId, t.assistantId, t.createdAt),
    check('survey_requests_answer_check', sql`(${t.answeredAt} is null) = (${t.eventId} is null)`),
  ],
);
