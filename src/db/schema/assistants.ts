/** Assistants with their time model (SPEC §2), the clients they serve, and external identities (SPEC §10). */

import { jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { HistoryEntry, LocalInterval, WeeklySchedule } from '#core/events/event-types';
import { workspaces } from './workspaces.ts';

export const assistants = pgTable(
  'assistants',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The id events use in their `assistant` field. */
    id: text('id').notNull(),
    name: text('name'),
    timezone: text('timezone').notNull(),
    /** Null: Mon–Fri 09:00–17:00 (SPEC §2). */
    schedule: jsonb('schedule').$type<WeeklySchedule>(),
    daysOff: jsonb('days_off').$type<string[]>().notNull().default([]),
    exceptions: jsonb('exceptions').$type<Record<string, LocalInterval[]>>().notNull().default({}),
    /** Zone/schedule changes, each from a local date on; earlier weeks keep the earlier model (SPEC §2). */
    history: jsonb('history').$type<HistoryEntry[]>().notNull().default([]),
    role: text('role'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const clients = pgTable(
  'clients',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const IDENTITY_PROVIDERS = ['email', 'slack', 'trello', 'asana', 'toggl', 'clockify', 'jira'] as const;
export type IdentityProvider = (typeof IDENTITY_PROVIDERS)[number];

export const identities = pgTable(
  'identities',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    provider: text('provider').$type<IdentityProvider>().notNull(),
    externalId: text('external_id').notNull(),
    assistantId: text('assistant_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.provider, t.externalId] })],
);
