/**
 * The one-time setup link `serve` prints on an empty store (no default credentials ever): whoever
 * holds it creates the first workspace and its owner, once. Only its hash is stored.
 */
import { timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { instanceSettings, workspaces } from '#db/schema/workspaces';
import { AppError } from '#src/errors';
import { createSession } from '../auth/sessions.ts';
import { newToken, sha256 } from '../secrets.ts';
import type { ServiceDeps } from '../service-context.ts';
import { createWorkspace } from './create-workspace.ts';

const KEY = 'setup_token';

export async function storeIsEmpty(deps: ServiceDeps): Promise<boolean> {
  const rows = await deps.db.select({ id: workspaces.id }).from(workspaces).limit(1);
  return rows.length === 0;
}

/** A fresh setup URL when the store has no workspace yet, else null. */
export async function issueSetupUrl(deps: ServiceDeps): Promise<string | null> {
  if (!(await storeIsEmpty(deps))) return null;
  const token = newToken();
  await deps.db
    .insert(instanceSettings)
    .values({ key: KEY, value: { hash: sha256(token) } })
    .onConflictDoUpdate({
      target: instanceSettings.key,
      set: { value: { hash: sha256(token) }, updatedAt: new Date(deps.now()) },
    });
  return `${deps.publicUrl}/setup#token=${token}`;
}

export async function completeSetup(
  deps: ServiceDeps,
  input: { token: string; workspace: string; email: string; password: string },
): Promise<{ workspaceId: string; session: { token: string; csrfToken: string; expiresAt: Date } }> {
  return deps.db.transaction(async (tx) => {
    const rows = await tx.select().from(instanceSettings).where(eq(instanceSettings.key, KEY)).limit(1);
    const want = (rows[0]?.value as { hash?: string } | undefined)?.hash ?? '';
    const got = sha256(input.token);
    if (want.length !== got.length || !timingSafeEqual(Buffer.from(want), Buffer.from(got)))
      throw new AppError('invalid_token', 'This setup link is unknown or already used');
    const existing = await tx.select({ id: workspaces.id }).from(workspaces).limit(1);
    if (existing.length > 0) throw new AppError('conflict', 'Setup is already done');
    if (input.workspace.trim().length === 0)
      throw new AppError('validation_failed', 'workspace: give the workspace a name', { field: 'workspace' });
    const created = await createWorkspace(
      deps,
      { name: input.workspace.trim(), owner: { email: input.email, password: input.password } },
      tx,
    );
    await tx.delete(instanceSettings).where(eq(instanceSettings.key, KEY));
    const session = await createSession(deps, created.userId, tx);
    return { workspaceId: created.workspace.id, session };
  });
}
