/**
 * Server-side sessions: the cookie holds a 256-bit random token, the store only its hash, so a
 * session ends the moment its row is deleted (sign-out, password reset, account removal).
 */

import { and, eq, gt } from 'drizzle-orm';
import type { Db, Tx } from '#db/client';
import { sessions, users } from '#db/schema/users';
import { newToken, sha256 } from '../secrets.ts';
import type { ServiceDeps } from '../service-context.ts';

export const SESSION_TTL_MS = 14 * 86_400_000;

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
}

export interface ResolvedSession {
  user: SessionUser;
  csrfToken: string;
  tokenHash: string;
}

/** Starts a session; returns the cookie token (shown once) and the CSRF token. */
export async function createSession(
  deps: ServiceDeps,
  userId: string,
  db: Db | Tx = deps.db,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(deps.now() + SESSION_TTL_MS);
  await db.insert(sessions).values({ tokenHash: sha256(token), userId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function resolveSession(deps: ServiceDeps, token: string): Promise<ResolvedSession | null> {
  const tokenHash = sha256(token);
  const rows = await deps.db
    .select({ id: users.id, email: users.email, name: users.name, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date(deps.now()))))
    .limit(1);
  const r = rows[0];
  if (!r) return null;
  return { user: { id: r.id, email: r.email, name: r.name }, csrfToken: r.csrfToken, tokenHash };
}

export async function deleteSession(deps: ServiceDeps, token: string): Promise<void> {
  await deps.db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

export async function deleteUserSessions(db: Db | Tx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
