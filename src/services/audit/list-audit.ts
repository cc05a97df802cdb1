/** The workspace's audit log, newest first, with cursor pagination. */

import { and, desc, eq, lt } from 'drizzle-orm';
import { auditLog } from '#db/schema/audit';
import type { ServiceDeps } from '../service-context.ts';

export type AuditRow = typeof auditLog.$inferSelect;

export async function listAudit(
  deps: ServiceDeps,
  ws: string,
  opts: { limit: number; before?: number | undefined },
): Promise<{ entries: AuditRow[]; next: number | null }> {
  const where = [eq(auditLog.workspaceId, ws)];
  if (opts.before !== undefined) where.push(lt(auditLog.seq, opts.before));
  const rows = await deps.db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.seq))
    .limit(opts.limit + 1);
  const entries = rows.slice(0, opts.limit);
  const last = entries[entries.length - 1];
  return { entries, next: rows.length > opts.limit && last ? last.seq : null };
}
