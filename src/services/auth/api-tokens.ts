/**
 * API tokens (SPEC §13 `Authorization: Bearer`): 256-bit random, shown once, stored as SHA-256,
 * scoped to one workspace and acting as their member; revocable; dead once the member is removed.
 */

import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '#db/client';
import { apiTokens } from '#db/schema/users';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import { newId, newToken, sha256 } from '../secrets.ts';
import type { ServiceDeps } from '../service-context.ts';

export const TOKEN_PREFIX = 'tdm_';

export interface ApiTokenInfo {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export async function createApiToken(
  db: Db | Tx,
  workspaceId: string,
  userId: string,
  name: string,
): Promise<{ token: string; info: ApiTokenInfo }> {
  const token = newToken(TOKEN_PREFIX);
  const id = newId('tok');
  const [row] = await db
    .insert(apiTokens)
    .values({ id, workspaceId, userId, name, tokenHash: sha256(token) })
    .returning();
  if (!row) throw new AppError('internal', 'token not stored');
  await writeAudit(db, {
    workspaceId,
    actor: userId,
    action: 'token.create',
    target: `token:${id}`,
    after: { name },
  });
  return { token, info: { id, name, createdAt: row.createdAt, lastUsedAt: null } };
}

export async function listApiTokens(
  deps: ServiceDeps,
  workspaceId: string,
  userId: string,
): Promise<ApiTokenInfo[]> {
  return deps.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(
      and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)),
    )
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(
  deps: ServiceDeps,
  workspaceId: string,
  userId: string,
  id: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const done = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date(deps.now()) })
      .where(
        and(
          eq(apiTokens.id, id),
          eq(apiTokens.workspaceId, workspaceId),
          eq(apiTokens.userId, userId),
          isNull(apiTokens.revokedAt),
        ),
      )
      .returning({ id: apiTokens.id });
    if (done.length === 0) throw new AppError('not_found', 'No such token');
    await writeAudit(tx, { workspaceId, actor: userId, action: 'token.revoke', target: `token:${id}` });
  });
}

/** The workspace and user a presented token acts for, or null when it is unknown or revoked. */
export async function resolveApiToken(
  deps: ServiceDeps,
  token: string,
): Promise<{ workspaceId: string; userId: string } | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const rows = await deps.db
    .select({ workspaceId: apiTokens.workspaceId, userId: apiTokens.userId })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  return rows[0] ?? null;
}
