/**
 * The import crash scenario (issue 10 item 1), shared by test/server/import-crash.test.ts and
 * bench/import-crash.bench.ts: `tandem serve` in a child process (PGlite directory, or a fresh
 * PostgreSQL database), a 50,000-row Toggl CSV uploaded and committed through the HTTP import
 * routes, and the server killed with SIGKILL at a random moment of the commit — uniform over the
 * time an uncut commit of the same size took in the same run. After each restart:
 * - the job is not `running` (the server marks an interrupted one failed at start);
 * - the assistant's stored events (their NDJSON export) are 0 — with the job failed — or all of
 *   them — with the job succeeded;
 * - committing again (the failed job, or the same file uploaded anew) stores exactly all rows:
 *   50,000 inserted after a failure, 50,000 unchanged after a success.
 *
 * Each kill imports for an assistant of its own with a file of its own (its user e-mail is part
 * of every row's storage key), so the counts of one kill never mix with another's.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '#db/client';
import { createApiToken } from '#services/auth/api-tokens';
import { createWorkspace } from '#services/workspaces/create-workspace';
import { type ServeProcess, startServe } from './serve-process.ts';

export interface KillOutcome {
  /** Milliseconds after the commit was sent that the server was killed. */
  killAtMs: number;
  /** The job's status after the restart. */
  status: string;
  errorCode: string | null;
  /** The assistant's events stored after the restart. */
  stored: number;
  /** What committing again answered. */
  rerun: { inserted: number; updated: number; unchanged: number };
  /** The assistant's events after committing again. */
  final: number;
  restartMs: number;
}

export interface ImportCrashRun {
  rows: number;
  /**
   * On PGlite: the exit status and message of a second process (`tandem export`) started on the
   * directory while `serve` held it — the directory lock against a real second process.
   */
  secondProcess: { status: number | null; stderr: string } | null;
  /** An uncut commit of `rows` rows, before the kills. */
  commitMs: number;
  outcomes: KillOutcome[];
  ms: number;
}

/** Deterministic PRNG (mulberry32), so a failing run can be repeated with its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A Toggl detailed-report CSV: `rows` 5-minute entries of one user, 10 minutes apart, all distinct. */
export function togglRows(rows: number, user: string): Uint8Array {
  const parts = [
    'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags\n',
  ];
  const base = Date.UTC(2025, 0, 1, 0, 0);
  for (let i = 0; i < rows; i++) {
    const s = new Date(base + i * 600_000);
    const e = new Date(s.getTime() + 300_000);
    const day = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const time = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
    parts.push(
      `${user},${user}@crash.test,Client,Project ${i % 7},,Entry ${i},No,${day(s)},${time(s)},${day(e)},${time(e)},00:05:00,\n`,
    );
  }
  return Buffer.from(parts.join(''));
}

interface Api {
  url: string;
  ws: string;
  token: string;
}

/**
 * One HTTP request on a connection of its own (no keep-alive: a reused socket that the server is
 * closing at that moment fails with EPIPE, and the kill must be the only fault here), without a
 * client-side timeout (a commit on a loaded machine may take minutes). Answers a `Response`.
 */
async function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: FormData | string } = {},
): Promise<Response> {
  const prepared = new Request(url, { method: init.method ?? 'GET', headers: init.headers, body: init.body });
  const body = init.body === undefined ? null : Buffer.from(await prepared.arrayBuffer());
  const headers: Record<string, string> = {};
  prepared.headers.forEach((v, k) => {
    headers[k] = v;
  });
  if (body) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: prepared.method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const status = res.statusCode ?? 500;
        resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status }));
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

async function ok<T>(res: Response, what: string): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: ${res.status} ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : null) as T;
}

function importForm(file: Uint8Array, assistant: string, withFormat: boolean): FormData {
  const body = new FormData();
  if (withFormat) body.set('format', 'toggl');
  body.set('file', new File([new Uint8Array(file)], 'toggl.csv'));
  body.set('assistant', assistant);
  body.set('timezone', 'UTC');
  return body;
}

interface Job {
  id: string;
  status: string;
  error: { code: string } | null;
  counts: { events: number; inserted: number; updated: number; unchanged: number };
}

async function createAssistant(api: Api, id: string): Promise<void> {
  await ok(
    await send(`${api.url}/api/v1/workspaces/${api.ws}/assistants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id, timezone: 'UTC' }),
    }),
    `create assistant ${id}`,
  );
}

async function upload(api: Api, file: Uint8Array, assistant: string): Promise<Job> {
  const preview = await ok<{ job: Job; events: number }>(
    await send(`${api.url}/api/v1/workspaces/${api.ws}/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token}` },
      body: importForm(file, assistant, true),
    }),
    'upload',
  );
  return preview.job;
}

function commit(api: Api, job: string, file: Uint8Array, assistant: string): Promise<Response> {
  return send(`${api.url}/api/v1/workspaces/${api.ws}/imports/${job}/commit`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token}` },
    body: importForm(file, assistant, false),
  });
}

async function getJob(api: Api, job: string): Promise<Job> {
  return ok<Job>(
    await send(`${api.url}/api/v1/workspaces/${api.ws}/imports/${job}`, {
      headers: { authorization: `Bearer ${api.token}` },
    }),
    'job',
  );
}

