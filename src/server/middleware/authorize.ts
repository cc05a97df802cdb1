/**
 * Route-level enforcement of the permission matrix, run before any input is parsed: signed in
 * (401), a member of `{ws}` — or the token's own workspace — (404, never revealing that another
 * workspace exists), and a role allowed the route's action at all (403). Handlers then narrow to
 * the assistants in the actor's scope with `assertCan`.
 */

import type { MiddlewareHandler } from 'hono';
import { loadMembership } from '#services/members/membership';
import { AppError } from '#src/errors';
import type { AppEnv } from '../app-env.ts';
import { type RoutePolicy, scopeOf } from '../policies/permission-matrix.ts';
import { assertCsrf } from './csrf.ts';

export function authorize(policy: RoutePolicy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (policy === 'public') return next();
    const auth = c.get('auth');
    if (!auth) throw new AppError('unauthenticated', 'Sign in or send an API token');
    assertCsrf(c);
    if (policy === 'signed-in') return next();
    const ws = c.req.param('ws');
    if (!ws) throw new AppError('internal', 'route without a workspace');
    if (auth.tokenWorkspace !== undefined && auth.tokenWorkspace !== ws)
      throw new AppError('not_found', 'No such workspace');
    const m = await loadMembership(c.get('deps'), ws, auth.userId);
    if (!m) throw new AppError('not_found', 'No such workspace');
    if (scopeOf(m.role, policy) === null)
      throw new AppError('forbidden', `A ${m.role} may not ${policy.replace('.', ' ')}`);
    c.set('member', m);
    return next();
  };
}
