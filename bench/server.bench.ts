/**
 * `npm run bench:server` (issue 4 targets): bulk NDJSON ingest of 100k generated events through
 * the HTTP route (target ≥ 20,000 events/s), and GET metrics for one assistant with ~5,000 events
 * over two years (target p95 ≤ 50 ms on PGlite), printed with its ratio to the engine's own compute
 * time for the same events in the same run; the ingest with its ratio to reading, parsing and
 * validating the same body alone, also measured in the same run. PGlite always (in a temporary data directory);
 * PostgreSQL too when DATABASE_URL or TANDEM_TEST_DATABASE_URL is set (a fresh database is created
 * and dropped). Seeded data; figures only, no assertions on time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { computePrepared } from '#core/compute';
import { forEachLine } from '#core/events/ndjson-lines';
import { readComputeInput } from '#core/events/read-compute-input';
import { validateAssistant, validateEvent } from '#core/events/validate-event';
import { openStore, type Store } from '#db/client';
import { createApp } from '#server/app';
import { createAppDeps, createLogger } from '#server/app-deps';
import { createApiToken } from '#services/auth/api-tokens';
import { createWorkspace } from '#services/workspaces/create-workspace';
import { readEnv } from '#src/env';
import { GENERATED_AS_OF, generateLines } from './generate-events.ts';

const EVENTS = Number(process.argv[2] ?? 100_000);
const METRIC_RUNS = 60;
const env = readEnv();

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN;
}

async function* chunks(text: string): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += 1 << 20) yield bytes.subarray(i, i + (1 << 20));
}

/**
 * The ingest's baseline in the same run: the same body split into lines, JSON.parse'd and
 * validated, nothing stored — what any ingest must pay before the store is touched.
 */
async function parseOnly(text: string): Promise<number> {
  const started = performance.now();
  let n = 0;
  await forEachLine(chunks(text), (line) => {
    const obj = JSON.parse(line) as { type?: unknown };
    if ((obj.type === 'assistant' ? validateAssistant(obj) : validateEvent(obj)).ok) n++;
  });
  if (n === 0) throw new Error('baseline validated nothing');
  return performance.now() - started;
}

async function withStore(kind: 'pglite' | 'postgres', run: (s: Store) => Promise<void>): Promise<void> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
    const store = await openStore({ dataDir: dir });
    try {
      await run(store);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  const admin = (env.DATABASE_URL ?? env.TANDEM_TEST_DATABASE_URL) as string;
  const name = `tandem_bench_${Date.now()}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString() });
  try {
    await run(store);
  } finally {
    await store.close();
    const d = new pg.Client({ connectionString: admin });
    await d.connect();
    await d.query(`drop database if exists ${name} with (force)`);
    await d.end();
  }
}

// SPEC §11: only an assistant writes their own pulse answers, so the owner's ingest leaves them out.
const isPulse = (line: string): boolean => line.startsWith('{"type":"pulse"');

/** Assistant lines and the first `events` generated events that are not pulses, as NDJSON. */
function ownerInput(lines: Iterable<string>, events: number): string {
  const out: string[] = [];
  let n = 0;
  for (const l of lines) {
    if (isPulse(l)) continue;
    if (!l.startsWith('{"type":"assistant"')) {
      if (n === events) break;
      n++;
    }
    out.push(l);
  }
  return `${out.join('\n')}\n`;
}

async function bench(kind: 'pglite' | 'postgres'): Promise<void> {
  await withStore(kind, async (store) => {
    const deps = await createAppDeps(store, {
      publicUrl: 'http://localhost:3000',
      logger: createLogger('silent'),
    });
    const app = createApp(deps);
    const workspace = async (name: string) => {
      const w = await createWorkspace(deps, { name, owner: { email: `${name}@example.com` } });
      const t = await createApiToken(deps.db, w.workspace.id, w.userId, 'bench');
      return { ws: w.workspace.id, token: t.token };
    };
    const ingest = async (ws: string, token: string, text: string) => {
      const started = performance.now();
      const res = await app.request(`/api/v1/workspaces/${ws}/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
        body: text,
      });
      const ms = performance.now() - started;
      if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
      return { ms, counts: (await res.json()) as Record<string, number> };
    };

    // 1. Bulk ingest of EVENTS events.
    const big = ownerInput(generateLines(Math.ceil(EVENTS * 1.1), 7), EVENTS);
    const a = await workspace(`bench-ingest-${kind}`);
    const first = await ingest(a.ws, a.token, big);
    const again = await ingest(a.ws, a.token, big);
    // Best of three, so a pause of the machine does not flatter the ratio.
    const base = Math.min(await parseOnly(big), await parseOnly(big), await parseOnly(big));
    console.log(
      `${kind}: ingest ${EVENTS} events (${(big.length / 1e6).toFixed(1)} MB): ${first.ms.toFixed(0)} ms = ${Math.round((EVENTS / first.ms) * 1000)} events/s (target ≥ 20000) ${JSON.stringify(first.counts)}; ratio ${(first.ms / base).toFixed(2)}× to read + JSON.parse + validate of the same body alone (${base.toFixed(0)} ms)`,
    );
    console.log(
      `${kind}: re-ingest (all unchanged): ${again.ms.toFixed(0)} ms = ${Math.round((EVENTS / again.ms) * 1000)} events/s; ratio ${(again.ms / base).toFixed(2)}×`,
    );

    // 2. Metrics for one assistant with ~5,000 events over two years.
    const lines = [...generateLines(15_000, 11)];
    const one = lines.filter(
      (l) => !isPulse(l) && (l.includes('"id":"a0"') || l.includes('"assistant":"a0"')),
    );
    const b = await workspace(`bench-metrics-${kind}`);
    await ingest(b.ws, b.token, `${one.join('\n')}\n`);
    const asOf = GENERATED_AS_OF;
    const url = `/api/v1/workspaces/${b.ws}/metrics?assistant=a0&asOf=${asOf}`;
    const times: number[] = [];
    for (let i = 0; i < METRIC_RUNS; i++) {
      const started = performance.now();
      const res = await app.request(url, { headers: { authorization: `Bearer ${b.token}` } });
      await res.json();
      times.push(performance.now() - started);
    }
    const input = await readComputeInput(chunks(`${one.join('\n')}\n`));
    const engine: number[] = [];
    for (let i = 0; i < METRIC_RUNS; i++) {
      const started = performance.now();
      computePrepared(input, { period: 'week', asOf: Date.parse(asOf), assistants: ['a0'] });
      engine.push(performance.now() - started);
    }
    const p95 = percentile(times.slice(5), 95);
    const e95 = percentile(engine.slice(5), 95);
    console.log(
      `${kind}: GET metrics, one assistant, ${one.length - 1} events over 2 years: p50 ${percentile(times.slice(5), 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target ≤ 50 on PGlite); engine alone p95 ${e95.toFixed(1)} ms; ratio ${(p95 / e95).toFixed(2)}×`,
    );
  });
}

console.log(
  `tandem bench:server — node ${process.version}, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
await bench('pglite');
if (env.DATABASE_URL || env.TANDEM_TEST_DATABASE_URL) await bench('postgres');
else console.log('postgres: skipped (set DATABASE_URL or TANDEM_TEST_DATABASE_URL)');
