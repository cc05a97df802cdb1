/**
 * The role × action matrix (SPEC §1), as data. Each cell says which assistants a role may act on:
 * `all` of the workspace, those `assigned` to them (manager, coach), only `self` (the assistant
 * they are), or `null` — not at all. Workspace-level actions use `all` for "allowed".
 * ROUTE_POLICIES names the action of every HTTP route; the server refuses to register a route
 * that is missing here, and a test walks every route × role against this table.
 */
import type { Role } from '#db/schema/members';

export type Scope = 'all' | 'assigned' | 'self' | null;

export const ACTIONS = [
  'workspace.read',
  'workspace.update',
  'workspace.delete',
  'workspace.export',
  'workspace.demo',
  'member.read',
  'member.manage',
  'invitation.manage',
  'client.read',
  'client.write',
  'assistant.read',
  'assistant.create',
  'assistant.update',
  'assistant.export',
  'assistant.erase',
  'assignment.read',
  'assignment.manage',
  'identity.read',
  'identity.manage',
  'event.read',
  'event.write',
  'event.exclude',
  'metrics.read',
  'kpi.read',
  'kpi.write',
  'import.read',
  'import.write',
  'import.configure',
  'checkin.read',
  'checkin.write',
  'review.read',
  'review.write',
  'review.comment',
  'development.read',
  'development.write',
  'quality.read',
  'quality.rate',
  'report.read',
  'audit.read',
  'token.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

type Row = Record<Role, Scope>;
const row = (owner: Scope, manager: Scope, assistant: Scope, coach: Scope, viewer: Scope): Row => ({
  owner,
  manager,
  assistant,
  coach,
  viewer,
});

/** SPEC §1: owner everything; manager their assistants; assistant themselves; coach reads assigned; viewer reads. */
export const PERMISSIONS: Record<Action, Row> = {
  //                          owner   manager     assistant coach      viewer
  'workspace.read': row('all', 'all', 'all', 'all', 'all'),
  'workspace.update': row('all', null, null, null, null),
  'workspace.delete': row('all', null, null, null, null),
  'workspace.export': row('all', null, null, null, null),
  // Loading demo data fills an empty workspace with assistants, members and KPIs: owners only.
  'workspace.demo': row('all', null, null, null, null),
  'member.read': row('all', 'all', 'all', 'all', 'all'),
  'member.manage': row('all', null, null, null, null),
  'invitation.manage': row('all', null, null, null, null),
  'client.read': row('all', 'all', 'all', 'all', 'all'),
  'client.write': row('all', 'all', null, null, null),
  'assistant.read': row('all', 'assigned', 'self', 'assigned', 'all'),
  'assistant.create': row('all', null, null, null, null),
  'assistant.update': row('all', 'assigned', null, null, null),
  'assistant.export': row('all', null, 'self', null, null),
  'assistant.erase': row('all', null, null, null, null),
  'assignment.read': row('all', 'assigned', 'self', 'assigned', 'all'),
  'assignment.manage': row('all', null, null, null, null),
  'identity.read': row('all', 'assigned', 'self', 'assigned', 'all'),
  'identity.manage': row('all', 'assigned', null, null, null),
  'event.read': row('all', 'assigned', 'self', 'assigned', 'all'),
  'event.write': row('all', 'assigned', 'self', null, null),
  'event.exclude': row('all', 'assigned', 'self', null, null),
  'metrics.read': row('all', 'assigned', 'self', 'assigned', 'all'),
  // SPEC §1, §5: either side proposes and agrees; coaches and viewers read.
  'kpi.read': row('all', 'assigned', 'self', 'assigned', 'all'),
  'kpi.write': row('all', 'assigned', 'self', null, null),
  // Imports (SPEC §10): jobs are seen by whoever may see their assistants; the saved options of a
  // source are the workspace's, changed by owners and managers.
  'import.read': row('all', 'assigned', 'self', 'assigned', 'all'),
  'import.write': row('all', 'assigned', 'self', null, null),
  'import.configure': row('all', 'all', null, null, null),
  // SPEC §8: check-ins and reviews belong to the two sides — the assistant and their manager —
  // who schedule, write their own notes, keep action items and sign; coaches read and comment on
  // reviews (SPEC §1: they co-author them); viewers read.
  'checkin.read': row('all', 'assigned', 'self', 'assigned', 'all'),
  'checkin.write': row('all', 'assigned', 'self', null, null),
  'review.read': row('all', 'assigned', 'self', 'assigned', 'all'),
  'review.write': row('all', 'assigned', 'self', null, null),
  'review.comment': row('all', 'assigned', 'self', 'assigned', null),
  // SPEC §8 "Training and development": the manager, the coach and the assistant turn a skill gap
  // into a plan together, so a coach writes here too; viewers read.
  'development.read': row('all', 'assigned', 'self', 'assigned', 'all'),
  'development.write': row('all', 'assigned', 'self', 'assigned', null),
  // Quality sampling (issue 8): the manager's side rates its assistants' sampled tasks with the
  // rubric; everyone who sees an assistant reads the samples, the assistant their own.
  'quality.read': row('all', 'assigned', 'self', 'assigned', 'all'),
  'quality.rate': row('all', 'assigned', null, null, null),
  // SPEC §8 reports for management: an assistant reads their own, a manager or coach their
  // assistants (a team report covers only those), a viewer reads.
  'report.read': row('all', 'assigned', 'self', 'assigned', 'all'),
  'audit.read': row('all', null, null, null, null),
  'token.manage': row('all', 'all', 'all', 'all', 'all'),
};

/** `public`: no sign-in; `signed-in`: any authenticated person; otherwise the action in `{ws}`. */
export type RoutePolicy = 'public' | 'signed-in' | Action;

/** Every route, keyed `METHOD /path/{param}`. */
export const ROUTE_POLICIES: Record<string, RoutePolicy> = {
  'GET /healthz': 'public',
  'GET /api/v1/openapi.json': 'public',
  'GET /api/docs': 'public',
  'GET /api/docs/{file}': 'public',
  'GET /setup': 'public',
  'POST /setup': 'public',
  'GET /set-password': 'public',
  'POST /set-password': 'public',
  'GET /invite': 'public',
  'POST /invite': 'public',
  'POST /api/v1/auth/sign-in': 'public',
  'POST /api/v1/auth/sign-out': 'signed-in',
  'GET /api/v1/auth/session': 'signed-in',
  'POST /api/v1/auth/password': 'signed-in',
  'POST /api/v1/auth/password-reset': 'public',
  'POST /api/v1/invitations/accept': 'public',
  'POST /api/v1/setup': 'public',
  'GET /api/v1/workspaces': 'signed-in',
  'POST /api/v1/workspaces': 'signed-in',
  'POST /api/v1/workspaces/restore': 'signed-in',
  'GET /api/v1/workspaces/{ws}': 'workspace.read',
  'PATCH /api/v1/workspaces/{ws}': 'workspace.update',
  'DELETE /api/v1/workspaces/{ws}': 'workspace.delete',
  'GET /api/v1/workspaces/{ws}/export': 'workspace.export',
  'POST /api/v1/workspaces/{ws}/demo': 'workspace.demo',
  'GET /api/v1/workspaces/{ws}/members': 'member.read',
  'PATCH /api/v1/workspaces/{ws}/members/{userId}': 'member.manage',
  'DELETE /api/v1/workspaces/{ws}/members/{userId}': 'member.manage',
  'POST /api/v1/workspaces/{ws}/members/{userId}/password-link': 'member.manage',
  'GET /api/v1/workspaces/{ws}/invitations': 'invitation.manage',
  'POST /api/v1/workspaces/{ws}/invitations': 'invitation.manage',
  'DELETE /api/v1/workspaces/{ws}/invitations/{id}': 'invitation.manage',
  'GET /api/v1/workspaces/{ws}/clients': 'client.read',
  'PUT /api/v1/workspaces/{ws}/clients/{id}': 'client.write',
  'DELETE /api/v1/workspaces/{ws}/clients/{id}': 'client.write',
  'GET /api/v1/workspaces/{ws}/assistants': 'assistant.read',
  'POST /api/v1/workspaces/{ws}/assistants': 'assistant.create',
  'GET /api/v1/workspaces/{ws}/assistants/{id}': 'assistant.read',
  'PATCH /api/v1/workspaces/{ws}/assistants/{id}': 'assistant.update',
  'GET /api/v1/workspaces/{ws}/assistants/{id}/export': 'assistant.export',
  'DELETE /api/v1/workspaces/{ws}/assistants/{id}': 'assistant.erase',
  'GET /api/v1/workspaces/{ws}/assignments': 'assignment.read',
  'POST /api/v1/workspaces/{ws}/assignments': 'assignment.manage',
  'DELETE /api/v1/workspaces/{ws}/assignments/{assistantId}/{userId}': 'assignment.manage',
  'GET /api/v1/workspaces/{ws}/identities': 'identity.read',
  'PUT /api/v1/workspaces/{ws}/identities/{provider}/{externalId}': 'identity.manage',
  'DELETE /api/v1/workspaces/{ws}/identities/{provider}/{externalId}': 'identity.manage',
  'GET /api/v1/workspaces/{ws}/events': 'event.read',
  'POST /api/v1/workspaces/{ws}/events': 'event.write',
  'POST /api/v1/workspaces/{ws}/events/{type}': 'event.write',
  'GET /api/v1/workspaces/{ws}/events/{type}/{id}': 'event.read',
  'PUT /api/v1/workspaces/{ws}/events/{type}/{id}': 'event.write',
  'DELETE /api/v1/workspaces/{ws}/events/{type}/{id}': 'event.write',
  'PUT /api/v1/workspaces/{ws}/events/{type}/{id}/exclusion': 'event.exclude',
  'DELETE /api/v1/workspaces/{ws}/events/{type}/{id}/exclusion': 'event.exclude',
  'GET /api/v1/workspaces/{ws}/metrics': 'metrics.read',
  'GET /api/v1/workspaces/{ws}/imports': 'import.read',
  'POST /api/v1/workspaces/{ws}/imports': 'import.write',
  'GET /api/v1/workspaces/{ws}/imports/{job}': 'import.read',
  'POST /api/v1/workspaces/{ws}/imports/{job}/commit': 'import.write',
  'GET /api/v1/workspaces/{ws}/import-options/{format}': 'import.read',
  'PUT /api/v1/workspaces/{ws}/import-options/{format}': 'import.configure',
  'GET /api/v1/workspaces/{ws}/kpis': 'kpi.read',
  'POST /api/v1/workspaces/{ws}/kpis': 'kpi.write',
  'POST /api/v1/workspaces/{ws}/kpis/from-template': 'kpi.write',
  'GET /api/v1/workspaces/{ws}/kpis/{id}': 'kpi.read',
  'PATCH /api/v1/workspaces/{ws}/kpis/{id}': 'kpi.write',
  'POST /api/v1/workspaces/{ws}/kpis/{id}/agree': 'kpi.write',
  'POST /api/v1/workspaces/{ws}/kpis/{id}/retire': 'kpi.write',
  'POST /api/v1/workspaces/{ws}/kpis/{id}/replace': 'kpi.write',
  'GET /api/v1/workspaces/{ws}/kpis/{id}/targets': 'kpi.read',
  'POST /api/v1/workspaces/{ws}/kpis/{id}/targets': 'kpi.write',
  'POST /api/v1/workspaces/{ws}/kpis/{id}/targets/agree': 'kpi.write',
  'DELETE /api/v1/workspaces/{ws}/kpis/{id}/targets/proposal': 'kpi.write',
  'GET /api/v1/workspaces/{ws}/kpis/{id}/suggested-target': 'kpi.read',
  'POST /api/v1/workspaces/{ws}/kpis/{id}/process-changes': 'kpi.write',
  'GET /api/v1/workspaces/{ws}/kpis/{id}/analysis': 'kpi.read',
  'GET /api/v1/workspaces/{ws}/insights': 'kpi.read',
  'GET /api/v1/workspaces/{ws}/overview': 'kpi.read',
  'GET /api/v1/workspaces/{ws}/role-templates': 'workspace.read',
  'GET /api/v1/workspaces/{ws}/checkins': 'checkin.read',
  'POST /api/v1/workspaces/{ws}/checkins': 'checkin.write',
  'GET /api/v1/workspaces/{ws}/checkins/{id}': 'checkin.read',
  'PATCH /api/v1/workspaces/{ws}/checkins/{id}': 'checkin.write',
  'PUT /api/v1/workspaces/{ws}/checkins/{id}/notes': 'checkin.write',
  'POST /api/v1/workspaces/{ws}/checkins/{id}/action-items': 'checkin.write',
  'PATCH /api/v1/workspaces/{ws}/action-items/{id}': 'checkin.write',
  'GET /api/v1/workspaces/{ws}/reviews': 'review.read',
  'POST /api/v1/workspaces/{ws}/reviews': 'review.write',
  'GET /api/v1/workspaces/{ws}/reviews/{id}': 'review.read',
  'POST /api/v1/workspaces/{ws}/reviews/{id}/comments': 'review.comment',
  'POST /api/v1/workspaces/{ws}/reviews/{id}/sign-off': 'review.write',
  'POST /api/v1/workspaces/{ws}/reviews/{id}/amendments': 'review.write',
  'GET /api/v1/workspaces/{ws}/development': 'development.read',
  'POST /api/v1/workspaces/{ws}/development-plans': 'development.write',
  'GET /api/v1/workspaces/{ws}/development-plans/{id}': 'development.read',
  'PATCH /api/v1/workspaces/{ws}/development-plans/{id}': 'development.write',
  'POST /api/v1/workspaces/{ws}/development-plans/{id}/items': 'development.write',
  'PATCH /api/v1/workspaces/{ws}/development-items/{id}': 'development.write',
  'GET /api/v1/workspaces/{ws}/quality-samples': 'quality.read',
  'POST /api/v1/workspaces/{ws}/quality-samples/{id}/rating': 'quality.rate',
  'POST /api/v1/workspaces/{ws}/quality-samples/{id}/skip': 'quality.rate',
  'GET /api/v1/workspaces/{ws}/reports': 'report.read',
  'GET /api/v1/workspaces/{ws}/audit': 'audit.read',
  'GET /api/v1/workspaces/{ws}/tokens': 'token.manage',
  'POST /api/v1/workspaces/{ws}/tokens': 'token.manage',
  'DELETE /api/v1/workspaces/{ws}/tokens/{id}': 'token.manage',
};

export function scopeOf(role: Role, action: Action): Scope {
  return PERMISSIONS[action][role];
}
