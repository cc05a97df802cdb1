/**
 * `tandem serve` in a child process, for the tests that kill it: started on a PGlite directory or
 * a PostgreSQL URL on a free port, ready once /healthz answers 200 (the port answers 503 while the
 * store opens), killed with SIGKILL or stopped with SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';

const ROOT = new URL('../../', import.meta.url).pathname;

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn until /healthz answered 200. */
  startMs: number;
  /** What the process wrote to stderr so far (for failure messages). */
  stderr(): string;
  kill(): Promise<void>;
  stop(): Promise<number | null>;
}

export interface ServeOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  env?: Record<string, string>;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export async function startServe(opts: ServeOptions, timeoutMs = 120_000): Promise<ServeProcess> {
  const started = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', TANDEM_WORKER: 'off', ...opts.env };
  delete env.DATABASE_URL;
  delete env.TANDEM_PUBLIC_URL;
  delete env.PORT;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  const child = spawn(process.execPath, ['bin/tandem.mjs', 'serve', '--port', '0', '--data', opts.dataDir], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stdout?.resume();
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not listen: ${err}`)), timeoutMs);
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString();
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited ${code}: ${err}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  // `listening` is printed once the app is built, but a 200 from /healthz is the proof.
  for (;;) {
    const res = await fetch(`${url}/healthz`).catch(() => null);
    if (res?.status === 200) break;
    if (performance.now() - started > timeoutMs) throw new Error(`serve not healthy: ${err}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    child,
    startMs: performance.now() - started,
    stderr: () => err,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      return exited(child);
    },
  };
}
