/** External identities (e-mail, Slack, Trello, … user ids) mapped to assistants (SPEC §10). */

import { and, asc, eq, inArray } from 'drizzle-orm';
import { assistants, type IdentityProvider, identities } from '#db/schema/assistants';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import type { Actor, AssistantScope, ServiceDeps } from '../service-context.ts';

export type IdentityRow = typeof identities.$inferSelect;

export async function listIdentities(
  deps: ServiceDeps,
  ws: string,
  scope: AssistantScope,
): Promise<IdentityRow[]> {
  if (scope !== 'all' && scope.length === 0) return [];
  const where = [eq(identities.workspaceId, ws)];
  if (scope !== 'all') where.push(inArray(identities.assistantId, [...scope]));
  return deps.db
    .select()
    .from(identities)
    .where(and(...where))
    .orderBy(asc(identities.provider), asc(identities.externalId));
}

export async function getIdentity(
  deps: ServiceDeps,
  ws: string,
  provider: IdentityProvider,
  externalId: string,
): Promise<IdentityRow> {
  const rows = await deps.db
    .select()
    .from(identities)
    .where(
      and(
        eq(identities.workspaceId, ws),
        eq(identities.provider, provider),
        eq(identities.externalId, externalId),
      ),
    );
  if (!rows[0]) throw new AppError('not_found', 'No such identity');
  return rows[0];
}

export async function mapIdentity(
  deps: ServiceDeps,
  actor: Actor,
  input: { provider: IdentityProvider; externalId: string; assistantId: string },
): Promise<IdentityRow> {
  return deps.db.transaction(async (tx) => {
    const a = await tx
      .select({ id: assistants.id })
      .from(assistants)
      .where(and(eq(assistants.workspaceId, actor.workspaceId), eq(assistants.id, input.assistantId)));
    if (!a[0])
      throw new AppError('unknown_assistant', `unknown assistant ${input.assistantId}`, {
        field: 'assistant',
      });
    // A remap takes the identity from another assistant: the audit entry says from whom.
    const previous = await tx
      .select({ assistantId: identities.assistantId })
      .from(identities)
      .where(
        and(
          eq(identities.workspaceId, actor.workspaceId),
          eq(identities.provider, input.provider),
          eq(identities.externalId, input.externalId),
        ),
      )
      .for('update');
    const [row] = await tx
      .insert(identities)
      .values({ workspaceId: actor.workspaceId, ...input })
      .onConflictDoUpdate({
        target: [identities.workspaceId, identities.provider, identities.externalId],
        set: { assistantId: input.assistantId },
      })
      .returning();
    if (!row) throw new AppError('internal', 'identity not stored');
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'identity.map',
      target: `assistant:${input.assistantId}/identity:${input.provider}:${input.externalId}`,
      before: previous[0]
        ? { provider: input.provider, externalId: input.externalId, assistantId: previous[0].assistantId }
        : null,
      after: input,
    });
    return row;
  });
}

export async function unmapIdentity(
  deps: ServiceDeps,
  actor: Actor,
  provider: IdentityProvider,
  externalId: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const gone = await tx
      .delete(identities)
      .where(
        and(
          eq(identities.workspaceId, actor.workspaceId),
          eq(identities.provider, provider),
          eq(identities.externalId, externalId),
        ),
      )
      .returning();
    if (!gone[0]) throw new AppError('not_found', 'No such identity');
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'identity.unmap',
      target: `assistant:${gone[0].assistantId}/identity:${provider}:${externalId}`,
      before: { provider, externalId, assistantId: gone[0].assistantId },
    });
  });
}
