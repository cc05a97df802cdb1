/**
 * `tandem serve [--port N] [--data DIR] [--host H]` (SPEC §13): the server on the embedded store
 * (PGlite in DIR, default ./data, locked against a second process) or on DATABASE_URL. On an empty
 * store it prints a one-time setup link instead of ever creating default credentials.
 */
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { openStore, type Store } from '#db/client';
import { storeOptions } from '#db/store-options';
import { type RunningWorker, startNotificationWorker } from '#jobs/start-notification-worker';
import { createApp } from '#server/app';
import { createAppDeps, createLogger } from '#server/app-deps';
import type { TandemApp } from '#server/openapi-app';
import { issueSetupUrl } from '#services/workspaces/setup-token';
import { publicUrlFor, readEnv } from '#src/env';
import { AppError } from '#src/errors';
import { type CliIo, type Command, parseOrUsage, UsageError, writeAll } from '../command.ts';

const HELP = `Usage: tandem serve [--port N] [--data DIR] [--host ADDRESS]

Runs the Tandem server: the HTTP API under /api/v1, its reference at /api/docs, /healthz.
Stores data in PGlite (embedded PostgreSQL) in DIR, or in the PostgreSQL server named by
DATABASE_URL when it is set. On an empty store it prints a one-time setup link for the first owner.

Options:
  --port N          port to listen on (default: PORT or 3000)
  --data DIR        embedded store directory (default: TANDEM_DATA_DIR or ./data)
  --host ADDRESS    address to listen on (default 127.0.0.1; 0.0.0.0 behind a proxy or in a container)
  -h, --help        show this help

Environment: DATABASE_URL, TANDEM_PUBLIC_URL (links; default http://localhost:<the port bound>),
TANDEM_TRUSTED_PROXY, LOG_LEVEL, PORT, TANDEM_DATA_DIR; SMTP_URL and MAIL_FROM for notification
e-mails (without SMTP_URL they are kept in the Outbox); TANDEM_WORKER=off runs no job worker.
Exit status: 0 after a clean shutdown (SIGINT/SIGTERM); 1 if the store cannot be opened; 2 usage.
`;

/** Opens the configured store; a held PGlite directory becomes a clear message and exit 1. */
export async function openCliStore(
  data: string | undefined,
  io: CliIo,
  command: string,
): Promise<Store | number> {
  const env = readEnv(io.env);
  try {
    return await openStore(
      storeOptions({ data, databaseUrl: env.DATABASE_URL, dataDirEnv: env.TANDEM_DATA_DIR, cwd: io.cwd }),
    );
  } catch (err) {
    if (err instanceof AppError && err.code === 'locked') {
      await writeAll(
        io.stderr,
        `tandem ${command}: ${err.message}\n(A running 'tandem serve' holds the embedded store; stop it first, or use the API.)\n`,
      );
      return 1;
    }
    throw err;
  }
}

export const serveCommand: Command = {
  name: 'serve',
  help: HELP,
  async run(args, io) {
    const { values } = parseOrUsage(() =>
      parseArgs({
        args,
        options: { port: { type: 'string' }, data: { type: 'string' }, host: { type: 'string' } },
      }),
    );
    const env = readEnv(io.env);
    const port = values.port === undefined ? (env.PORT ?? 3000) : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port: expected a port number, got ${JSON.stringify(values.port)}`);
    const store = await openCliStore(values.data, io, 'serve');
    if (typeof store === 'number') return store;
    const logger = createLogger(env.LOG_LEVEL);
    const hostname = values.host ?? '127.0.0.1';
    // Bind first: without TANDEM_PUBLIC_URL the links name the port actually bound (`--port 0`
    // too), and that address is the origin the CSRF check accepts (SPEC §13).
    let app: TandemApp | null = null;
    const server = serve({
      fetch: (req, bindings) => (app ? app.fetch(req, bindings) : new Response('Starting', { status: 503 })),
      port,
      hostname,
    });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', () => resolve());
      server.once('error', reject);
    });
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    const deps = await createAppDeps(store, {
      publicUrl: publicUrlFor(env, actual),
      logger,
      now: io.now,
      trustedProxies: env.TANDEM_TRUSTED_PROXY,
      smtpConfigured: env.SMTP_URL !== undefined,
    });
    app = createApp(deps);
    // Notifications leave from the durable queue (issue 8 item 8); TANDEM_WORKER=off leaves it to
    // another instance on the same PostgreSQL.
    const worker: RunningWorker | null =
      env.TANDEM_WORKER === 'off' ? null : startNotificationWorker(deps, env, logger);
    await writeAll(
      io.stderr,
      `Tandem is listening on http://${hostname}:${actual} (store: ${store.kind} ${store.location})\n`,
    );
    // Loud on purpose: a server that may lose acknowledged data must not pass unnoticed.
    if (deps.durability.warnings.length > 0)
      await writeAll(
        io.stderr,
        `\n!!! WARNING: this PostgreSQL server is not durable !!!\n${deps.durability.warnings
          .map((w) => `!!! ${w}\n`)
          .join('')}!!! (GET /healthz answers "durability":"off" until it is fixed and Tandem restarted)\n\n`,
      );
    const setup = await issueSetupUrl(deps);
    if (setup)
      await writeAll(
        io.stdout,
        `This store has no workspace yet. Create the first one and its owner (link works once):\n  ${setup}\n`,
      );
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        server.close(() => resolve());
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await worker?.stop();
    await store.close();
    return 0;
  },
};
