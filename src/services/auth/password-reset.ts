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
    const rows = await tx
      .select({ userId: passwordResets.userId, email: users.email })
      .from(passwordResets)
      .innerJoin(users, eq(users.id, passwordResets.userId))
      .where(
        and(
          eq(passwordResets.tokenHash, sha256(token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, new Date(deps.now())),
        ),
      )
      .limit(1);
    const r = rows[0];
    if (!r) throw new AppError('invalid_token', 'This link is unknown, used or expired');
    assertPasswordAcceptable(password, r.email);
    await tx
      .update(passwordResets)
      .set({ usedAt: new Date(deps.now()) })
      .where(eq(passwordResets.tokenHash, sha256(token)));
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(password, deps.scryptN) })
      .where(eq(users.id, r.userId));
    await deleteUserSessions(tx, r.userId);
    await auditAccountChange(tx, r.userId, 'account.password-reset');
  });
}
