/**
 * CSRF defence for cookie-authenticated changes: the request must come from our own origin
 * (Origin, or Referer when a browser omits Origin) and carry the session's token in
 * X-CSRF-Token. API-token calls carry no ambient credential and need neither.
 */
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '#src/errors';
import type { AppContext, AppEnv } from '../app-env.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function requestOrigin(c: AppContext): string | null {
  const origin = c.req.header('origin');
  if (origin && origin !== 'null') return origin;
  const referer = c.req.header('referer');
  if (referer) {
    try {
      return new URL(referer).origin;
    } catch {
      return 'invalid';
    }
  }
  return origin === 'null' ? 'null' : null;
}

/**
 * The public survey answer (SPEC §8) is exempt: its page sends no referrer, so browsers send
 * `Origin: null`, and it rides on no ambient credential — the token in its path is the credential.
 */
const PUBLIC_SURVEY = /^\/api\/v1\/public\/surveys\/[^/]+$/;

/** Any unsafe request that names a foreign origin is refused, signed in or not. */
export const rejectForeignOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!SAFE.has(c.req.method) && !PUBLIC_SURVEY.test(c.req.path)) {
    const origin = requestOrigin(c);
    if (origin !== null && origin !== new URL(c.get('deps').publicUrl).origin)
      throw new AppError('forbidden', 'Cross-site request refused', { reason: 'origin' });
  }
  return next();
};

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** For a session-authenticated change: same origin and the session's CSRF token. */
export function assertCsrf(c: AppContext): void {
  const auth = c.get('auth');
  if (auth?.via !== 'session' || SAFE.has(c.req.method)) return;
  const origin = requestOrigin(c);
  if (origin !== new URL(c.get('deps').publicUrl).origin)
    throw new AppError('forbidden', 'Cross-site request refused: send the Origin header', {
      reason: 'origin',
    });
  const token = c.req.header('x-csrf-token') ?? '';
  if (!auth.csrfToken || !same(token, auth.csrfToken))
    throw new AppError('forbidden', 'Missing or wrong X-CSRF-Token', { reason: 'csrf' });
}
