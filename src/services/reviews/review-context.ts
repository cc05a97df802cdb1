/**
 * What check-ins and reviews share (SPEC §8): the assistant's row locked for a write and their
 * local today, the side an actor speaks for, and which members may own an action item.
 */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { localDate } from '#core/kpis/local-date';
import { AssistantTime } from '#core/time/assistant-time';
import type { Db, Tx } from '#db/client';
import { assistants } from '#db/schema/assistants';
import { assignments, members } from '#db/schema/members';
import { AppError } from '#src/errors';
import { assistantDef } from '../assistants/assistant-record.ts';
import type { Actor, ServiceDeps } from '../service-context.ts';

export type Side = 'manager' | 'assistant' | 'coach';

/** The side of a check-in or review an actor writes for: owners act as the manager (SPEC §1). */
export function sideOf(actor: Pick<Actor, 'role'>): Side {
  if (actor.role === 'assistant') return 'assistant';
  if (actor.role === 'coach') return 'coach';
  return 'manager';
}

export const newId = (prefix: string): string => `${prefix}-${randomBytes(6).toString('hex')}`;

export interface AssistantClock {
  time: AssistantTime;
  /** Local date of now in the assistant's zone (SPEC §2). */
  today: string;
}

/** The assistant's time model and today; `lock` takes the row lock so writes to one assistant queue. */
export async function assistantClock(
  deps: ServiceDeps,
  db: Db | Tx,
  ws: string,
  assistant: string,
  lock = false,
): Promise<AssistantClock> {
  const q = db
    .select()
    .from(assistants)
    .where(and(eq(assistants.workspaceId, ws), eq(assistants.id, assistant)));
  const row = (lock ? await q.for('no key update') : await q)[0];
  if (!row) throw new AppError('not_found', `No assistant ${assistant}`);
  const time = new AssistantTime(assistantDef(row));
  const now = deps.now();
  return { time, today: localDate(now, time.zoneAt(now)) };
}

/**
 * An action item's owner is one of the people of the check-in: an owner of the workspace, the
 * assistant themselves, or a manager or coach assigned to them (SPEC §1, §8).
 */
export async function assertItemOwner(db: Db | Tx, ws: string, assistant: string, userId: string) {
  const m = (
    await db
      .select({ role: members.role, assistantId: members.assistantId })
      .from(members)
      .where(and(eq(members.workspaceId, ws), eq(members.userId, userId)))
  )[0];
  const ok =
    m !== undefined &&
    (m.role === 'owner' ||
      (m.role === 'assistant' && m.assistantId === assistant) ||
      ((m.role === 'manager' || m.role === 'coach') &&
        (
          await db
            .select({ u: assignments.userId })
            .from(assignments)
            .where(
              and(
                eq(assignments.workspaceId, ws),
                eq(assignments.assistantId, assistant),
                eq(assignments.userId, userId),
              ),
            )
        ).length > 0));
  if (!ok)
    throw new AppError('validation_failed', 'body.owner: not a member who works with this assistant', {
      issues: [{ path: 'body.owner', message: 'not a member who works with this assistant' }],
    });
}
