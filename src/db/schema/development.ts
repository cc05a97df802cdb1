/**
 * Development plans (SPEC §8 "Training and development"): a skill gap — a KPI or a rubric
 * criterion below target for 4+ weeks — turned by the manager, coach and assistant into a plan of
 * items (workshop, course, mentoring, practice task; owner; due date; status). The plan keeps the
 * value the gap stood at when it started, so the next reviews show the KPI's movement since then
 * beside the plan's progress.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { assistants } from './assistants.ts';

export const developmentPlans = pgTable(
  'development_plans',
  {
    workspaceId: text('workspace_id').notNull(),
    id: text('id').notNull(),
    assistantId: text('assistant_id').notNull(),
    title: text('title').notNull(),
    /** The KPI the plan works on, or null for a rubric criterion or a plan without a gap. */
    kpiId: text('kpi_id'),
    /** The rubric criterion (SPEC §3 rating criteria) the plan works on. */
    criterion: text('criterion'),
    /** Local date (assistant's zone) the plan started. */
    startedOn: text('started_on').notNull(),
    /** The last complete week before the start and the gap's value then (null: no value yet). */
    startWeek: text('start_week'),
    startValue: doublePrecision('start_value'),
    /** active | completed | cancelled */
    status: text('status').notNull().default('active'),
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
    index('development_plans_assistant_idx').on(t.workspaceId, t.assistantId),
    check('development_plans_status_check', sql`${t.status} in ('active', 'completed', 'cancelled')`),
    check('development_plans_subject_check', sql`${t.kpiId} is null or ${t.criterion} is null`),
  ],
);

export const developmentItems = pgTable(
  'development_items',
  {
    workspaceId: text('workspace_id').notNull(),
    id: text('id').notNull(),
    planId: text('plan_id').notNull(),
    /** workshop | course | mentoring | practice_task (SPEC §8). */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** The member (user id) who owns the item. */
    ownerUserId: text('owner_user_id').notNull(),
    dueDate: text('due_date').notNull(),
    /** planned | in_progress | done */
    status: text('status').notNull().default('planned'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.planId],
      foreignColumns: [developmentPlans.workspaceId, developmentPlans.id],
    }).onDelete('cascade'),
    index('development_items_plan_idx').on(t.workspaceId, t.planId),
    check(
      'development_items_kind_check',
      sql`${t.kind} in ('workshop', 'course', 'mentoring', 'practice_task')`,
    ),
    check('development_items_status_check', sql`${t.status} in ('planned', 'in_progress', 'done')`),
    check('development_items_done_check', sql`(${t.status} = 'done') = (${t.doneAt} is not null)`),
  ],
);
