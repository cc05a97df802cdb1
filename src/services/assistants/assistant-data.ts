/**
 * One assistant's data when they leave (SPEC §11): exported as §12 NDJSON (their assistant line,
 * then their events), and erased — events, identities, assignments, the record itself — leaving an
 * audit entry that names only the id and the counts.
 */

import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { TandemEvent } from '#core/events/event-types';
import { assistants, identities } from '#db/schema/assistants';
import { auditLog } from '#db/schema/audit';
import { events } from '#db/schema/events';
import { assignments, members } from '#db/schema/members';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import { bumpDataVersion } from '../metrics/data-version.ts';
import type { Actor, ServiceDeps } from '../service-context.ts';
import { assistantDef } from './assistant-record.ts';
import { getAssistant } from './manage-assistants.ts';

/** The §12 lines of one assistant; private pulse answers only when the assistant asks (SPEC §11). */
export async function exportAssistantData(
  deps: ServiceDeps,
  ws: string,
  id: string,
  includePrivate: boolean,
): Promise<string> {
  const a = await getAssistant(deps, ws, id);
  const where = [eq(events.workspaceId, ws), eq(events.assistantId, id)];
  if (!includePrivate) where.push(eq(events.private, false));
  const rows = await deps.db
    .select({ data: events.data })
    .from(events)
    .where(and(...where))
    .orderBy(asc(events.seq));
  const lines = [JSON.stringify({ type: 'assistant', ...assistantDef(a) })];
  for (const r of rows) lines.push(JSON.stringify(r.data as TandemEvent));
  return `${lines.join('\n')}\n`;
}

export async function eraseAssistant(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  confirm: string,
): Promise<void> {
  if (confirm !== id)
    throw new AppError('validation_failed', 'confirm: type the assistant id exactly to erase their data', {
      field: 'confirm',
    });
  await deps.db.transaction(async (tx) => {
    const ws = actor.workspaceId;
    const gone = await tx
      .delete(assistants)
      .where(and(eq(assistants.workspaceId, ws), eq(assistants.id, id)))
      .returning({ id: assistants.id });
    if (!gone[0]) throw new AppError('not_found', `No assistant ${id}`);
    const ev = await tx
      .delete(events)
      .where(and(eq(events.workspaceId, ws), eq(events.assistantId, id)))
      .returning({ seq: events.seq });
    await tx.delete(identities).where(and(eq(identities.workspaceId, ws), eq(identities.assistantId, id)));
    await tx.delete(assignments).where(and(eq(assignments.workspaceId, ws), eq(assignments.assistantId, id)));
    // A member who was this assistant stays a member without an assistant link (viewer).
    await tx
      .update(members)
      .set({ assistantId: null, role: 'viewer' })
      .where(and(eq(members.workspaceId, ws), eq(members.assistantId, id)));
    // Earlier audit entries keep who/what/when but lose the erased content.
    await tx
      .update(auditLog)
      .set({ before: null, after: null })
      .where(
        and(
          eq(auditLog.workspaceId, ws),
          or(
            eq(auditLog.target, `assistant:${id}`),
            sql`${auditLog.target} like ${`assistant:${id.replace(/[\\%_]/g, '\\$&')}/%`}`,
          ),
        ),
      );
    await bumpDataVersion(tx, ws);
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'assistant.erase',
      target: `assistant:${id}`,
      after: { events: ev.length },
    });
  });
}
