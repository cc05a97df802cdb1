/** Manager and coach assignments: which assistants a manager or coach sees (SPEC §1). */

import { and, asc, eq, inArray } from 'drizzle-orm';
import { assistants } from '#db/schema/assistants';
import { assignments, members } from '#db/schema/members';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import type { Actor, AssistantScope, ServiceDeps } from '../service-context.ts';

export interface AssignmentView {
  assistantId: string;
  userId: string;
  role: string;
  createdAt: Date;
}

export async function listAssignments(
  deps: ServiceDeps,
  ws: string,
  scope: AssistantScope,
): Promise<AssignmentView[]> {
  if (scope !== 'all' && scope.length === 0) return [];
  const where = [eq(assignments.workspaceId, ws)];
  if (scope !== 'all') where.push(inArray(assignments.assistantId, [...scope]));
  return deps.db
    .select({
      assistantId: assignments.assistantId,
      userId: assignments.userId,
      role: members.role,
      createdAt: assignments.createdAt,
    })
    .from(assignments)
    .innerJoin(
      members,
      and(eq(members.workspaceId, assignments.workspaceId), eq(members.userId, assignments.userId)),
    )
    .where(and(...where))
    .orderBy(asc(assignments.assistantId), asc(assignments.userId));
}

export async function assign(
  deps: ServiceDeps,
  actor: Actor,
  input: { assistantId: string; userId: string },
): Promise<AssignmentView> {
  return deps.db.transaction(async (tx) => {
    const ws = actor.workspaceId;
    const a = await tx
      .select({ id: assistants.id })
      .from(assistants)
      .where(and(eq(assistants.workspaceId, ws), eq(assistants.id, input.assistantId)));
    if (!a[0])
      throw new AppError('unknown_assistant', `unknown assistant ${input.assistantId}`, {
        field: 'assistant',
      });
    const m = await tx
      .select({ role: members.role })
      .from(members)
      .where(and(eq(members.workspaceId, ws), eq(members.userId, input.userId)));
    const role = m[0]?.role;
    if (!role) throw new AppError('unprocessable', `No member ${input.userId}`, { field: 'member' });
    if (role !== 'manager' && role !== 'coach')
      throw new AppError('unprocessable', 'Only managers and coaches are assigned to assistants', {
        field: 'member',
      });
    const [row] = await tx
      .insert(assignments)
      .values({ workspaceId: ws, ...input })
      .onConflictDoNothing()
      .returning();
    if (row)
      await writeAudit(tx, {
        workspaceId: ws,
        actor: actor.userId,
        action: 'assignment.create',
        target: `assistant:${input.assistantId}/assignment:${input.userId}`,
        after: { ...input, role },
      });
    return { ...input, role, createdAt: row?.createdAt ?? new Date(deps.now()) };
  });
}

export async function unassign(
  deps: ServiceDeps,
  actor: Actor,
  input: { assistantId: string; userId: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const gone = await tx
      .delete(assignments)
      .where(
        and(
          eq(assignments.workspaceId, actor.workspaceId),
          eq(assignments.assistantId, input.assistantId),
          eq(assignments.userId, input.userId),
        ),
      )
      .returning();
    if (!gone[0]) throw new AppError('not_found', 'No such assignment');
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'assignment.delete',
      target: `assistant:${input.assistantId}/assignment:${input.userId}`,
      before: input,
    });
  });
}