/** The assistant's stored events, counted in their NDJSON export (SPEC §11). */
async function storedEvents(api: Api, assistant: string): Promise<number> {
  const res = await send(`${api.url}/api/v1/workspaces/${api.ws}/assistants/${assistant}/export`, {
    headers: { authorization: `Bearer ${api.token}` },
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`export: ${res.status} ${text.slice(0, 500)}`);
  let n = 0;
  for (const line of text.split('\n')) if (line.includes('"type":"timeEntry"')) n++;
  return n;
}

const debug = process.env.TANDEM_CRASH_DEBUG
  ? (what: string) => process.stderr.write(`[import-crash] ${new Date().toISOString()} ${what}\n`)
  : () => {};

export async function runImportCrash(opts: {
  rows: number;
  kills: number;
  /** A PostgreSQL server to create a fresh database in; without it, a PGlite directory. */
  adminUrl?: string | undefined;
  seed?: number;
  /** Called after each kill, for progress output. */
  onKill?: (o: KillOutcome, i: number) => void;
}): Promise<ImportCrashRun> {
  const started = performance.now();
  const random = rng(opts.seed ?? 1);
  const dir = mkdtempSync(join(tmpdir(), 'tandem-import-crash-'));
  const dbName = `tandem_icrash_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: opts.adminUrl });
    await c.connect();
    await c.query(statement);
    await c.end();
  };
  let databaseUrl: string | undefined;
  if (opts.adminUrl) {
    await admin(`create database ${dbName}`);
    const u = new URL(opts.adminUrl);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  let server: ServeProcess | null = null;
  try {
    const store = await openStore(databaseUrl ? { databaseUrl, poolSize: 2 } : { dataDir: dir });
    const deps = { db: store.db, now: () => Date.now(), publicUrl: 'http://localhost', scryptN: 1024 };
    const created = await createWorkspace(deps, {
      name: 'Import crash',
      owner: { email: 'owner@crash.test', password: 'correct horse battery staple 42' },
    });
    const { token } = await createApiToken(store.db, created.workspace.id, created.userId, 'crash');
    await store.close();
    const serveOpts = { dataDir: dir, databaseUrl };
    server = await startServe(serveOpts);
    let api: Api = { url: server.url, ws: created.workspace.id, token };
    let secondProcess: ImportCrashRun['secondProcess'] = null;
    if (!databaseUrl) {
      const env: NodeJS.ProcessEnv = { ...process.env };
      delete env.DATABASE_URL;
      const r = spawnSync(
        process.execPath,
        ['bin/tandem.mjs', 'export', '--data', dir, '--workspace', created.workspace.id, '-'],
        { cwd: new URL('../../', import.meta.url).pathname, env, encoding: 'utf8', timeout: 120_000 },
      );
      secondProcess = { status: r.status, stderr: r.stderr };
    }

    // An uncut commit first: the time the kills are spread over.
    const calFile = togglRows(opts.rows, 'cal');
    await createAssistant(api, 'cal');
    const calJob = await upload(api, calFile, 'cal');
    const t0 = performance.now();
    const cal = await ok<Job>(await commit(api, calJob.id, calFile, 'cal'), 'calibration commit');
    const commitMs = performance.now() - t0;
    debug(`uncut commit of ${opts.rows} rows: ${commitMs.toFixed(0)} ms`);
    if (cal.counts.inserted !== opts.rows) throw new Error(`calibration inserted ${cal.counts.inserted}`);

    const outcomes: KillOutcome[] = [];
    for (let k = 0; k < opts.kills; k++) {
      const assistant = `k${k}`;
      const file = togglRows(opts.rows, `user${k}`);
      await createAssistant(api, assistant);
      const job = await upload(api, file, assistant);
      const killAtMs = random() * commitMs;
      const sent = commit(api, job.id, file, assistant).then(
        (r) => r.text(),
        () => null,
      );
      await new Promise((r) => setTimeout(r, killAtMs));
      await server.kill();
      await sent;
      debug(`killed at ${killAtMs.toFixed(0)} ms`);
      const r0 = performance.now();
      server = await startServe(serveOpts);
      const restartMs = performance.now() - r0;
      api = { ...api, url: server.url };
      const after = await getJob(api, job.id);
      const stored = await storedEvents(api, assistant);
      debug(`restarted in ${restartMs.toFixed(0)} ms: job ${after.status}, ${stored} stored`);
      let rerun: Job;
      // A failed job (or one the kill caught before its commit arrived) is committed again; a
      // succeeded one cannot be, so the same file goes in as a new job.
      if (after.status !== 'succeeded')
        rerun = await ok<Job>(await commit(api, job.id, file, assistant), 'rerun');
      else {
        const again = await upload(api, file, assistant);
        rerun = await ok<Job>(await commit(api, again.id, file, assistant), 'rerun');
      }
      const outcome: KillOutcome = {
        killAtMs,
        status: after.status,
        errorCode: after.error?.code ?? null,
        stored,
        rerun: {
          inserted: rerun.counts.inserted,
          updated: rerun.counts.updated,
          unchanged: rerun.counts.unchanged,
        },
        final: await storedEvents(api, assistant),
        restartMs,
      };
      outcomes.push(outcome);
      opts.onKill?.(outcome, k);
    }
    await server.stop();
    server = null;
    return { rows: opts.rows, secondProcess, commitMs, outcomes, ms: performance.now() - started };
  } finally {
    await server?.kill();
    if (opts.adminUrl) await admin(`drop database if exists ${dbName} with (force)`);
    rmSync(dir, { recursive: true, force: true });
  }
}
