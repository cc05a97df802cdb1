/**
 * Request rate limits: per API token, per workspace and per client IP, in fixed one-minute
 * windows kept in memory per instance. Over a limit the answer is 429 with Retry-After. The IP is
 * the socket peer unless it is a configured trusted proxy (TANDEM_TRUSTED_PROXY).
 */

import type { MiddlewareHandler } from 'hono';
import { AppError } from '#src/errors';
import type { AppEnv } from '../app-env.ts';
import { clientIp } from './client-ip.ts';

export interface RateLimits {
  perTokenPerMinute: number;
  perWorkspacePerMinute: number;
  perIpPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  perTokenPerMinute: 1200,
  perWorkspacePerMinute: 6000,
  perIpPerMinute: 2400,
};

const WINDOW_MS = 60_000;
const WORKSPACE_PATH = /^\/api\/v1\/workspaces\/([^/]+)/;

export function rateLimit(limits: RateLimits): MiddlewareHandler<AppEnv> {
  const counts = new Map<string, { window: number; n: number }>();
  let swept = 0;
  const hit = (key: string, limit: number, now: number): number => {
    const window = Math.floor(now / WINDOW_MS);
    const c = counts.get(key);
    if (!c || c.window !== window) {
      counts.set(key, { window, n: 1 });
      return 0;
    }
    c.n++;
    return c.n > limit ? Math.ceil(((window + 1) * WINDOW_MS - now) / 1000) : 0;
  };
  return async (c, next) => {
    const now = c.get('deps').now();
    if (now - swept > WINDOW_MS) {
      swept = now;
      const current = Math.floor(now / WINDOW_MS);
      for (const [k, v] of counts) if (v.window < current) counts.delete(k);
    }
    const auth = c.get('auth');
    const ws = WORKSPACE_PATH.exec(c.req.path)?.[1];
    let wait = hit(`ip:${clientIp(c)}`, limits.perIpPerMinute, now);
    if (auth?.via === 'token')
      wait = Math.max(wait, hit(`tok:${auth.userId}:${auth.tokenWorkspace}`, limits.perTokenPerMinute, now));
    if (auth && ws) wait = Math.max(wait, hit(`ws:${ws}`, limits.perWorkspacePerMinute, now));
    if (wait > 0) throw new AppError('rate_limited', 'Too many requests; slow down', { retryAfter: wait });
    return next();
  };
}
