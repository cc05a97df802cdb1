/**
 * First run (SPEC §13, no default credentials ever): the one-time setup link that `serve` prints
 * on an empty store carries a token in its fragment (`/setup#token=…`); the web app's setup
 * screen sends it here with the workspace name and the owner's e-mail and password. The new owner
 * is signed in at once. The link works once, and only while the store has no workspace.
 */
import { setCookie } from 'hono/cookie';
import { completeSetup } from '#services/workspaces/setup-token';
import { SetupBody, SetupResponse } from '#shared/api-schemas';
import { cookieOptions, sessionCookieName } from '../middleware/cookies.ts';
import type { TandemApp } from '../openapi-app.ts';
import { route } from '../route-kit.ts';
import { json, jsonBody } from './params.ts';

const setupRoute = route({
  method: 'post',
  path: '/api/v1/setup',
  tags: ['auth'],
  summary: 'Create the first workspace and its owner with the one-time setup token; signs in',
  description:
    'Answers 400 `invalid_token` for an unknown or used token and 409 `conflict` once a workspace exists.',
  request: { body: jsonBody(SetupBody) },
  responses: {
    200: json(SetupResponse),
    409: { description: 'Setup is already done' },
  },
});

export function registerSetupRoute(app: TandemApp): void {
  app.openapi(setupRoute, async (c) => {
    const deps = c.get('deps');
    const r = await completeSetup(deps, c.req.valid('json'));
    setCookie(
      c,
      sessionCookieName(deps.publicUrl),
      r.session.token,
      cookieOptions(deps.publicUrl, r.session.expiresAt),
    );
    return c.json({ workspace: r.workspaceId, csrfToken: r.session.csrfToken }, 200);
  });
}
