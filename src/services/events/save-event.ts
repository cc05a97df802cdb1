/**
 * Creating, replacing, deleting and excluding single events. Each validates with the §3 validator
 * (unknown fields rejected), checks the assistant exists and is in the caller's scope, and writes
 * its audit entry in the same transaction. Marking an event excluded keeps it on record (SPEC §3).
 */

import { and, eq } from 'drizzle-orm';
import type { EventType, TandemEvent } from '#core/events/event-types';
import { validateEvent } from '#core/events/validate-event';
import type { Tx } from '#db/client';
import { eventColumns, nulPath } from '#db/queries/event-row';
import { upsertEvents } from '#db/queries/upsert-events';
import { assistants } from '#db/schema/assistants';
import { events } from '#db/schema/events';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import { bumpDataVersion } from '../metrics/data-version.ts';
import { type Actor, type AssistantScope, inScope, type ServiceDeps } from '../service-context.ts';
import { auditedEvent, eventTarget } from './event-audit.ts';

function validated(body: unknown): TandemEvent {
  const copy = typeof body === 'object' && body !== null ? { ...(body as Record<string, unknown>) } : body;
  const nul = nulPath(copy);
  if (nul)
    throw new AppError('validation_failed', `${nul}: contains a NUL character (U+0000)`, { field: nul });
  const v = validateEvent(copy);
  if (!v.ok)
    throw new AppError('validation_failed', `${v.error.field}: ${v.error.reason}`, { field: v.error.field });
  return v.value;
}

async function assertAssistant(tx: Tx, ws: string, scope: AssistantScope, id: string): Promise<void> {
  if (!inScope(scope, id)) throw new AppError('forbidden', `You may not write events of assistant ${id}`);
  const a = await tx
    .select({ id: assistants.id })
    .from(assistants)
    .where(and(eq(assistants.workspaceId, ws), eq(assistants.id, id)));
  if (!a[0]) throw new AppError('unknown_assistant', `unknown assistant ${id}`, { field: 'assistant' });
}

async function stored(tx: Tx, ws: string, type: EventType, id: string): Promise<TandemEvent | null> {
  const rows = await tx
    .select({ data: events.data })
    .from(events)
    .where(and(eq(events.workspaceId, ws), eq(events.type, type), eq(events.id, id)))
    .limit(1);
  return rows[0]?.data ?? null;
}

/** Stores a new event; 409 when its type and id (or source/externalId) are taken. */
export async function createEvent(
  deps: ServiceDeps,
  actor: Actor,
  scope: AssistantScope,
  body: unknown,
): Promise<TandemEvent> {
  const e = validated(body);
  return deps.db.transaction(async (tx) => {
    await assertAssistant(tx, actor.workspaceId, scope, e.assistant);
    if (await stored(tx, actor.workspaceId, e.type, e.id))
      throw new AppError('already_exists', `A ${e.type} event ${e.id} already exists`);
    const counts = await upsertEvents(tx, actor.workspaceId, [eventColumns(e)]);
    if (counts.inserted !== 1)
      throw new AppError(
        'already_exists',
        `A ${e.type} event with that source and externalId already exists`,
      );
    await bumpDataVersion(tx, actor.workspaceId);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'event.create',
      target: eventTarget(e),
      after: auditedEvent(e),
    });
    return e;
  });
}

/** Replaces the stored event of that type and id with the body (which must name the same). */
export async function replaceEvent(
  deps: ServiceDeps,
  actor: Actor,
  scope: AssistantScope,
  type: EventType,
  id: string,
  body: unknown,
): Promise<TandemEvent> {
  const e = validated(body);
  if (e.type !== type || e.id !== id)
    throw new AppError('validation_failed', 'id: the body must have the type and id of the URL', {
      field: 'id',
    });
  return deps.db.transaction(async (tx) => {
    const before = await stored(tx, actor.workspaceId, type, id);
    if (!before || !inScope(scope, before.assistant))
      throw new AppError('not_found', `No ${type} event ${id}`);
    await assertAssistant(tx, actor.workspaceId, scope, e.assistant);
    await tx
      .delete(events)
      .where(and(eq(events.workspaceId, actor.workspaceId), eq(events.type, type), eq(events.id, id)));
    await upsertEvents(tx, actor.workspaceId, [eventColumns(e)]);
    await bumpDataVersion(tx, actor.workspaceId);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'event.update',
      target: eventTarget(e),
      before: auditedEvent(before),
      after: auditedEvent(e),
    });
    return e;
  });
}

export async function deleteEvent(
  deps: ServiceDeps,
  actor: Actor,
  scope: AssistantScope,
  type: EventType,
  id: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const before = await stored(tx, actor.workspaceId, type, id);
    if (!before || !inScope(scope, before.assistant))
      throw new AppError('not_found', `No ${type} event ${id}`);
    await tx
      .delete(events)
      .where(and(eq(events.workspaceId, actor.workspaceId), eq(events.type, type), eq(events.id, id)));
    await bumpDataVersion(tx, actor.workspaceId);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'event.delete',
      target: eventTarget(before),
      before: auditedEvent(before),
    });
  });
}

/** Marks an event excluded with a reason, or clears the mark (reason null); audited (SPEC §3). */
export async function setExclusion(
  deps: ServiceDeps,
  actor: Actor,
  scope: AssistantScope,
  type: EventType,
  id: string,
  reason: string | null,
): Promise<TandemEvent> {
  return deps.db.transaction(async (tx) => {
    const before = await stored(tx, actor.workspaceId, type, id);
    if (!before || !inScope(scope, before.assistant))
      throw new AppError('not_found', `No ${type} event ${id}`);
    const after = { ...before } as TandemEvent;
    if (reason === null) delete after.excluded;
    else after.excluded = reason;
    const cols = eventColumns(after);
    await tx
      .update(events)
      .set({
        excluded: cols.excluded,
        fingerprint: cols.fingerprint,
        data: after,
        updatedAt: new Date(deps.now()),
      })
      .where(and(eq(events.workspaceId, actor.workspaceId), eq(events.type, type), eq(events.id, id)));
    await bumpDataVersion(tx, actor.workspaceId);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: reason === null ? 'event.include' : 'event.exclude',
      target: eventTarget(before),
      before: { excluded: before.excluded ?? null },
      after: { excluded: reason },
    });
    return after;
  });
}
