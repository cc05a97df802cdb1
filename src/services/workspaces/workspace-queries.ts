/** Reading and renaming workspaces, and listing the ones a person belongs to. */

import { eq } from 'drizzle-orm';
import { members, type Role } from '#db/schema/members';
import { workspaces } from '#db/schema/workspaces';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import type { Actor, ServiceDeps } from '../service-context.ts';
import {
  applySettingsPatch,
  readWorkspaceSettings,
  type WorkspaceSettingsPatch,
} from './workspace-settings.ts';

export type WorkspaceRow = typeof workspaces.$inferSelect;

export async function listUserWorkspaces(
  deps: ServiceDeps,
  userId: string,
): Promise<{ workspace: WorkspaceRow; role: Role }[]> {
  const rows = await deps.db
    .select({ workspace: workspaces, role: members.role })
    .from(members)
    .innerJoin(workspaces, eq(workspaces.id, members.workspaceId))
    .where(eq(members.userId, userId))
    .orderBy(workspaces.createdAt);
  return rows;
}

export async function getWorkspace(deps: ServiceDeps, id: string): Promise<WorkspaceRow> {
  const rows = await deps.db.select().from(workspaces).where(eq(workspaces.id, id)).limit(1);
  if (!rows[0]) throw new AppError('not_found', 'No such workspace');
  return rows[0];
}

export async function updateWorkspace(
  deps: ServiceDeps,
  actor: Actor,
  patch: { name?: string | undefined; settings?: WorkspaceSettingsPatch | undefined },
): Promise<WorkspaceRow> {
  return deps.db.transaction(async (tx) => {
    const before = await tx.select().from(workspaces).where(eq(workspaces.id, actor.workspaceId)).limit(1);
    if (!before[0]) throw new AppError('not_found', 'No such workspace');
    const set: Partial<WorkspaceRow> = {};
    if (patch.name !== undefined) set.name = patch.name;
    // Settings are merged key by key (SPEC §5 activeKpiLimit); null returns one to its default.
    if (patch.settings !== undefined) set.settings = applySettingsPatch(before[0].settings, patch.settings);
    const [after] = await tx
      .update(workspaces)
      .set(set)
      .where(eq(workspaces.id, actor.workspaceId))
      .returning();
    if (!after) throw new AppError('not_found', 'No such workspace');
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'workspace.update',
      target: `workspace:${actor.workspaceId}`,
      before: { name: before[0].name, settings: readWorkspaceSettings(before[0].settings) },
      after: { name: after.name, settings: readWorkspaceSettings(after.settings) },
    });
    return after;
  });
}
