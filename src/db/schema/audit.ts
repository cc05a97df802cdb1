/** The audit log (SPEC §11: every change is in it): who, what, when, before/after. */
import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces.ts';

export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The acting user's id, or a label such as `cli` for commands run on the server. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    /** What was changed, e.g. `event:task:T1`, `assistant:a1`. */
    target: text('target'),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_workspace_idx').on(t.workspaceId, t.seq)],
);
