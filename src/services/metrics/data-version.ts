/** The workspace's data version: bumped with every change that can move a metric (events, assistants). */

import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '#db/client';
import { workspaces } from '#db/schema/workspaces';

export async function bumpDataVersion(db: Db | Tx, workspaceId: string): Promise<void> {
  await db
    .update(workspaces)
    .set({ dataVersion: sql`${workspaces.dataVersion} + 1` })
    .where(eq(workspaces.id, workspaceId));
}

/** `createdAt:dataVersion`, or null when the workspace does not exist. */
export async function readDataVersion(db: Db, workspaceId: string): Promise<string | null> {
  const rows = await db
    .select({ v: workspaces.dataVersion, c: workspaces.createdAt })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const r = rows[0];
  return r ? `${r.c.getTime()}:${r.v}` : null;
}
