/**
 * KPIs and their target history (SPEC §5). A KPI is active only once both sides agreed; the
 * partial unique index keeps a KPI from being taken over by two active replacements, and the
 * services lock the assistant's row while activating so the active-KPI limit holds under
 * concurrent agreements (issue 6 §5).
 */
import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { PendingTarget } from '#core/kpis/kpi';
import type { MetricFilter } from '#core/metrics/metric-registry';
import { assistants } from './assistants.ts';

export const kpis = pgTable(
  'kpis',
  {
    workspaceId: text('workspace_id').notNull(),
    id: text('id').notNull(),
    assistantId: text('assistant_id').notNull(),
    name: text('name').notNull(),
    metric: text('metric').notNull(),
    filter: jsonb('filter').$type<MetricFilter>(),
    /** higher | lower is better. */
    direction: text('direction').notNull(),
    /** week | month | quarter; null: the metric's default (SPEC §5). */
    period: text('period'),
    /** A manual KPI's scale; null: unbounded. */
    scale: text('scale'),
    /** proposed | active | retired | replaced. */
    status: text('status').notNull(),
    /** manager | assistant: the side that proposed. */
    proposedBy: text('proposed_by').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    agreedByManagerAt: timestamp('agreed_by_manager_at', { withTimezone: true }),
    agreedByAssistantAt: timestamp('agreed_by_assistant_at', { withTimezone: true }),
    /** Instant the second side agreed: the KPI became active. */
    agreedAt: timestamp('agreed_at', { withTimezone: true }),
    /** Local date (assistant's zone) the KPI started; the 14-day baseline runs from it. */
    startedOn: text('started_on'),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    replacedBy: text('replaced_by'),
    replaces: text('replaces'),
    /** Buckets or dates at which the process changed: each starts a new phase (SPEC §6). */
    processChanges: jsonb('process_changes').$type<string[]>().notNull().default([]),
    /** A target one side proposed, waiting for the other side's agreement (SPEC §5); null: none. */
    pendingTarget: jsonb('pending_target').$type<PendingTarget>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.assistantId],
      foreignColumns: [assistants.workspaceId, assistants.id],
    }).onDelete('cascade'),
    index('kpis_assistant_idx').on(t.workspaceId, t.assistantId),
    uniqueIndex('kpis_one_active_replacement')
      .on(t.workspaceId, t.replaces)
      .where(sql`${t.status} = 'active' and ${t.replaces} is not null`),
    check('kpis_status_check', sql`${t.status} in ('proposed', 'active', 'retired', 'replaced')`),
    check('kpis_direction_check', sql`${t.direction} in ('higher', 'lower')`),
    check(
      'kpis_active_agreed_check',
      sql`${t.status} <> 'active' or (${t.agreedByManagerAt} is not null and ${t.agreedByAssistantAt} is not null)`,
    ),
  ],
);

export const kpiTargets = pgTable(
  'kpi_targets',
  {
    workspaceId: text('workspace_id').notNull(),
    kpiId: text('kpi_id').notNull(),
    /** Local date from which the target is in force. */
    effectiveFrom: text('effective_from').notNull(),
    value: doublePrecision('value').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
    /** manager | assistant. */
    setBy: text('set_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.kpiId, t.effectiveFrom] }),
    foreignKey({ columns: [t.workspaceId, t.kpiId], foreignColumns: [kpis.workspaceId, kpis.id] }).onDelete(
      'cascade',
    ),
  ],
);
