/** Members of a workspace and invitations (owner manages; every member may see who is in the team). */

import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  revokeInvitation,
} from '#services/members/invitations';
import { listMembers, removeMember, updateMember } from '#services/members/manage-members';
import { issueMemberPasswordLink } from '#services/members/member-password-link';
import {
  AcceptInvitationBody,
  CreatedInvitation,
  CreateInvitationBody,
  Invitation,
  Member,
  PasswordLinkResponse,
  UpdateMemberBody,
} from '#shared/api-schemas';
import { actorOf } from '../app-env.ts';
import { cookieOptions, sessionCookieName } from '../middleware/cookies.ts';
import type { TandemApp } from '../openapi-app.ts';
import { presentInvitation, presentMember } from '../presenters/present.ts';
import { route } from '../route-kit.ts';
import { json, jsonBody, WsIdParams, WsParams, WsUserParams } from './params.ts';

const listMembersRoute = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/members',
  tags: ['members'],
  summary: 'Members and their roles',
  request: { params: WsParams },
  responses: { 200: json(z.array(Member)) },
});
const patchMember = route({
  method: 'patch',
  path: '/api/v1/workspaces/{ws}/members/{userId}',
  tags: ['members'],
  summary: "Change a member's role (and, for assistants, which assistant they are)",
  request: { params: WsUserParams, body: jsonBody(UpdateMemberBody) },
  responses: { 200: json(Member) },
});
const deleteMember = route({
  method: 'delete',
  path: '/api/v1/workspaces/{ws}/members/{userId}',
  tags: ['members'],
  summary: 'Remove a member; their next request is refused and their tokens here are revoked',
  request: { params: WsUserParams },
  responses: { 204: { description: 'Removed' } },
});
const passwordLink = route({
  method: 'post',
  path: '/api/v1/workspaces/{ws}/members/{userId}/password-link',
  tags: ['members'],
  summary: 'A single-use link for a member to set a new password',
  description:
    'Only for an account whose one membership is this workspace; an account that also belongs to other workspaces is refused with 409 `account_in_other_workspaces` (its holder uses “Forgot password” or changes it while signed in). Every link issued is audited.',
  request: { params: WsUserParams },
  responses: {
    201: json(PasswordLinkResponse, 'Created'),
    409: { description: 'The account also belongs to other workspaces' },
  },
});
const listInv = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/invitations',
  tags: ['invitations'],
  summary: 'Open invitations',
  request: { params: WsParams },
  responses: { 200: json(z.array(Invitation)) },
});
const createInv = route({
  method: 'post',
  path: '/api/v1/workspaces/{ws}/invitations',
  tags: ['invitations'],
  summary: 'Invite someone by a single-use, expiring link (shown once)',
  request: { params: WsParams, body: jsonBody(CreateInvitationBody) },
  responses: { 201: json(CreatedInvitation, 'Created') },
});
const revokeInv = route({
  method: 'delete',
  path: '/api/v1/workspaces/{ws}/invitations/{id}',
  tags: ['invitations'],
  summary: 'Revoke an invitation',
  request: { params: WsIdParams },
  responses: { 204: { description: 'Revoked' } },
});
const acceptInv = route({
  method: 'post',
  path: '/api/v1/invitations/accept',
  tags: ['invitations'],
  summary: 'Accept an invitation: set a password (or give yours) and join; signs in',
  request: { body: jsonBody(AcceptInvitationBody) },
  responses: { 200: json(z.object({ workspace: z.string(), csrfToken: z.string() })) },
});

export function registerMemberRoutes(app: TandemApp): void {
  app.openapi(listMembersRoute, async (c) => {
    const { ws } = c.req.valid('param');
    return c.json((await listMembers(c.get('deps'), ws)).map(presentMember), 200);
  });
  app.openapi(patchMember, async (c) => {
    const { userId } = c.req.valid('param');
    const m = await updateMember(c.get('deps'), actorOf(c), userId, c.req.valid('json'));
    return c.json(presentMember(m), 200);
  });
  app.openapi(deleteMember, async (c) => {
    await removeMember(c.get('deps'), actorOf(c), c.req.valid('param').userId);
    return c.body(null, 204);
  });
  app.openapi(passwordLink, async (c) => {
    const { userId } = c.req.valid('param');
    return c.json({ url: await issueMemberPasswordLink(c.get('deps'), actorOf(c), userId) }, 201);
  });
  app.openapi(listInv, async (c) => {
    const { ws } = c.req.valid('param');
    return c.json((await listInvitations(c.get('deps'), ws)).map(presentInvitation), 200);
  });
  app.openapi(createInv, async (c) => {
    const r = await createInvitation(c.get('deps'), actorOf(c), c.req.valid('json'));
    return c.json({ invitation: presentInvitation(r.invitation), url: r.url }, 201);
  });
  app.openapi(revokeInv, async (c) => {
    await revokeInvitation(c.get('deps'), actorOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(acceptInv, async (c) => {
    const deps = c.get('deps');
    const body = c.req.valid('json');
    const r = await acceptInvitation(deps, body.token, body.password);
    setCookie(
      c,
      sessionCookieName(deps.publicUrl),
      r.session.token,
      cookieOptions(deps.publicUrl, r.session.expiresAt),
    );
    return c.json({ workspace: r.workspaceId, csrfToken: r.session.csrfToken }, 200);
  });
}
