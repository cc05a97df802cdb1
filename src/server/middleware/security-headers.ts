/**
 * Security headers on every answer: a strict CSP (frame-ancestors 'none'), nosniff, no referrer,
 * HSTS behind TLS; API JSON is never cached. HTML pages get a CSP that allows their own scripts
 * and styles only (a handler that sets its own CSP keeps it).
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';

const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const PAGE_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export function securityHeaders(secure: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    const type = h.get('content-type') ?? '';
    const html = type.startsWith('text/html');
    if (!h.has('Content-Security-Policy')) h.set('Content-Security-Policy', html ? PAGE_CSP : API_CSP);
    h.set('X-Content-Type-Options', 'nosniff');
    // Pages: same-origin, so their forms post with a real Origin (no-referrer makes browsers send
    // `Origin: null`, which the CSRF check refuses); nothing leaks to other sites either way.
    // The survey page (SPEC §8) carries its token in its path: it never sends a referrer at all.
    h.set('Referrer-Policy', html && !c.req.path.startsWith('/s/') ? 'same-origin' : 'no-referrer');
    h.set('X-Frame-Options', 'DENY');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    if (secure) h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (c.req.path.startsWith('/api/v1/') || !h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
  };
}
