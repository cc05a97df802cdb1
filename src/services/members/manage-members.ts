/**
 * Listing, changing and removing members. Removal takes effect at once: every request re-reads
 * the membership, and the member's API tokens for the workspace are revoked with it.
 */

import { and, eq, isNull } from 'drizzle-orm';
import { assistants } from '#db/schema/assistants';
import { assignments, members, type Role } from '#db/schema/members';
import { apiTokens, users } from '#db/schema/users';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import type { Actor, ServiceDeps } from '../service-context.ts';

export interface MemberView {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  assistantId: string | null;
  createdAt: Date;
}

export async function listMembers(deps: ServiceDeps, workspaceId: string): Promise<MemberView[]> {
  return deps.db
    .select({
      userId: members.userId,
      email: users.email,
      name: users.name,
      role: members.role,
      assistantId: members.assistantId,
      createdAt: members.createdAt,
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.workspaceId, workspaceId))
    .orderBy(users.email);
}

async function ownersLeft(tx: Parameters<Parameters<ServiceDeps['db']['transaction']>[0]>[0], ws: string) {
  const rows = await tx
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.workspaceId, ws), eq(members.role, 'owner')));
  return rows.length;
}

export async function updateMember(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  patch: { role?: Role | undefined; assistantId?: string | null | undefined },
): Promise<MemberView> {
  await deps.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(members)
      .where(and(eq(members.workspaceId, actor.workspaceId), eq(members.userId, userId)))
      .limit(1);
    const before = rows[0];
    if (!before) throw new AppError('not_found', 'No such member');
    const role = patch.role ?? before.role;
    const assistantId = patch.assistantId === undefined ? before.assistantId : patch.assistantId;
    if (role === 'assistant' && !assistantId)
      throw new AppError(
        'validation_failed',
        'assistantId: a member with the assistant role needs an assistant',
        {
          field: 'assistantId',
        },
      );
    if (assistantId) {
      const a = await tx
        .select({ id: assistants.id })
        .from(assistants)
        .where(and(eq(assistants.workspaceId, actor.workspaceId), eq(assistants.id, assistantId)));
      if (!a[0]) throw new AppError('unknown_assistant', `unknown assistant ${assistantId}`);
    }
    await tx
      .update(members)
      .set({ role, assistantId: role === 'assistant' ? assistantId : null })
      .where(and(eq(members.workspaceId, actor.workspaceId), eq(members.userId, userId)));
    if (before.role === 'owner' && role !== 'owner' && (await ownersLeft(tx, actor.workspaceId)) === 0)
      throw new AppError('conflict', 'A workspace keeps at least one owner');
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'member.update',
      target: `member:${userId}`,
      before: { role: before.role, assistantId: before.assistantId },
      after: { role, assistantId: role === 'assistant' ? assistantId : null },
    });
  });
  const all = await listMembers(deps, actor.workspaceId);
  const m = all.find((x) => x.userId === userId);
  if (!m) throw new AppError('not_found', 'No such member');
  return m;
}

export async function removeMember(deps: ServiceDeps, actor: Actor, userId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const gone = await tx
      .delete(members)
      .where(and(eq(members.workspaceId, actor.workspaceId), eq(members.userId, userId)))
      .returning();
    const before = gone[0];
    if (!before) throw new AppError('not_found', 'No such member');
    if (before.role === 'owner' && (await ownersLeft(tx, actor.workspaceId)) === 0)
      throw new AppError('conflict', 'A workspace keeps at least one owner');
    await tx
      .update(apiTokens)
      .set({ revokedAt: new Date(deps.now()) })
      .where(
        and(
          eq(apiTokens.workspaceId, actor.workspaceId),
          eq(apiTokens.userId, userId),
          isNull(apiTokens.revokedAt),
        ),
      );
    await tx
      .delete(assignments)
      .where(and(eq(assignments.workspaceId, actor.workspaceId), eq(assignments.userId, userId)));
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'member.remove',
      target: `member:${userId}`,
      before: { role: before.role, assistantId: before.assistantId },
    });
  });
}
