/** Tenants (SPEC §1: nothing ever crosses tenants) and instance-wide settings such as the setup token. */
import { bigint, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const workspaces = pgTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  /** Bumped by every change to events or assistants: caches of prepared metric rows compare it. */
  dataVersion: bigint('data_version', { mode: 'number' }).notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Key/value settings of the whole installation (not tenant data), e.g. the one-time setup token hash. */
export const instanceSettings = pgTable('instance_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
