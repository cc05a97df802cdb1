/** Who a person is in a workspace: their role, the assistant they are, the assistants assigned to them. */

import { and, eq } from 'drizzle-orm';
import { assignments, members, type Role } from '#db/schema/members';
import type { ServiceDeps } from '../service-context.ts';

export interface Membership {
  workspaceId: string;
  userId: string;
  role: Role;
  assistantId: string | null;
  /** Assistants assigned to this manager or coach. */
  assigned: string[];
}

export async function loadMembership(
  deps: ServiceDeps,
  workspaceId: string,
  userId: string,
): Promise<Membership | null> {
  const rows = await deps.db
    .select({ role: members.role, assistantId: members.assistantId })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.userId, userId)))
    .limit(1);
  const m = rows[0];
  if (!m) return null;
  let assigned: string[] = [];
  if (m.role === 'manager' || m.role === 'coach') {
    const a = await deps.db
      .select({ id: assignments.assistantId })
      .from(assignments)
      .where(and(eq(assignments.workspaceId, workspaceId), eq(assignments.userId, userId)));
    assigned = a.map((r) => r.id);
  }
  return { workspaceId, userId, role: m.role, assistantId: m.assistantId, assigned };
}
