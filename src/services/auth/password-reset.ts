/**
 * Single-use, expiring password links (also the `setPasswordUrl` that `tandem init` prints).
 * Completing one sets the password and ends every session of that person.
 */

import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db, Tx } from '#db/client';
import { passwordResets, users } from '#db/schema/users';
import { AppError } from '#src/errors';
import { newToken, sha256 } from '../secrets.ts';
import type { ServiceDeps } from '../service-context.ts';
import { auditAccountChange } from './account-audit.ts';
import { hashPassword } from './password-hash.ts';
import { assertPasswordAcceptable } from './password-policy.ts';
import { deleteUserSessions } from './sessions.ts';

export const RESET_TTL_MS = 3 * 86_400_000;

/** Creates a link to set a password; returns the URL (shown once, never stored). */
export async function createPasswordLink(
  deps: ServiceDeps,
  userId: string,
  db: Db | Tx = deps.db,
): Promise<string> {
  const token = newToken();
  await db
    .insert(passwordResets)
    .values({ tokenHash: sha256(token), userId, expiresAt: new Date(deps.now() + RESET_TTL_MS) });
  return `${deps.publicUrl}/set-password#token=${token}`;
}

export async function completePasswordReset(
  deps: ServiceDeps,
  token: string,
  password: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    // Consumed by one conditional UPDATE: of two requests presenting the same token at once, the
    // second waits on the row and then finds it used. A refused password rolls the use back.
    const used = await tx
      .update(passwordResets)
      .set({ usedAt: new Date(deps.now()) })
      .where(
        and(
          eq(passwordResets.tokenHash, sha256(token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, new Date(deps.now())),
        ),
      )
      .returning({ userId: passwordResets.userId });
    const userId = used[0]?.userId;
    if (!userId) throw new AppError('invalid_token', 'This link is unknown, used or expired');
    const who = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    assertPasswordAcceptable(password, who[0]?.email);
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(password, deps.scryptN) })
      .where(eq(users.id, userId));
    await deleteUserSessions(tx, userId);
    await auditAccountChange(tx, userId, 'account.password-reset');
  });
}
