/**
 * The review rhythm (SPEC §8): biweekly check-ins with notes from both sides and action items that
 * carry forward until done, and monthly reviews that both sides comment on and sign off. A review's
 * agenda is frozen into `agenda` at the second sign-off; from then on the review is locked and any
 * change is an amendment entry beside the original (issue 8 §2).
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
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { assistants } from './assistants.ts';

export const checkins = pgTable(
  'checkins',
  {
    workspaceId: text('workspace_id').notNull(),
    id: text('id').notNull(),
    assistantId: text('assistant_id').notNull(),
    /** Local date (assistant's zone) the check-in is scheduled for. */
    date: text('date').notNull(),
    /** Written only by the manager's side (owner, manager). */
    managerNotes: text('manager_notes').notNull().default(''),
    /** Written only by the assistant. */
    assistantNotes: text('assistant_notes').notNull().default(''),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.assistantId],
      foreignColumns: [assistants.workspaceId, assistants.id],
    }).onDelete('cascade'),
    // One check-in a day per assistant: a double submit does not schedule two.
    uniqueIndex('checkins_assistant_date_uq').on(t.workspaceId, t.assistantId, t.date),
  ],
);

export const actionItems = pgTable(
  'action_items',
  {
    workspaceId: text('workspace_id').notNull(),
    id: text('id').notNull(),
    /** The check-in the item was agreed at; it shows on every later one until done. */
    checkinId: text('checkin_id').notNull(),
    assistantId: text('assistant_id').notNull(),
    text: text('text').notNull(),
    /** The member (user id) who owns the item. */
    ownerUserId: text('owner_user_id').notNull(),
    dueDate: text('due_date').notNull(),
    done: boolean('done').notNull().default(false),
    doneAt: timestamp('done_at', { withTimezone: true }),
    /** Local date (assistant's zone) it was marked done: later check-ins from then on leave it out. */
    doneOn: text('done_on'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.checkinId],
      foreignColumns: [checkins.workspaceId, checkins.id],
    }).onDelete('cascade'),
    index('action_items_assistant_idx').on(t.workspaceId, t.assistantId),
    check('action_items_done_check', sql`${t.done} = (${t.doneAt} is not null)`),
  ],
);

export const reviews = pgTable(
  'reviews',
  {
    workspaceId: text('workspace_id').notNull(),
    id: text('id').notNull(),
    assistantId: text('assistant_id').notNull(),
    /** The month reviewed, `2026-11`. */
    month: text('month').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    managerSignedAt: timestamp('manager_signed_at', { withTimezone: true }),
    managerSignedBy: text('manager_signed_by'),
    assistantSignedAt: timestamp('assistant_signed_at', { withTimezone: true }),
    assistantSignedBy: text('assistant_signed_by'),
    /** Set with the second sign-off; the agenda is frozen from then on. */
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    /** The agenda as both sides signed it (null until locked: generated on each read before). */
    agenda: jsonb('agenda'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.assistantId],
      foreignColumns: [assistants.workspaceId, assistants.id],
    }).onDelete('cascade'),
    uniqueIndex('reviews_assistant_month_uq').on(t.workspaceId, t.assistantId, t.month),
    check(
      'reviews_locked_check',
      sql`${t.lockedAt} is null or (${t.managerSignedAt} is not null and ${t.assistantSignedAt} is not null and ${t.agenda} is not null)`,
    ),
  ],
);

export const reviewEntries = pgTable(
  'review_entries',
  {
    workspaceId: text('workspace_id').notNull(),
    id: text('id').notNull(),
    reviewId: text('review_id').notNull(),
    /** 1, 2, … in the order written: entries written within one clock tick keep their order. */
    position: integer('position').notNull(),
    /** comment: before the lock; amendment: after it, beside the original. */
    kind: text('kind').notNull(),
    /** manager | assistant | coach: the side the author speaks for. */
    side: text('side').notNull(),
    authorUserId: text('author_user_id').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.reviewId],
      foreignColumns: [reviews.workspaceId, reviews.id],
    }).onDelete('cascade'),
    uniqueIndex('review_entries_position_uq').on(t.workspaceId, t.reviewId, t.position),
    check('review_entries_kind_check', sql`${t.kind} in ('comment', 'amendment')`),
    check('review_entries_side_check', sql`${t.side} in ('manager', 'assistant', 'coach')`),
  ],
);
