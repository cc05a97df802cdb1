/**
 * `npm run bench:compute` — the engine's throughput (issue 3 targets): 100k and 1M generated
 * events, week period; events/s, peak RSS, and the whole compute run's ratio to a parse-only
 * baseline (read the same NDJSON and JSON.parse each line) measured in the same run.
 * `--quick` runs 20k and 100k only. Each measurement is a fresh process; medians of 3 runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENERATED_AS_OF, writeGeneratedFile } from './generate-events.ts';

const quick = process.argv.includes('--quick');
const sizes = quick ? [20_000, 100_000] : [100_000, 1_000_000];
const runs = quick ? 1 : 3;
const dir = join(tmpdir(), 'tandem-bench-compute');
mkdirSync(dir, { recursive: true });

interface Run {
  mode: string;
  ms: number;
  cpuMs: number;
  maxRssMB: number;
}

function child(mode: string, file: string): Run {
  const out = execFileSync(
    process.execPath,
    ['bin/run-ts.mjs', 'bench/compute-child.ts', mode, file, GENERATED_AS_OF],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.trim().split('\n').pop() as string) as Run;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

const results: Array<{ n: number; parseMs: number; computeMs: number; rss: number }> = [];
console.log(
  `machine load average ${(await import('node:os')).loadavg()[0]?.toFixed(2)} on ${(await import('node:os')).cpus().length} cores`,
);
for (const n of sizes) {
  const file = join(dir, `events-${n}.ndjson`);
  if (!existsSync(file)) {
    const bytes = await writeGeneratedFile(file, n);
    console.log(`generated ${n.toLocaleString('en')} events (${(bytes / 1e6).toFixed(0)} MB) → ${file}`);
  }
  const parse: number[] = [];
  const compute: number[] = [];
  const parseCpu: number[] = [];
  const computeCpu: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate the two so drift in machine speed hits both alike.
    const p = child('parse', file);
    parse.push(p.ms);
    parseCpu.push(p.cpuMs);
    const c = child('compute', file);
    compute.push(c.ms);
    computeCpu.push(c.cpuMs);
    rss.push(c.maxRssMB);
  }
  const p = median(parse);
  const c = median(compute);
  results.push({ n, parseMs: p, computeMs: c, rss: Math.max(...rss) });
  console.log(
    `${n.toLocaleString('en').padStart(9)} events: compute ${c.toFixed(0)} ms (${Math.round((n / c) * 1000).toLocaleString('en')} events/s), ` +
      `parse-only ${p.toFixed(0)} ms, ratio compute/parse ${(c / p).toFixed(2)}× wall, ${(median(computeCpu) / median(parseCpu)).toFixed(2)}× CPU (target ≤ 2.5×), ` +
      `peak RSS ${Math.max(...rss).toFixed(0)} MB (target ≤ 1024 MB at 1M)`,
  );
}
const [small, large] = results;
if (small && large) {
  console.log(
    `growth ${large.n / small.n}× events: compute took ${(large.computeMs / small.computeMs).toFixed(2)}× (target ≤ 11× for 10×), ` +
      `parse-only ${(large.parseMs / small.parseMs).toFixed(2)}×`,
  );
}
if (process.argv.includes('--clean')) rmSync(dir, { recursive: true, force: true });
