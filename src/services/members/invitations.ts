/**
 * Invitations by single-use link: a 256-bit random token, stored hashed, expiring after 7 days.
 * Accepting creates the account (with the chosen password) or, for an existing account, checks
 * its password; then adds the membership and starts a session.
 */

import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { assistants } from '#db/schema/assistants';
import { invitations, members, type Role } from '#db/schema/members';
import { users } from '#db/schema/users';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import { dummyHash, hashPassword, verifyPassword } from '../auth/password-hash.ts';
import { assertPasswordAcceptable } from '../auth/password-policy.ts';
import { createSession } from '../auth/sessions.ts';
import { normalizeEmail } from '../auth/sign-in.ts';
import { newId, newToken, sha256 } from '../secrets.ts';
import type { Actor, ServiceDeps } from '../service-context.ts';
import { ensureUser } from '../workspaces/create-workspace.ts';

export const INVITATION_TTL_MS = 7 * 86_400_000;

export type InvitationRow = typeof invitations.$inferSelect;

export async function createInvitation(
  deps: ServiceDeps,
  actor: Actor,
  input: { email: string; role: Role; assistantId?: string | undefined },
): Promise<{ invitation: InvitationRow; url: string }> {
  if (input.role === 'assistant' && !input.assistantId)
    throw new AppError('validation_failed', 'assistantId: inviting an assistant needs the assistant id', {
      field: 'assistantId',
    });
  return deps.db.transaction(async (tx) => {
    if (input.assistantId) {
      const a = await tx
        .select({ id: assistants.id })
        .from(assistants)
        .where(and(eq(assistants.workspaceId, actor.workspaceId), eq(assistants.id, input.assistantId)));
      if (!a[0]) throw new AppError('unknown_assistant', `unknown assistant ${input.assistantId}`);
    }
    const token = newToken();
    const [row] = await tx
      .insert(invitations)
      .values({
        id: newId('inv'),
        workspaceId: actor.workspaceId,
        email: normalizeEmail(input.email),
        role: input.role,
        assistantId: input.role === 'assistant' ? (input.assistantId ?? null) : null,
        tokenHash: sha256(token),
        invitedBy: actor.userId,
        expiresAt: new Date(deps.now() + INVITATION_TTL_MS),
      })
      .returning();
    if (!row) throw new AppError('internal', 'invitation not stored');
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'invitation.create',
      target: `invitation:${row.id}`,
      after: { email: row.email, role: row.role, assistantId: row.assistantId },
    });
    return { invitation: row, url: `${deps.publicUrl}/invite#token=${token}` };
  });
}

export async function listInvitations(deps: ServiceDeps, workspaceId: string): Promise<InvitationRow[]> {
  return deps.db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.workspaceId, workspaceId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

export async function revokeInvitation(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const done = await tx
      .update(invitations)
      .set({ revokedAt: new Date(deps.now()) })
      .where(
        and(
          eq(invitations.workspaceId, actor.workspaceId),
          eq(invitations.id, id),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id });
    if (!done[0]) throw new AppError('not_found', 'No such invitation');
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'invitation.revoke',
      target: `invitation:${id}`,
    });
  });
}

export async function acceptInvitation(
  deps: ServiceDeps,
  token: string,
  password: string,
): Promise<{
  workspaceId: string;
  userId: string;
  session: { token: string; csrfToken: string; expiresAt: Date };
}> {
  return deps.db.transaction(async (tx) => {
    // Consumed by one conditional UPDATE: of two requests presenting the same token at once, the
    // second waits on the row and then finds it accepted. A wrong password rolls the use back.
    const rows = await tx
      .update(invitations)
      .set({ acceptedAt: new Date(deps.now()) })
      .where(
        and(
          eq(invitations.tokenHash, sha256(token)),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, new Date(deps.now())),
        ),
      )
      .returning();
    const inv = rows[0];
    if (!inv) {
      await verifyPassword(password, await dummyHash(deps.scryptN));
      throw new AppError('invalid_token', 'This invitation is unknown, used, revoked or expired');
    }
    const existing = await tx.select().from(users).where(eq(users.email, inv.email)).limit(1);
    let userId: string;
    if (existing[0]?.passwordHash) {
      if (!(await verifyPassword(password, existing[0].passwordHash)))
        throw new AppError('invalid_credentials', 'The password is wrong for this existing account');
      userId = existing[0].id;
    } else if (existing[0]) {
      userId = (await ensureUser(deps, tx, inv.email)).id;
      assertPasswordAcceptable(password, inv.email);
      await tx
        .update(users)
        .set({ passwordHash: await hashPassword(password, deps.scryptN) })
        .where(eq(users.id, userId));
    } else {
      userId = (await ensureUser(deps, tx, inv.email, password)).id;
    }
    await tx
      .insert(members)
      .values({ workspaceId: inv.workspaceId, userId, role: inv.role, assistantId: inv.assistantId })
      .onConflictDoUpdate({
        target: [members.workspaceId, members.userId],
        set: { role: inv.role, assistantId: inv.assistantId },
      });
    await writeAudit(tx, {
      workspaceId: inv.workspaceId,
      actor: userId,
      action: 'invitation.accept',
      target: `invitation:${inv.id}`,
      after: { role: inv.role, assistantId: inv.assistantId },
    });
    const session = await createSession(deps, userId, tx);
    return { workspaceId: inv.workspaceId, userId, session };
  });
}
