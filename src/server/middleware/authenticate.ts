/**
 * Finds who is calling: an API token (`Authorization: Bearer`, SPEC §13) or a session cookie.
 * API credentials in a URL are refused outright — URLs end up in logs and browser history.
 */

import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { resolveApiToken } from '#services/auth/api-tokens';
import { resolveSession } from '#services/auth/sessions';
import { AppError } from '#src/errors';
import type { AppEnv } from '../app-env.ts';
import { sessionCookieName } from './cookies.ts';

const URL_CREDENTIALS = ['access_token', 'api_key', 'apikey', 'token', 'bearer', 'auth'];

export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const deps = c.get('deps');
  c.set('auth', null);
  c.set('member', null);
  // Only the API asks who is calling; the web app's files and the link pages are the same for
  // everyone. A browser sends its session cookie with each of a screen's dozens of chunks, and
  // looking the session up for each of them queued them behind the store.
  if (!c.req.path.startsWith('/api/')) return next();
  const query = new URL(c.req.url).searchParams;
  for (const k of URL_CREDENTIALS)
    if (query.has(k))
      // 401, as for any credential that is not accepted: the request is not signed in by it.
      throw new AppError(
        'unauthenticated',
        'Credentials are never accepted in a URL; send Authorization: Bearer',
        {
          field: `query.${k}`,
        },
      );
  const header = c.req.header('authorization');
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const found = m?.[1] ? await resolveApiToken(deps, m[1]) : null;
    if (!found) throw new AppError('unauthenticated', 'The API token is unknown or revoked');
    c.set('auth', { userId: found.userId, email: '', via: 'token', tokenWorkspace: found.workspaceId });
    return next();
  }
  const cookie = getCookie(c, sessionCookieName(deps.publicUrl));
  if (cookie) {
    const s = await resolveSession(deps, cookie);
    if (s)
      c.set('auth', {
        userId: s.user.id,
        email: s.user.email,
        via: 'session',
        csrfToken: s.csrfToken,
        sessionToken: cookie,
      });
  }
  return next();
};
