/**
 * `npm run bench:webhooks` (issue 9 targets): signed Toggl deliveries at 200/s for 60 s (`--short`
 * or BENCH_SHORT=1: 10 s) to `tandem`'s real HTTP server on loopback, PGlite in a temporary data
 * directory, with the job worker running in the same process as `tandem serve` runs it. Prints the
 * acknowledgement p50/p95/p99 (target p99 ≤ 100 ms), their ratio to the p99 of a no-op route on
 * the same server in the same run (requests interleaved with the load), and the time the queue
 * takes to drain once the load stops (target ≤ 5 s). Figures only, no assertions on time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { openStore, queryRows } from '#db/client';
import { JobWorker } from '#jobs/job-worker';
import { webhookHandlers } from '#jobs/webhook-handlers';
import { createApp } from '#server/app';
import { createAppDeps, createLogger } from '#server/app-deps';
import { createAssistant } from '#services/assistants/manage-assistants';
import type { Actor } from '#services/service-context';
import { createConnection } from '#services/webhooks/webhook-connections';
import { createWorkspace } from '#services/workspaces/create-workspace';
import { togglSignature } from '#webhooks/toggl/index';

const SHORT = process.argv.includes('--short') || process.env.BENCH_SHORT === '1';
const SECONDS = SHORT ? 10 : 60;
const RATE = 200;
const NOOP_RATE = 20;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN;
}

function delivery(i: number): Uint8Array {
  const start = new Date(Date.UTC(2026, 10, 2) + i * 60_000);
  const stop = new Date(start.getTime() + 45_000);
  return new TextEncoder().encode(
    JSON.stringify({
      event_id: 70_000_000 + i,
      created_at: stop.toISOString(),
      creator_id: 42,
      metadata: {
        action: 'created',
        event_user_id: '42',
        model: 'time_entry',
        model_owner_id: '42',
        request_type: 'POST',
        time_entry_id: String(60_000_000 + i),
        workspace_id: '7435584',
      },
      payload: {
        at: stop.toISOString(),
        description: `Entry ${i}`,
        duration: 45,
        id: 60_000_000 + i,
        project_id: 202,
        server_deleted_at: null,
        start: start.toISOString(),
        stop: stop.toISOString(),
        tags: i % 3 === 0 ? ['priority'] : [],
        user_id: 42,
        workspace_id: 7435584,
      },
      subscription_id: 1234,
    }),
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-hooks-'));
  const store = await openStore({ dataDir: dir });
  const logger = createLogger('silent');
  let port = 0;
  const deps = await createAppDeps(store, {
    publicUrl: 'http://127.0.0.1',
    logger,
    rateLimits: { perIpPerMinute: 1_000_000, perWorkspacePerMinute: 1_000_000 },
  });
  const app = createApp(deps);
  const server = serve({
    fetch: (req) => (new URL(req.url).pathname === '/noop' ? new Response('ok') : app.fetch(req)),
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise<void>((r) => server.once('listening', () => r()));
  // Longer than any pause in the load: a kept-alive socket is never closed under a request.
  (server as unknown as { keepAliveTimeout: number }).keepAliveTimeout = 120_000;
  port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  const worker = new JobWorker({
    db: store.db,
    now: deps.now,
    logger,
    handlers: webhookHandlers(deps),
    pollMs: 50,
    scheduleEveryMs: 0,
  });
  try {
    const ws = await createWorkspace(deps, {
      name: 'Bench agency',
      owner: { email: 'owner@example.com', password: 'bench password 123' },
    });
    const actor: Actor = {
      userId: ws.userId,
      workspaceId: ws.workspace.id,
      role: 'owner',
      assistantId: null,
    };
    await createAssistant(deps, actor, { id: 'ava', timezone: 'Europe/Berlin' });
    const secret = 'bench-secret-0123456789';
    const { connection } = await createConnection(deps, actor, {
      provider: 'toggl',
      name: 'Bench',
      secret,
      assistant: 'ava',
      options: { priorityTags: ['priority'] },
    });
    const path = `${base}/hooks/toggl/${connection.id}`;
    worker.start();

    const acks: number[] = [];
    const noops: number[] = [];
    const statuses = new Map<number, number>();
    const inflight: Promise<void>[] = [];
    const total = RATE * SECONDS;
    const bodies = Array.from({ length: total }, (_, i) => delivery(i));
    const sigs = bodies.map((b) => togglSignature(secret, b));
    const started = performance.now();
    let sent = 0;
    let noopSent = 0;
    // Open loop: each request leaves at its scheduled time, whether or not earlier ones answered.
    while (sent < total) {
      const now = performance.now() - started;
      while (sent < total && sent * (1000 / RATE) <= now) {
        const i = sent++;
        const t0 = performance.now();
        inflight.push(
          fetch(path, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-webhook-signature-256': sigs[i] as string },
            body: bodies[i] as BodyInit,
          }).then(
            async (res) => {
              await res.arrayBuffer();
              acks.push(performance.now() - t0);
              statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            },
            // A connection error is counted, not fatal: the figures say how many.
            () => {
              statuses.set(0, (statuses.get(0) ?? 0) + 1);
            },
          ),
        );
      }
      while (noopSent * (1000 / NOOP_RATE) <= now) {
        noopSent++;
        const t0 = performance.now();
        inflight.push(
          fetch(`${base}/noop`).then(
            async (res) => {
              await res.arrayBuffer();
              noops.push(performance.now() - t0);
            },
            () => undefined,
          ),
        );
      }
      await new Promise((r) => setTimeout(r, 1));
    }
    await Promise.all(inflight);
    const loadEnded = performance.now();
    const loadSeconds = (loadEnded - started) / 1000;
    let pending = Number.POSITIVE_INFINITY;
    while (pending > 0) {
      const rows = await queryRows<{ n: string | number }>(
        store.db,
        sql`select count(*) as n from jobs where status in ('queued', 'running')`,
      );
      pending = Number(rows[0]?.n ?? 0);
      if (pending > 0) await new Promise((r) => setTimeout(r, 20));
    }
    const drainMs = performance.now() - loadEnded;
    const stored = await queryRows<{ n: string | number }>(
      store.db,
      sql`select count(*) as n from events where type = 'timeEntry'`,
    );
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(acks, p)) as [number, number, number];
    const noop99 = percentile(noops, 99);
    const f = (x: number) => x.toFixed(1);
    process.stdout.write(
      [
        `webhooks bench (PGlite, loopback, ${SECONDS} s at ${RATE}/s${SHORT ? ', short' : ''}; load average ${loadavg()
          .map((x) => x.toFixed(2))
          .join(' ')})`,
        `  deliveries sent        ${total} in ${loadSeconds.toFixed(1)} s, answers by status ${JSON.stringify(Object.fromEntries(statuses))} (0: connection error)`,
        `  acknowledgement        p50 ${f(p50)} ms   p95 ${f(p95)} ms   p99 ${f(p99)} ms   (target p99 ≤ 100 ms)`,
        `  no-op route            p99 ${f(noop99)} ms over ${noops.length} requests in the same run`,
        `  ratio to no-op p99     p50 ${f(p50 / noop99)}×   p95 ${f(p95 / noop99)}×   p99 ${f(p99 / noop99)}×`,
        `  queue drained          ${f(drainMs / 1000)} s after the load stopped   (target ≤ 5 s)`,
        `  events stored          ${Number(stored[0]?.n ?? 0)} of ${total}`,
        '',
      ].join('\n'),
    );
  } finally {
    await worker.stop();
    await new Promise<void>((r) => server.close(() => r()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
