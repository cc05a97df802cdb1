/**
 * `npm run bench:kpis` (issue 7's overview, issue 10 item 4): GET /kpis and GET /insights for a
 * workspace of 200 assistants × 5 active KPIs with six weeks of events (bench/seed-overview.ts),
 * through the HTTP app in-process on PGlite. Cold: the first request after a change to the data
 * (one event ingested: the data version moves, so the prepared rows and the kept summaries are
 * dropped and the next request reloads and recomputes), and the process's first request. Warm: the same request repeated (asOf = now, as the overview asks). Each printed as p50/p95
 * with its ratio to a trivial authenticated route (GET /workspaces/{ws}) in the same run. Target:
 * warm GET /kpis for 1,000 KPIs ≤ 150 ms. Figures only, no assertions on time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '#db/client';
import { createApp } from '#server/app';
import { createAppDeps, createLogger } from '#server/app-deps';
import { seedOverview } from './seed-overview.ts';

const ASSISTANTS = Number(process.argv[2] ?? 200);
const WARM_RUNS = 40;
const COLD_RUNS = 8;

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN;
}

const fmt = (xs: readonly number[]) =>
  `p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms`;

async function main(): Promise<void> {
  console.log(
    `tandem bench:kpis — node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-kpis-'));
  try {
    const seeding = performance.now();
    const seed = await seedOverview(dir, ASSISTANTS, Date.now());
    console.log(
      `Seeded ${ASSISTANTS} assistants, ${seed.kpis} active KPIs, ${seed.events} events in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );
    const store = await openStore({ dataDir: dir });
    try {
      const fresh = async () =>
        createApp(
          await createAppDeps(store, { publicUrl: 'http://localhost:3000', logger: createLogger('silent') }),
        );
      let app = await fresh();
      const base = `/api/v1/workspaces/${seed.ws}`;
      const headers = { authorization: `Bearer ${seed.token}` };
      const time = async (path: string, init: RequestInit = { headers }): Promise<number> => {
        const started = performance.now();
        const res = await app.request(`${base}${path}`, init);
        await res.arrayBuffer();
        const ms = performance.now() - started;
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        return ms;
      };
      let n = 0;
      /** One new proactive action: the workspace's data version moves, as on any ingest. */
      const change = () =>
        time('/events', {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/x-ndjson' },
          body: `${JSON.stringify({
            type: 'proactive',
            id: `bench-change-${++n}`,
            assistant: 'va-001',
            occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
            description: 'Benchmark change',
          })}\n`,
        });

      // The process's first request: empty caches, and nothing compiled by the JIT yet.
      const firstKpis = await time('/kpis');
      const count = ((await (await app.request(`${base}/kpis`, { headers })).json()) as unknown[]).length;
      app = await fresh();
      const firstInsights = await time('/insights');

      const trivial: number[] = [];
      for (let i = 0; i < 5; i++) await time('');
      for (let i = 0; i < WARM_RUNS; i++) trivial.push(await time(''));

      const cold = { kpis: [] as number[], insights: [] as number[] };
      for (let i = 0; i < COLD_RUNS; i++) {
        await change();
        cold.kpis.push(await time('/kpis'));
        await change();
        cold.insights.push(await time('/insights'));
      }
      const warm = { kpis: [] as number[], insights: [] as number[] };
      await time('/kpis');
      await time('/insights');
      for (let i = 0; i < WARM_RUNS; i++) {
        warm.kpis.push(await time('/kpis'));
        warm.insights.push(await time('/insights'));
      }

      const t50 = percentile(trivial, 50);
      const t95 = percentile(trivial, 95);
      const ratio = (xs: number[]) =>
        `ratio ${(percentile(xs, 50) / t50).toFixed(1)}× (p50), ${(percentile(xs, 95) / t95).toFixed(1)}× (p95)`;
      console.log(`\nTrivial authenticated route GET /workspaces/{ws}: ${fmt(trivial)}`);
      console.log(`GET /kpis (${count} KPIs):`);
      console.log(`  first request of the process: ${firstKpis.toFixed(0)} ms`);
      console.log(`  cold, after a data change (${COLD_RUNS} runs): ${fmt(cold.kpis)}; ${ratio(cold.kpis)}`);
      console.log(`  warm (${WARM_RUNS} runs): ${fmt(warm.kpis)} (target ≤ 150 ms); ${ratio(warm.kpis)}`);
      console.log('GET /insights:');
      console.log(`  first request of a fresh app (empty caches): ${firstInsights.toFixed(0)} ms`);
      console.log(
        `  cold, after a data change (${COLD_RUNS} runs): ${fmt(cold.insights)}; ${ratio(cold.insights)}`,
      );
      console.log(`  warm (${WARM_RUNS} runs): ${fmt(warm.insights)}; ${ratio(warm.insights)}`);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
