/**
 * Starts Tandem for a browser test: the real `tandem serve` on 127.0.0.1, a random port and a
 * fresh temporary data directory, after making sure the web app is built. Until the `serve`
 * command exists, it starts the web app's own static server (src/server/static-web.ts) instead,
 * and `api` is false so that suites needing the API can say so and skip.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export interface RunningServer {
  baseUrl: string;
  /** True when the real server (with the API) runs; false for the static web app only. */
  api: boolean;
  /** The one-time setup URL the server printed on its empty store, if any. */
  setupUrl: string | null;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

/** Builds dist/web when it is missing or stale (the same step as `npm start`). */
export async function ensureWebBuilt(): Promise<void> {
  await runNode([join(REPO, 'bin', 'build-web-if-needed.mjs')], 180_000);
}

function runNode(args: string[], timeoutMs: number): Promise<void> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) res();
      else rej(new Error(`node ${args.join(' ')} exited ${code}:\n${out}`));
    });
  });
}

async function hasServeCommand(): Promise<boolean> {
  const { COMMANDS } = await import('#cli/commands/index');
  return COMMANDS.some((c) => c.name === 'serve');
}

async function waitFor(
  url: string,
  child: ChildProcess | null,
  output: () => string,
  timeoutMs = 60_000,
): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child && child.exitCode !== null)
      throw new Error(`the server exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the server did not answer ${url} within ${timeoutMs} ms:\n${output()}`);
}

export interface StartOptions {
  /**
   * A data directory the caller prepared (e.g. a benchmark's seeded store), left in place on
   * stop(); by default a fresh temporary one, removed on stop().
   */
  dataDir?: string;
}

/** Starts the server for one suite; call stop() in afterAll. */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  await ensureWebBuilt();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  if (!(await hasServeCommand())) {
    const { serve } = await import('@hono/node-server');
    const { Hono } = await import('hono');
    const { staticWeb } = await import('#server/static-web');
    const app = new Hono();
    app.all('/api/*', (c) =>
      c.json(
        { error: { code: 'not_found', message: 'This server has no API yet (static web app only).' } },
        404,
      ),
    );
    app.use('*', staticWeb());
    const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
    await waitFor(`${baseUrl}/`, null, () => '');
    return {
      baseUrl,
      api: false,
      setupUrl: null,
      output: () => '',
      stop: () => new Promise<void>((res) => server.close(() => res())),
    };
  }

  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
  let log = '';
  const child = spawn(
    process.execPath,
    [join(REPO, 'bin', 'tandem.mjs'), 'serve', '--port', String(port), '--data', dataDir],
    {
      cwd: REPO,
      env: { ...process.env, TANDEM_PUBLIC_URL: baseUrl, HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  await waitFor(`${baseUrl}/healthz`, child, () => log);
  const setupUrl = /(https?:\/\/\S*setup\S*)/.exec(log)?.[1] ?? null;
  return {
    baseUrl,
    api: true,
    setupUrl,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise<void>((res) => child.once('exit', () => res()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      if (opts.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
