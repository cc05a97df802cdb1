/** The only JSON shapers of the API (CONVENTIONS §14); their types live in src/shared. */

import type { AssignmentView } from '#services/assignments/manage-assignments';
import type { AssistantRow } from '#services/assistants/manage-assistants';
import type { AuditRow } from '#services/audit/list-audit';
import type { ApiTokenInfo } from '#services/auth/api-tokens';
import type { ClientRow } from '#services/clients/manage-clients';
import type { StoredEvent } from '#services/events/list-events';
import type { IdentityRow } from '#services/identities/manage-identities';
import type { InvitationRow } from '#services/members/invitations';
import type { MemberView } from '#services/members/manage-members';
import type { WorkspaceRow } from '#services/workspaces/workspace-queries';
import { readWorkspaceSettings } from '#services/workspaces/workspace-settings';
import type {
  ApiToken,
  Assignment,
  Assistant,
  AuditEntry,
  Client,
  Identity,
  Invitation,
  Member,
  Workspace,
} from '#shared/api-schemas';

const iso = (d: Date): string => d.toISOString();

export function presentWorkspace(w: WorkspaceRow): Workspace {
  return { id: w.id, name: w.name, settings: readWorkspaceSettings(w.settings), createdAt: iso(w.createdAt) };
}

export function presentMember(m: MemberView): Member {
  return {
    userId: m.userId,
    email: m.email,
    name: m.name,
    role: m.role,
    assistantId: m.assistantId,
    createdAt: iso(m.createdAt),
  };
}

export function presentInvitation(i: InvitationRow): Invitation {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    assistantId: i.assistantId,
    createdAt: iso(i.createdAt),
    expiresAt: iso(i.expiresAt),
  };
}

export function presentClient(c: ClientRow): Client {
  return { id: c.id, name: c.name, createdAt: iso(c.createdAt) };
}

export function presentAssistant(a: AssistantRow): Assistant {
  return {
    id: a.id,
    name: a.name,
    timezone: a.timezone,
    schedule: a.schedule,
    daysOff: a.daysOff,
    exceptions: a.exceptions,
    history: a.history,
    role: a.role,
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
  };
}

export function presentAssignment(a: AssignmentView): Assignment {
  return { assistantId: a.assistantId, userId: a.userId, role: a.role, createdAt: iso(a.createdAt) };
}

export function presentIdentity(i: IdentityRow): Identity {
  return {
    provider: i.provider,
    externalId: i.externalId,
    assistantId: i.assistantId,
    createdAt: iso(i.createdAt),
  };
}

export function presentEvent(e: StoredEvent): { event: Record<string, unknown>; updatedAt: string } {
  return { event: { ...e.event }, updatedAt: iso(e.updatedAt) };
}

export function presentAudit(a: AuditRow): AuditEntry {
  return {
    seq: a.seq,
    actor: a.actor,
    action: a.action,
    target: a.target,
    before: a.before,
    after: a.after,
    at: iso(a.at),
  };
}

export function presentToken(t: ApiTokenInfo): ApiToken {
  return {
    id: t.id,
    name: t.name,
    createdAt: iso(t.createdAt),
    lastUsedAt: t.lastUsedAt ? iso(t.lastUsedAt) : null,
  };
}

/** Cursors are opaque to clients. */
export function encodeCursor(seq: number | null): string | null {
  return seq === null ? null : Buffer.from(String(seq)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const n = Number(Buffer.from(cursor, 'base64url').toString());
  return Number.isSafeInteger(n) && n >= 0 ? n : -1;
}
