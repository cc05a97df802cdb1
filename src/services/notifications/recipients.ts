/**
 * Who hears about an assistant (SPEC §1, §11). The rules are the permission matrix's
 * (server/policies/permission-matrix.ts), restated here because services sit below the server:
 * - `rhythm` (a review due, a baseline ready, a signal, raise the bar) goes to the people of the
 *   assistant's rhythm — the `review.comment` row: owners, the assigned manager and coach, and the
 *   assistant themselves. Viewers read dashboards; they are not asked to act.
 * - `managers`: the manager's side of an agreement (owners act as one, SPEC §5), assigned managers.
 * - `assistant`: the assistant's own member.
 * A test (notifications.test.ts) checks these against the matrix, so the two cannot drift apart.
 */
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '#db/client';
import { assignments, members, type Role } from '#db/schema/members';
import { users } from '#db/schema/users';

export type Audience = 'rhythm' | 'managers' | 'assistant';

export interface Recipient {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  assistantId: string | null;
}

/** The members of `ws` an audience about `assistant` reaches, in user id order. */
export async function recipientsFor(
  db: Db | Tx,
  ws: string,
  assistant: string,
  audience: Audience,
): Promise<Recipient[]> {
  const rows = await db
    .select({
      userId: members.userId,
      role: members.role,
      assistantId: members.assistantId,
      email: users.email,
      name: users.name,
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.workspaceId, ws));
  const assigned = new Set(
    (
      await db
        .select({ userId: assignments.userId })
        .from(assignments)
        .where(and(eq(assignments.workspaceId, ws), eq(assignments.assistantId, assistant)))
    ).map((r) => r.userId),
  );
  const isAssistant = (r: Recipient) => r.role === 'assistant' && r.assistantId === assistant;
  const isManagerSide = (r: Recipient) =>
    r.role === 'owner' || (r.role === 'manager' && assigned.has(r.userId));
  const keep = (r: Recipient): boolean => {
    if (audience === 'assistant') return isAssistant(r);
    if (audience === 'managers') return isManagerSide(r);
    return isAssistant(r) || isManagerSide(r) || (r.role === 'coach' && assigned.has(r.userId));
  };
  return rows.filter(keep).sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}

/** The assistants a member may read (the `kpi.read` row): every one, the assigned, or themselves. */
export async function readScopeOf(db: Db | Tx, ws: string, r: Recipient): Promise<'all' | string[]> {
  if (r.role === 'owner' || r.role === 'viewer') return 'all';
  if (r.role === 'assistant') return r.assistantId ? [r.assistantId] : [];
  const rows = await db
    .select({ id: assignments.assistantId })
    .from(assignments)
    .where(and(eq(assignments.workspaceId, ws), eq(assignments.userId, r.userId)));
  return rows.map((x) => x.id).sort();
}

/** Every member of `ws` with their address. */
export async function allMembers(db: Db | Tx, ws: string): Promise<Recipient[]> {
  const rows = await db
    .select({
      userId: members.userId,
      role: members.role,
      assistantId: members.assistantId,
      email: users.email,
      name: users.name,
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.workspaceId, ws));
  return rows.sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}
