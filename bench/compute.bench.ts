/**
 * `npm run bench:compute` — the engine's throughput (issue 3 targets): 100k and 1M generated
 * events, week period; events/s, peak RSS, and the whole compute run's ratio to a parse-only
 * baseline (read the same NDJSON and JSON.parse each line) measured in the same run. The whole
 * run is timed from the moment its process is spawned until it has exited, so start-up (node, the
 * TypeScript loader, the CLI's modules) is in the ratio; start-up is also printed on its own.
 * `--quick` runs 20k and 100k only; `--sizes 2000,20000` any sizes. Each measurement is a fresh
 * process; medians of 3 runs (`--runs N`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENERATED_AS_OF, GENERATOR_VERSION, writeGeneratedFile } from './generate-events.ts';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const quick = process.argv.includes('--quick');
const sizes =
  option('--sizes')
    ?.split(',')
    .map((s) => Number(s.replace(/_/g, ''))) ?? (quick ? [20_000, 100_000] : [100_000, 1_000_000]);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  process.stderr.write('usage: compute.bench.ts [--quick] [--sizes N,M,…] [--runs N] [--clean]\n');
  process.exit(2);
}
const runs = Number(option('--runs') ?? (quick ? 1 : 3));
const dir = join(tmpdir(), 'tandem-bench-compute');
mkdirSync(dir, { recursive: true });

interface Run {
  mode: string;
  startupMs: number;
  workMs: number;
  wholeMs: number;
  workCpuMs: number;
  wholeCpuMs: number;
  maxRssMB: number;
  /** Spawn to exit, measured here. */
  spawnToExitMs: number;
}

function child(mode: string, file: string): Run {
  const t0 = performance.now();
  const out = execFileSync(
    process.execPath,
    ['bin/run-ts.mjs', 'bench/compute-child.ts', mode, file, GENERATED_AS_OF],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  const spawnToExitMs = performance.now() - t0;
  const r = JSON.parse(out.trim().split('\n').pop() as string) as Omit<Run, 'spawnToExitMs'>;
  return { ...r, spawnToExitMs };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

const results: Array<{ n: number; parseMs: number; computeMs: number }> = [];
console.log(`machine load average ${loadavg()[0]?.toFixed(2)} on ${cpus().length} cores`);
for (const n of sizes) {
  const file = join(dir, `events-${n}-v${GENERATOR_VERSION}.ndjson`);
  if (!existsSync(file)) {
    const bytes = await writeGeneratedFile(file, n);
    console.log(`generated ${n.toLocaleString('en')} events (${(bytes / 1e6).toFixed(0)} MB) → ${file}`);
  }
  const parse: Run[] = [];
  const compute: Run[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate the two so drift in machine speed hits both alike.
    parse.push(child('parse', file));
    compute.push(child('compute', file));
  }
  // The baseline is the parse loop alone; the compute run is its whole process.
  const p = median(parse.map((r) => r.workMs));
  const pCpu = median(parse.map((r) => r.workCpuMs));
  const c = median(compute.map((r) => r.spawnToExitMs));
  const cCpu = median(compute.map((r) => r.wholeCpuMs));
  const startup = median(compute.map((r) => r.startupMs));
  const work = median(compute.map((r) => r.workMs));
  const rss = Math.max(...compute.map((r) => r.maxRssMB));
  results.push({ n, parseMs: p, computeMs: c });
  console.log(
    `${n.toLocaleString('en').padStart(9)} events: whole compute run ${c.toFixed(0)} ms ` +
      `(${Math.round((n / c) * 1000).toLocaleString('en')} events/s; start-up ${startup.toFixed(0)} ms, ` +
      `reading and computing ${work.toFixed(0)} ms), parse-only baseline ${p.toFixed(0)} ms; ` +
      `ratio whole compute/parse ${(c / p).toFixed(2)}× wall, ${(cCpu / pCpu).toFixed(2)}× CPU (target ≤ 2.5× at 1M), ` +
      `peak RSS ${rss.toFixed(0)} MB (target ≤ 1024 MB at 1M)`,
  );
}
const [small, large] = results;
if (small && large) {
  console.log(
    `growth ${large.n / small.n}× events: the whole compute run took ${(large.computeMs / small.computeMs).toFixed(2)}× ` +
      `(target ≤ 11× for 10×), parse-only ${(large.parseMs / small.parseMs).toFixed(2)}×`,
  );
}
if (process.argv.includes('--clean')) rmSync(dir, { recursive: true, force: true });
