/**
 * Quality sampling (issue 8): each week a random sample of an assistant's completed tasks waits for
 * the manager to rate with the role's rubric (SPEC §9); a rating becomes a §3 rating event whose
 * workRef names the task. One row per drawn task; the week's draw happens once.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { assistants } from './assistants.ts';

export const qualitySamples = pgTable(
  'quality_samples',
  {
    workspaceId: text('workspace_id').notNull(),
    id: text('id').notNull(),
    assistantId: text('assistant_id').notNull(),
    /** The ISO week (assistant's zone) the task was completed in: the week of the draw. */
    week: text('week').notNull(),
    taskId: text('task_id').notNull(),
    /** pending | rated | skipped */
    status: text('status').notNull().default('pending'),
    /** The rating event's id once rated. */
    ratingId: text('rating_id'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.assistantId],
      foreignColumns: [assistants.workspaceId, assistants.id],
    }).onDelete('cascade'),
    uniqueIndex('quality_samples_task_uq').on(t.workspaceId, t.assistantId, t.week, t.taskId),
    index('quality_samples_week_idx').on(t.workspaceId, t.assistantId, t.week),
    check('quality_samples_status_check', sql`${t.status} in ('pending', 'rated', 'skipped')`),
  ],
);

/** The weeks already drawn per assistant, so a week with no candidates is not drawn again. */
export const qualityDraws = pgTable(
  'quality_draws',
  {
    workspaceId: text('workspace_id').notNull(),
    assistantId: text('assistant_id').notNull(),
    week: text('week').notNull(),
    /** How many completed tasks the sample was drawn from. */
    candidates: integer('candidates').notNull(),
    drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.assistantId, t.week] }),
    foreignKey({
      columns: [t.workspaceId, t.assistantId],
      foreignColumns: [assistants.workspaceId, assistants.id],
    }).onDelete('cascade'),
  ],
);
