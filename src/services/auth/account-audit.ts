/**
 * Accounts are global (one per e-mail) while the audit log is per workspace (SPEC §11: every change
 * is in the audit log), so a change to an account — its password set, changed or reset — is
 * recorded in every workspace the account belongs to.
 */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '#db/client';
import { members } from '#db/schema/members';
import { writeAudit } from '../audit.ts';

export async function auditAccountChange(
  db: Db | Tx,
  userId: string,
  action: 'account.password-change' | 'account.password-reset',
): Promise<void> {
  const rows = await db
    .select({ workspaceId: members.workspaceId })
    .from(members)
    .where(eq(members.userId, userId));
  for (const r of rows)
    await writeAudit(db, { workspaceId: r.workspaceId, actor: userId, action, target: `user:${userId}` });
}
