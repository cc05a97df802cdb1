/** The clients an assistant's work is for (SPEC §3 `client`); an assistant may serve several. */

import { and, asc, eq } from 'drizzle-orm';
import { clients } from '#db/schema/assistants';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import type { Actor, ServiceDeps } from '../service-context.ts';

export type ClientRow = typeof clients.$inferSelect;

export async function listClients(deps: ServiceDeps, ws: string): Promise<ClientRow[]> {
  return deps.db.select().from(clients).where(eq(clients.workspaceId, ws)).orderBy(asc(clients.id));
}

export async function upsertClient(
  deps: ServiceDeps,
  actor: Actor,
  input: { id: string; name: string },
): Promise<{ client: ClientRow; created: boolean }> {
  return deps.db.transaction(async (tx) => {
    const prev = await tx
      .select()
      .from(clients)
      .where(and(eq(clients.workspaceId, actor.workspaceId), eq(clients.id, input.id)));
    const [row] = await tx
      .insert(clients)
      .values({ workspaceId: actor.workspaceId, ...input })
      .onConflictDoUpdate({ target: [clients.workspaceId, clients.id], set: { name: input.name } })
      .returning();
    if (!row) throw new AppError('internal', 'client not stored');
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: prev[0] ? 'client.update' : 'client.create',
      target: `client:${input.id}`,
      before: prev[0] ? { name: prev[0].name } : null,
      after: { name: row.name },
    });
    return { client: row, created: !prev[0] };
  });
}

export async function deleteClient(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const gone = await tx
      .delete(clients)
      .where(and(eq(clients.workspaceId, actor.workspaceId), eq(clients.id, id)))
      .returning();
    if (!gone[0]) throw new AppError('not_found', `No client ${id}`);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'client.delete',
      target: `client:${id}`,
      before: { name: gone[0].name },
    });
  });
}
