/**
 * Creates a workspace with its owner — from `tandem init`, the one-time setup page, or a signed-in
 * person. The owner's account is created when the e-mail is new; no default credentials ever:
 * the owner sets a password through a single-use link or the setup form.
 */

import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '#db/client';
import { members } from '#db/schema/members';
import { users } from '#db/schema/users';
import { workspaces } from '#db/schema/workspaces';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import { hashPassword } from '../auth/password-hash.ts';
import { assertPasswordAcceptable } from '../auth/password-policy.ts';
import { normalizeEmail } from '../auth/sign-in.ts';
import { newId } from '../secrets.ts';
import type { ServiceDeps } from '../service-context.ts';

export interface CreatedWorkspace {
  workspace: { id: string; name: string };
  userId: string;
  newUser: boolean;
}

/** Finds the user with that e-mail or creates one (with a password when given). */
export async function ensureUser(
  deps: ServiceDeps,
  tx: Db | Tx,
  email: string,
  password?: string,
): Promise<{ id: string; created: boolean }> {
  const e = normalizeEmail(email);
  const found = await tx.select({ id: users.id }).from(users).where(eq(users.email, e)).limit(1);
  if (found[0]) return { id: found[0].id, created: false };
  if (password !== undefined) assertPasswordAcceptable(password, e);
  const id = newId('usr');
  await tx.insert(users).values({
    id,
    email: e,
    passwordHash: password === undefined ? null : await hashPassword(password, deps.scryptN),
  });
  return { id, created: true };
}

export async function createWorkspace(
  deps: ServiceDeps,
  input: {
    name: string;
    /** An existing account, or an e-mail to find or create one. */
    owner: { userId: string } | { email: string; password?: string };
    refuseIfOwner?: boolean;
  },
  db: Db | Tx = deps.db,
): Promise<CreatedWorkspace> {
  const run = async (tx: Db | Tx): Promise<CreatedWorkspace> => {
    const o = input.owner;
    const user =
      'userId' in o ? { id: o.userId, created: false } : await ensureUser(deps, tx, o.email, o.password);
    if (input.refuseIfOwner && !user.created) {
      const owned = await tx
        .select({ ws: members.workspaceId })
        .from(members)
        .where(and(eq(members.userId, user.id), eq(members.role, 'owner')))
        .limit(1);
      if (owned[0])
        throw new AppError(
          'already_exists',
          `${'email' in o ? normalizeEmail(o.email) : 'this account'} already owns a workspace`,
          {
            workspace: owned[0].ws,
          },
        );
    }
    const id = newId('ws');
    await tx.insert(workspaces).values({ id, name: input.name });
    await tx.insert(members).values({ workspaceId: id, userId: user.id, role: 'owner' });
    await writeAudit(tx, {
      workspaceId: id,
      actor: user.id,
      action: 'workspace.create',
      target: `workspace:${id}`,
      after: { name: input.name, owner: user.id },
    });
    return { workspace: { id, name: input.name }, userId: user.id, newUser: user.created };
  };
  return db === deps.db ? deps.db.transaction(run) : run(db);
}
