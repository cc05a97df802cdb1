/**
 * Request rate limits: per client IP, per API token and per workspace, in fixed one-minute
 * windows kept in memory per instance. Over a limit the answer is 429 with Retry-After. The IP is
 * the socket peer unless it is a configured trusted proxy (TANDEM_TRUSTED_PROXY).
 *
 * The IP is counted before the caller is looked up, so a flood of unknown tokens or forged
 * cookies meets the limit too; token and workspace are counted once the caller is known.
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

/** Fixed-window counters; `hit` answers the seconds to wait (0 = under the limit). */
class Windows {
  private counts = new Map<string, { window: number; n: number }>();
  private swept = 0;

  hit(key: string, limit: number, now: number): number {
    if (now - this.swept > WINDOW_MS) {
      this.swept = now;
      const current = Math.floor(now / WINDOW_MS);
      for (const [k, v] of this.counts) if (v.window < current) this.counts.delete(k);
    }
    const window = Math.floor(now / WINDOW_MS);
    const c = this.counts.get(key);
    if (!c || c.window !== window) {
      this.counts.set(key, { window, n: 1 });
      return 0;
    }
    c.n++;
    return c.n > limit ? Math.ceil(((window + 1) * WINDOW_MS - now) / 1000) : 0;
  }
}

function refuse(wait: number): never {
  throw new AppError('rate_limited', 'Too many requests; slow down', { retryAfter: wait });
}

/** The two halves: `perIp` goes before `authenticate`, `perCaller` after it. */
export function rateLimit(limits: RateLimits): {
  perIp: MiddlewareHandler<AppEnv>;
  perCaller: MiddlewareHandler<AppEnv>;
} {
  const windows = new Windows();
  return {
    perIp: async (c, next) => {
      const wait = windows.hit(`ip:${clientIp(c)}`, limits.perIpPerMinute, c.get('deps').now());
      if (wait > 0) refuse(wait);
      return next();
    },
    perCaller: async (c, next) => {
      const now = c.get('deps').now();
      const auth = c.get('auth');
      const ws = WORKSPACE_PATH.exec(c.req.path)?.[1];
      let wait = 0;
      if (auth?.via === 'token')
        wait = windows.hit(`tok:${auth.userId}:${auth.tokenWorkspace}`, limits.perTokenPerMinute, now);
      if (auth && ws) wait = Math.max(wait, windows.hit(`ws:${ws}`, limits.perWorkspacePerMinute, now));
      if (wait > 0) refuse(wait);
      return next();
    },
  };
}
