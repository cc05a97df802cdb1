/**
 * Deletes a workspace and every row it owns (SPEC §11), confirmed by typing its name. Tenant rows
 * go by cascade from the workspace row; accounts left with no workspace at all are deleted too, so
 * nothing about those people remains.
 */

import { eq, inArray, sql } from 'drizzle-orm';
import { members } from '#db/schema/members';
import { users } from '#db/schema/users';
import { workspaces } from '#db/schema/workspaces';
import { AppError } from '#src/errors';
import type { Actor, ServiceDeps } from '../service-context.ts';

export async function deleteWorkspace(deps: ServiceDeps, actor: Actor, confirmName: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const rows = await tx.select().from(workspaces).where(eq(workspaces.id, actor.workspaceId)).limit(1);
    const ws = rows[0];
    if (!ws) throw new AppError('not_found', 'No such workspace');
    if (confirmName !== ws.name)
      throw new AppError('validation_failed', 'confirm: type the workspace name exactly to delete it', {
        field: 'confirm',
      });
    const people = await tx
      .select({ userId: members.userId })
      .from(members)
      .where(eq(members.workspaceId, ws.id));
    await tx.delete(workspaces).where(eq(workspaces.id, ws.id));
    const ids = people.map((p) => p.userId);
    if (ids.length > 0)
      await tx
        .delete(users)
        .where(
          sql`${inArray(users.id, ids)} and not exists (select 1 from ${members} m where m.user_id = ${users.id})`,
        );
  });
}
