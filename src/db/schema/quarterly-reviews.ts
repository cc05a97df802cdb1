/**
 * The quarterly relevance review (SPEC §8): per assistant and quarter, one decision per active KPI
 * — keep, adjust the target, replace or retire, each with its reason — and KPIs added as the role
 * grows. The decisions are applied to the KPIs through their own change paths in one transaction.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { assistants } from './assistants.ts';

export const quarterlyReviews = pgTable(
  'quarterly_reviews',
  {
    workspaceId: text('workspace_id').notNull(),
    id: text('id').notNull(),
    assistantId: text('assistant_id').notNull(),
    /** The quarter reviewed, `2026-Q4`. */
    quarter: text('quarter').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the decisions were applied; the review is closed from then on. */
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    appliedBy: text('applied_by'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.assistantId],
      foreignColumns: [assistants.workspaceId, assistants.id],
    }).onDelete('cascade'),
    uniqueIndex('quarterly_reviews_assistant_quarter_uq').on(t.workspaceId, t.assistantId, t.quarter),
  ],
);

export const quarterlyDecisions = pgTable(
  'quarterly_decisions',
  {
    workspaceId: text('workspace_id').notNull(),
    reviewId: text('review_id').notNull(),
    /** 1, 2, … in the order given. */
    position: integer('position').notNull(),
    /** keep | adjust_target | replace | retire | add. */
    decision: text('decision').notNull(),
    /** The KPI decided on; null for an added KPI. */
    kpiId: text('kpi_id'),
    reason: text('reason').notNull(),
    /** adjust_target: the new target proposed. */
    target: doublePrecision('target'),
    /** replace / add: the terms of the KPI proposed. */
    terms: jsonb('terms').$type<Record<string, unknown>>(),
    /** replace / add: the id of the KPI proposed. */
    resultKpiId: text('result_kpi_id'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.reviewId, t.position] }),
    foreignKey({
      columns: [t.workspaceId, t.reviewId],
      foreignColumns: [quarterlyReviews.workspaceId, quarterlyReviews.id],
    }).onDelete('cascade'),
    check(
      'quarterly_decisions_decision_check',
      sql`${t.decision} in ('keep', 'adjust_target', 'replace', 'retire', 'add')`,
    ),
    check('quarterly_decisions_reason_check', sql`length(btrim(${t.reason})) > 0`),
  ],
);
