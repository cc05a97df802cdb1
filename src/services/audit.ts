/** Writes one audit entry (SPEC §11: every change is in the audit log), inside the caller's transaction. */
import type { Db, Tx } from '#db/client';
import { auditLog } from '#db/schema/audit';

export interface AuditEntry {
  workspaceId: string;
  actor: string;
  action: string;
  target?: string | null;
  before?: unknown;
  after?: unknown;
}

export async function writeAudit(db: Db | Tx, e: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    workspaceId: e.workspaceId,
    actor: e.actor,
    action: e.action,
    target: e.target ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
  });
}
