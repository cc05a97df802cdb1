/**
 * The queue crash scenario (issue 8 item 8), shared by test/server/queue-crash.test.ts and
 * bench/queue-crash.bench.ts: a workspace whose notifications are queued as jobs — e-mail jobs and
 * `notify` events that fan out into more — then a child process running the worker against a
 * local SMTP server, killed with SIGKILL while a message is in the SMTP server's hands (received,
 * not yet answered) and started again, `kills` times, until it finishes on its own.
 *
 * Returns what the SMTP server received and what every e-mail's Message-ID must be.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '#db/client';
import { enqueueJob } from '#db/queries/job-queue';
import { createAssistant } from '#services/assistants/manage-assistants';
import { messageIdFor } from '#services/notifications/deliver-email';
import { queueNotification } from '#services/notifications/notify';
import { createWorkspace } from '#services/workspaces/create-workspace';
import { type ReceivedMail, startSmtpSink } from './notification-sinks.ts';

export interface CrashRun {
  /** Message-ID → the subject it must carry, one per e-mail that must arrive. */
  expected: Map<string, string>;
  /** Every message the server received, the ones it never answered (the worker died) included. */
  received: ReceivedMail[];
  /** The messages the server accepted (answered 250). */
  accepted: ReceivedMail[];
  kills: number;
  restarts: number;
  ms: number;
}

const PUBLIC_URL = 'http://tandem.test';
const ROOT = new URL('../../', import.meta.url).pathname;

export async function runQueueCrash(opts: {
  direct: number;
  events: number;
  kills: number;
  leaseMs: number;
  /** A PostgreSQL server to create a fresh database in; without it, a PGlite directory. */
  adminUrl?: string | undefined;
}): Promise<CrashRun> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'tandem-queue-crash-'));
  const sink = await startSmtpSink();
  const dbName = `tandem_crash_${randomBytes(6).toString('hex')}`;
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
  try {
    const expected = new Map<string, string>();
    const store = await openStore(databaseUrl ? { databaseUrl, poolSize: 2 } : { dataDir: dir });
    const deps = { db: store.db, now: () => Date.now(), publicUrl: PUBLIC_URL, scryptN: 1024 };
    const created = await createWorkspace(deps, {
      name: `crash-${Date.now()}`,
      owner: { email: 'owner@crash.test', password: 'correct horse battery staple 42' },
    });
    const ws = created.workspace.id;
    const owner = { userId: created.userId, workspaceId: ws, role: 'owner' as const, assistantId: null };
    await createAssistant(deps, owner, { id: 'a1', timezone: 'Europe/Berlin' });
    const now = Date.now();
    for (let i = 0; i < opts.direct; i++) {
      const key = `email:crash:${ws}:${i}:${created.userId}`;
      const title = `Direct message ${i}`;
      await enqueueJob(
        store.db,
        {
          kind: 'email',
          key,
          workspaceId: ws,
          payload: { userId: created.userId, kind: 'review_due', title, body: `Body ${i}`, link: null },
        },
        now,
      );
      expected.set(messageIdFor(key, PUBLIC_URL), `Tandem: ${title}`);
    }
    // Events fan out in the worker: the owner is the manager's side of a1, and wants e-mail.
    for (let i = 0; i < opts.events; i++) {
      const key = `crash-event:${ws}:${i}`;
      const title = `Fanned out ${i}`;
      await queueNotification(
        store.db,
        {
          workspaceId: ws,
          kind: 'review_due',
          key,
          assistantId: 'a1',
          audience: 'managers',
          title,
          body: `Event ${i}`,
        },
        now,
      );
      expected.set(messageIdFor(`email:${key}:${created.userId}`, PUBLIC_URL), `Tandem: ${title}`);
    }
    await store.close();

    const received: ReceivedMail[] = [];
    let kills = 0;
    let restarts = 0;
    // Kill on every second message the server receives, while the worker waits for its answer.
    let child: ReturnType<typeof spawn> | null = null;
    sink.beforeAccept = async (mail) => {
      received.push(mail);
      if (kills < opts.kills && received.length % 2 === 0 && child) {
        kills++;
        const dying = child;
        child = null;
        dying.kill('SIGKILL');
        throw new Error('worker killed');
      }
    };
    for (;;) {
      restarts++;
      const args = [
        'bin/run-ts.mjs',
        'test/server/queue-crash-worker.ts',
        dir,
        sink.url,
        PUBLIC_URL,
        String(opts.leaseMs),
      ];
      if (databaseUrl) args.push(databaseUrl);
      const proc = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      let err = '';
      proc.stderr?.on('data', (c: Buffer) => {
        err += c.toString();
      });
      const code = await new Promise<number | null>((resolve) => proc.on('exit', (c) => resolve(c)));
      if (code === 0) break;
      if (code !== null) throw new Error(`worker exited ${code}: ${err.slice(0, 2000)}`);
      if (restarts > opts.kills + 5) throw new Error('too many restarts');
    }
    // Only the mails the server accepted count as delivered; a killed one may or may not have.
    return {
      expected,
      received,
      accepted: [...sink.mails],
      kills,
      restarts: restarts - 1,
      ms: performance.now() - started,
    };
  } finally {
    if (opts.adminUrl) await admin(`drop database if exists ${dbName} with (force)`);
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
