/**
 * Creating, replacing, deleting and excluding single events. Each validates with the §3 validator
 * (unknown fields rejected), checks the assistant exists and is in the caller's scope, and writes
 * its audit entry in the same transaction. Marking an event excluded keeps it on record (SPEC §3).
 * A stored event is looked up through the read visibility rule, so a private pulse answer is 404 to
 * everyone but its assistant (SPEC §11), and only that assistant writes their pulses.
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
import { visibility } from './list-events.ts';

function invalid(field: string, reason: string): AppError {
  return new AppError('validation_failed', `${field}: ${reason}`, {
    field,
    issues: [{ path: `body.${field}`, message: reason }],
  });
}

/** The body as a §3 event, or a 400 naming the first bad field. */
export function validated(body: unknown): TandemEvent {
  const copy = typeof body === 'object' && body !== null ? { ...(body as Record<string, unknown>) } : body;
  const nul = nulPath(copy);
  if (nul) throw invalid(nul, 'contains a NUL character (U+0000)');
  const v = validateEvent(copy);
  if (!v.ok) throw invalid(v.error.field, v.error.reason);
  return v.value;
}

/**
 * A pulse is the assistant's own well-being answer (SPEC §11): only they give, change or remove it.
 * Refusing everyone else before any lookup also means no answer reveals whether one is stored.
 */
export function assertOwnPulse(actor: Actor, e: Pick<TandemEvent, 'type' | 'assistant'>): void {
  if (e.type === 'pulse' && e.assistant !== actor.assistantId)
    throw new AppError('pulse_self_only', 'Only the assistant writes their own pulse answers');
}

async function assertAssistant(tx: Tx, ws: string, scope: AssistantScope, id: string): Promise<void> {
  if (!inScope(scope, id)) throw new AppError('forbidden', `You may not write events of assistant ${id}`);
  const a = await tx
    .select({ id: assistants.id })
    .from(assistants)
    .where(and(eq(assistants.workspaceId, ws), eq(assistants.id, id)));
  if (!a[0]) throw new AppError('unknown_assistant', `unknown assistant ${id}`, { field: 'assistant' });
}

/** The stored event as the caller may see it (in scope, no one else's private pulse), else 404. */
async function visibleStored(
  tx: Tx,
  actor: Actor,
  scope: AssistantScope,
  type: EventType,
  id: string,
): Promise<TandemEvent> {
  const rows =
    scope !== 'all' && scope.length === 0
      ? []
      : await tx
          .select({ data: events.data })
          .from(events)
          .where(
            and(
              ...visibility(actor.workspaceId, scope, actor.assistantId),
              eq(events.type, type),
              eq(events.id, id),
            ),
          )
          .limit(1);
  const found = rows[0]?.data;
  if (!found) throw new AppError('not_found', `No ${type} event ${id}`);
  return found;
}

async function idTaken(tx: Tx, ws: string, type: EventType, id: string): Promise<boolean> {
  const rows = await tx
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.workspaceId, ws), eq(events.type, type), eq(events.id, id)))
    .limit(1);
  return rows.length > 0;
}

/** Stores a new event; 409 when its type and id (or source/externalId) are taken. */
export async function createEvent(
  deps: ServiceDeps,
  actor: Actor,
  scope: AssistantScope,
  body: unknown,
): Promise<TandemEvent> {
  return deps.db.transaction((tx) => createEventIn(tx, actor, scope, body));
}

/**
 * createEvent inside the caller's transaction, for a service whose own change must commit with
 * the event or not at all (a quality sample marked rated with its rating).
 */
export async function createEventIn(
  tx: Tx,
  actor: Actor,
  scope: AssistantScope,
  body: unknown,
): Promise<TandemEvent> {
  const e = validated(body);
  assertOwnPulse(actor, e);
  await assertAssistant(tx, actor.workspaceId, scope, e.assistant);
  await insertNewEvent(tx, actor.workspaceId, actor.userId, e);
  return e;
}

/**
 * Stores a validated event that must not exist yet, bumps the data version (metrics see it) and
 * audits it, inside the caller's transaction — for use cases that store an event together with
 * their own rows (a survey answer marks its request answered, SPEC §8).
 */
export async function insertNewEvent(tx: Tx, ws: string, actorLabel: string, e: TandemEvent): Promise<void> {
  if (await idTaken(tx, ws, e.type, e.id))
    throw new AppError('already_exists', `A ${e.type} event ${e.id} already exists`);
  const counts = await upsertEvents(tx, ws, [eventColumns(e)]);
  if (counts.inserted !== 1)
    throw new AppError('already_exists', `A ${e.type} event with that source and externalId already exists`);
  await bumpDataVersion(tx, ws);
  await writeAudit(tx, {
    workspaceId: ws,
    actor: actorLabel,
    action: 'event.create',
    target: eventTarget(e),
    after: auditedEvent(e),
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
    const before = await visibleStored(tx, actor, scope, type, id);
    assertOwnPulse(actor, before);
    assertOwnPulse(actor, e);
    await assertAssistant(tx, actor.workspaceId, scope, e.assistant);
    await tx
      .delete(events)
      .where(and(eq(events.workspaceId, actor.workspaceId), eq(events.type, type), eq(events.id, id)));
    // A new source/externalId naming another stored event must not overwrite that one.
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
    const before = await visibleStored(tx, actor, scope, type, id);
    assertOwnPulse(actor, before);
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
    const before = await visibleStored(tx, actor, scope, type, id);
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
