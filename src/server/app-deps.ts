/** Builds the server's dependencies around an open store: logger, throttle, device-cookie key, limits. */
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pino, { type Logger } from 'pino';
import type { Store } from '#db/client';
import { checkDurability } from '#db/durability';
import { instanceSettings } from '#db/schema/workspaces';
import { LoginThrottle } from '#services/auth/login-throttle';
import { failInterruptedImports } from '#services/imports/import-jobs';
import { KpiViewCache } from '#services/kpis/kpi-view-cache';
import { PreparedRowsCache } from '#services/metrics/prepared-rows-cache';
import type { AppDeps } from './app-env.ts';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './middleware/rate-limit.ts';

export const DEFAULT_LIMITS = {
  jsonBytes: 1024 * 1024,
  ndjsonBytes: 64 * 1024 * 1024,
  archiveBytes: 512 * 1024 * 1024,
};

const PARAMS = 'params:';

/** A message cut where drizzle starts listing the query's bound values. */
function cutParams(text: string): string {
  const at = text.indexOf(PARAMS);
  return at < 0 ? text : `${text.slice(0, at)}${PARAMS} [redacted]`;
}

/** A stack whose message part is cut at the bound values; the `at …` frames are kept. */
function cutStackParams(stack: string): string {
  if (!stack.includes(PARAMS)) return stack;
  const lines = stack.split('\n');
  let frames = lines.length;
  while (frames > 0 && /^\s+at /.test(lines[frames - 1] ?? '')) frames--;
  return [cutParams(lines.slice(0, frames).join('\n')), ...lines.slice(frames)].join('\n');
}

function scrub(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth > 5) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  delete out.params;
  if (typeof out.message === 'string') out.message = cutParams(out.message);
  if (typeof out.stack === 'string') out.stack = cutStackParams(out.stack);
  if (out.cause !== undefined) out.cause = scrub(out.cause, depth + 1);
  if (Array.isArray(out.aggregateErrors))
    out.aggregateErrors = out.aggregateErrors.map((e) => scrub(e, depth + 1));
  return out;
}

/**
 * The `err` serializer. A failed query (drizzle's DrizzleQueryError) carries its bound values in
 * `params` and repeats them in its message after "params:" — password hashes, tokens, private
 * pulse comments (SPEC §11) — so both are dropped, also from the causes.
 */
export function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return scrub(err, 0);
  return scrub(pino.stdSerializers.err(err), 0);
}

/** A pino logger that never writes secrets: credentials, cookies, passwords, tokens and query values are redacted. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    serializers: { err: serializeError },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'headers.cookie',
        'password',
        'token',
        '*.password',
        '*.token',
        '*.passwordHash',
        '*.tokenHash',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

async function deviceKey(store: Store): Promise<string> {
  const fresh = randomBytes(32).toString('base64url');
  await store.db
    .insert(instanceSettings)
    .values({ key: 'device_key', value: { key: fresh } })
    .onConflictDoNothing();
  const rows = await store.db.select().from(instanceSettings).where(eq(instanceSettings.key, 'device_key'));
  return (rows[0]?.value as { key?: string } | undefined)?.key ?? fresh;
}

export interface AppDepsOptions {
  publicUrl: string;
  logger: Logger;
  now?: () => number;
  trustedProxies?: readonly string[];
  scryptN?: number;
  limits?: Partial<AppDeps['limits']>;
  rateLimits?: Partial<RateLimits>;
  smtpConfigured?: boolean;
}

export async function createAppDeps(store: Store, opts: AppDepsOptions): Promise<AppDeps> {
  const now = opts.now ?? (() => Date.now());
  // A job left running by a crash or stop stored nothing; it is marked failed at start (issue 5).
  await failInterruptedImports(store.db, now());
  const durability = await checkDurability(store.db, store.kind);
  for (const warning of durability.warnings) opts.logger.warn({ durability: durability.settings }, warning);
  return {
    db: store.db,
    now,
    publicUrl: opts.publicUrl.replace(/\/+$/, ''),
    ...(opts.scryptN !== undefined ? { scryptN: opts.scryptN } : {}),
    metricsCache: new PreparedRowsCache(),
    kpiViews: new KpiViewCache(),
    logger: opts.logger,
    storeKind: store.kind,
    ping: async () => {
      await store.db.execute(sql`select 1`);
    },
    trustedProxies: opts.trustedProxies ?? [],
    throttle: new LoginThrottle(now),
    deviceKey: await deviceKey(store),
    limits: { ...DEFAULT_LIMITS, ...opts.limits },
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...opts.rateLimits },
    smtpConfigured: opts.smtpConfigured ?? false,
    durability,
  };
}
