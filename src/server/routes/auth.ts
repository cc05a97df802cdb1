/**
 * Sign-in, sign-out, the current session, password change and reset. Sign-in answers the same
 * for an unknown e-mail and a wrong password, rotates the session id, and is throttled per IP and
 * per account in a way that cannot lock out a browser that signed in before (device cookie).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { changePassword } from '#services/auth/change-password';
import { completePasswordReset } from '#services/auth/password-reset';
import { deleteSession, resolveSession } from '#services/auth/sessions';
import { normalizeEmail, signIn } from '#services/auth/sign-in';
import { listUserWorkspaces } from '#services/workspaces/workspace-queries';
import {
  ChangePasswordBody,
  OkResponse,
  PasswordResetBody,
  SessionResponse,
  SignInBody,
} from '#shared/api-schemas';
import { AppError } from '#src/errors';
import { type AppContext, authOf } from '../app-env.ts';
import { clientIp } from '../middleware/client-ip.ts';
import { cookieOptions, deviceCookieName, sessionCookieName } from '../middleware/cookies.ts';
import { errorJson } from '../middleware/error-handler.ts';
import type { TandemApp } from '../openapi-app.ts';
import { route } from '../route-kit.ts';
import { json, jsonBody } from './params.ts';

const DEVICE_TTL_MS = 365 * 86_400_000;

function deviceMac(key: string, email: string): string {
  return createHmac('sha256', key).update(`device\u0000${email}`).digest('base64url');
}

function knownDevice(c: AppContext, email: string): boolean {
  const v = getCookie(c, deviceCookieName(c.get('deps').publicUrl));
  if (!v) return false;
  const [who, mac] = v.split('.');
  if (!who || !mac || Buffer.from(who, 'base64url').toString() !== email) return false;
  const want = Buffer.from(deviceMac(c.get('deps').deviceKey, email));
  const got = Buffer.from(mac);
  return want.length === got.length && timingSafeEqual(want, got);
}

async function sessionBody(
  c: AppContext,
  user: { id: string; email: string; name: string | null },
  csrf: string,
) {
  const ws = await listUserWorkspaces(c.get('deps'), user.id);
  return {
    user,
    csrfToken: csrf,
    workspaces: ws.map((w) => ({ id: w.workspace.id, name: w.workspace.name, role: w.role })),
  };
}

const signInRoute = route({
  method: 'post',
  path: '/api/v1/auth/sign-in',
  tags: ['auth'],
  summary: 'Sign in with e-mail and password; sets the session cookie',
  request: { body: jsonBody(SignInBody) },
  responses: {
    200: json(SessionResponse),
    429: { description: 'Too many failed attempts; see Retry-After' },
  },
});

const signOutRoute = route({
  method: 'post',
  path: '/api/v1/auth/sign-out',
  tags: ['auth'],
  summary: 'End this session now',
  responses: { 204: { description: 'Signed out' } },
});

const sessionRoute = route({
  method: 'get',
  path: '/api/v1/auth/session',
  tags: ['auth'],
  summary: 'The signed-in person, their workspaces and the CSRF token',
  responses: { 200: json(SessionResponse) },
});

const passwordRoute = route({
  method: 'post',
  path: '/api/v1/auth/password',
  tags: ['auth'],
  summary: 'Change my password (ends my other sessions)',
  request: { body: jsonBody(ChangePasswordBody) },
  responses: { 200: json(OkResponse) },
});

const resetRoute = route({
  method: 'post',
  path: '/api/v1/auth/password-reset',
  tags: ['auth'],
  summary: 'Set a password with a single-use link token (from an owner or `tandem init`)',
  request: { body: jsonBody(PasswordResetBody) },
  responses: { 200: json(OkResponse) },
});

export function registerAuthRoutes(app: TandemApp): void {
  app.openapi(signInRoute, async (c) => {
    const deps = c.get('deps');
    const body = c.req.valid('json');
    const email = normalizeEmail(body.email);
    const ip = clientIp(c);
    const wait = deps.throttle.retryAfter(email, ip, knownDevice(c, email));
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return errorJson(c, 'rate_limited', 'Too many failed sign-in attempts; try again later', {
        retryAfter: wait,
      });
    }
    let result: Awaited<ReturnType<typeof signIn>>;
    try {
      result = await signIn(deps, email, body.password);
    } catch (err) {
      if (err instanceof AppError && err.code === 'invalid_credentials')
        deps.throttle.recordFailure(email, ip);
      throw err;
    }
    deps.throttle.recordSuccess(email, ip);
    // Rotate: the cookie presented before sign-in (if any) dies now.
    const old = getCookie(c, sessionCookieName(deps.publicUrl));
    if (old) await deleteSession(deps, old);
    setCookie(
      c,
      sessionCookieName(deps.publicUrl),
      result.token,
      cookieOptions(deps.publicUrl, result.expiresAt),
    );
    setCookie(
      c,
      deviceCookieName(deps.publicUrl),
      `${Buffer.from(email).toString('base64url')}.${deviceMac(deps.deviceKey, email)}`,
      cookieOptions(deps.publicUrl, new Date(deps.now() + DEVICE_TTL_MS)),
    );
    return c.json(await sessionBody(c, result.user, result.csrfToken), 200);
  });

  app.openapi(signOutRoute, async (c) => {
    const auth = authOf(c);
    if (auth.sessionToken) await deleteSession(c.get('deps'), auth.sessionToken);
    deleteCookie(c, sessionCookieName(c.get('deps').publicUrl), cookieOptions(c.get('deps').publicUrl));
    return c.body(null, 204);
  });

  app.openapi(sessionRoute, async (c) => {
    const auth = authOf(c);
    if (auth.via !== 'session' || !auth.sessionToken)
      throw new AppError('unauthenticated', 'This route describes a browser session');
    const s = await resolveSession(c.get('deps'), auth.sessionToken);
    if (!s) throw new AppError('unauthenticated', 'Session ended');
    return c.json(await sessionBody(c, s.user, s.csrfToken), 200);
  });

  app.openapi(passwordRoute, async (c) => {
    const body = c.req.valid('json');
    await changePassword(c.get('deps'), authOf(c).userId, body.currentPassword, body.newPassword);
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(resetRoute, async (c) => {
    const body = c.req.valid('json');
    await completePasswordReset(c.get('deps'), body.token, body.password);
    return c.json({ ok: true as const }, 200);
  });
}
