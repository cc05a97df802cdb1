/**
 * A signed-in person changes their own password: the current one is checked, the new one must pass
 * the policy, every session of theirs ends (the caller signs in again), and the change is audited
 * in each of their workspaces (SPEC §11).
 */
import { eq } from 'drizzle-orm';
import { users } from '#db/schema/users';
import { AppError } from '#src/errors';
import type { ServiceDeps } from '../service-context.ts';
import { auditAccountChange } from './account-audit.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { assertPasswordAcceptable } from './password-policy.ts';
import { deleteUserSessions } from './sessions.ts';

export async function changePassword(
  deps: ServiceDeps,
  userId: string,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const rows = await deps.db.select().from(users).where(eq(users.id, userId)).limit(1);
  const user = rows[0];
  if (!user?.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash)))
    throw new AppError('invalid_credentials', 'The current password is wrong');
  assertPasswordAcceptable(newPassword, user.email);
  const hash = await hashPassword(newPassword, deps.scryptN);
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, user.id));
    await deleteUserSessions(tx, user.id);
    await auditAccountChange(tx, user.id, 'account.password-change');
  });
}
