/** The server's dependencies and the per-request variables every middleware and route shares. */

import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { Durability } from '#db/durability';
import type { LoginThrottle } from '#services/auth/login-throttle';
import type { Membership } from '#services/members/membership';
import type { ServiceDeps } from '#services/service-context';
import { AppError } from '#src/errors';
import type { RateLimits } from './middleware/rate-limit.ts';

export interface AppDeps extends ServiceDeps {
  logger: Logger;
  storeKind: 'pglite' | 'postgres';
  /** Answers when the store answers (GET /healthz). */
  ping: () => Promise<void>;
  /** Proxy addresses whose X-Forwarded-For is trusted. */
  trustedProxies: readonly string[];
  throttle: LoginThrottle;
  /** HMAC key for device cookies (sign-in throttling that cannot lock the owner out). */
  deviceKey: string;
  limits: { jsonBytes: number; ndjsonBytes: number; archiveBytes: number };
  rateLimits: RateLimits;
  /** Whether notification e-mails go to an SMTP server (SMTP_URL) or only to the Outbox. */
  smtpConfigured: boolean;
  /** PostgreSQL's durability settings as read at start (issue 10 item 1); shown by GET /healthz. */
  durability: Durability;
}

export interface AuthInfo {
  userId: string;
  email: string;
  via: 'session' | 'token';
  /** For API tokens: the one workspace they act in. */
  tokenWorkspace?: string;
  csrfToken?: string;
  sessionToken?: string;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    auth: AuthInfo | null;
    member: Membership | null;
    requestId: string;
  };
};

export type AppContext = Context<AppEnv>;

/** The signed-in person; routes behind a policy other than `public` always have one. */
export function authOf(c: AppContext): AuthInfo {
  const a = c.get('auth');
  if (!a) throw new AppError('unauthenticated', 'Sign in or send an API token');
  return a;
}

/** The caller's membership in `{ws}`; set by the authorize middleware. */
export function memberOf(c: AppContext): Membership {
  const m = c.get('member');
  if (!m) throw new AppError('not_found', 'No such workspace');
  return m;
}

/** The acting member as services see it. */
export function actorOf(c: AppContext): {
  userId: string;
  workspaceId: string;
  role: Membership['role'];
  assistantId: string | null;
} {
  const m = memberOf(c);
  return { userId: m.userId, workspaceId: m.workspaceId, role: m.role, assistantId: m.assistantId };
}
