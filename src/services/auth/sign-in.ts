/**
 * E-mail + password sign-in. An unknown e-mail, an account without a password and a wrong
 * password give the same error after the same scrypt work, so neither the answer nor its timing
 * tells whether an account exists.
 */

import { eq } from 'drizzle-orm';
import { users } from '#db/schema/users';
import { AppError } from '#src/errors';
import type { ServiceDeps } from '../service-context.ts';
import { dummyHash, verifyPassword } from './password-hash.ts';
import { createSession, type SessionUser } from './sessions.ts';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function signIn(
  deps: ServiceDeps,
  email: string,
  password: string,
): Promise<{ user: SessionUser; token: string; csrfToken: string; expiresAt: Date }> {
  const rows = await deps.db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .limit(1);
  const user = rows[0];
  const stored = user?.passwordHash ?? (await dummyHash(deps.scryptN));
  const ok = await verifyPassword(password, stored);
  if (!user?.passwordHash || !ok)
    throw new AppError('invalid_credentials', 'The e-mail address or the password is wrong');
  const s = await createSession(deps, user.id);
  return { user: { id: user.id, email: user.email, name: user.name }, ...s };
}
