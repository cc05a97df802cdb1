/**
 * `npm run bench:web` (issue 7 targets): builds the web app (vite build) and prints every route
 * chunk's size raw and gzipped and the first screen's initial JavaScript (target ≤ 250 KB
 * gzipped); then starts the real server (test/e2e/harness) on a loopback port with a temporary
 * store seeded through the services — 200 assistants × 5 active KPIs with six weeks of events —
 * signs in with headless Chromium and times the overview until it is interactive (navigation start
 * → the grid's last row is in the page and the page answers a frame and a task), 5 runs, each
 * against an empty page's load (the app's 404 screen) in the same run. Figures only, no
 * assertions on time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchBrowser } from '../test/e2e/harness/browser.ts';
import { REPO, startServer } from '../test/e2e/harness/server.ts';
import { seedOverview } from './seed-overview.ts';
import { bundleReport, kb } from './web-bundle.ts';

const ASSISTANTS = Number(process.argv[2] ?? 200);
const RUNS = 5;
const TARGET_KB = 250;
const OUT = join(REPO, 'dist', 'web');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: REPO,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => {
      log += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      log += d.toString();
    });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${log}`)),
    );
  });
}

async function build(): Promise<void> {
  const started = performance.now();
  // The manifest names each chunk's static imports; it is read here and removed, never served.
  await run(process.execPath, [join(REPO, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--manifest']);
  const report = bundleReport(OUT, readFileSync(join(REPO, 'src', 'web', 'app', 'router.tsx'), 'utf8'));
  rmSync(join(OUT, '.vite'), { recursive: true, force: true });
  console.log(`vite build: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log('\nRoute chunks (own chunk; with the static imports it adds to the initial load):');
  const width = Math.max(...report.routes.map((r) => r.route.length));
  for (const r of report.routes)
    console.log(
      `  ${r.route.padEnd(width)}  ${kb(r.own.raw).padStart(9)} raw ${kb(r.own.gzip).padStart(8)} gzip   +${kb(r.added.gzip).padStart(8)} gzip in all  (${r.chunk})`,
    );
  const verdict = report.initialJs.gzip <= TARGET_KB * 1024 ? 'within' : 'OVER';
  console.log(
    `\nInitial JavaScript of the first screen (index.html's entry + ${report.initialFiles.length - 1} modulepreloads): ${kb(report.initialJs.raw)} raw, ${kb(report.initialJs.gzip)} gzip — ${verdict} the ${TARGET_KB} KB target; CSS ${kb(report.css.gzip)} gzip`,
  );
  const signIn = report.routes.find((r) => r.route === '/sign-in');
  if (signIn)
    console.log(
      `  with the sign-in screen's own chunks: ${kb(report.initialJs.gzip + signIn.added.gzip)} gzip`,
    );
}

/** ms from navigation start until `ready` holds and the page has run a frame and a task after it. */
async function timeToInteractive(
  browser: Browser,
  baseURL: string,
  state: string,
  url: string,
  ready: (p: Page) => Promise<void>,
): Promise<number> {
  const ctx = await browser.newContext({
    baseURL,
    storageState: JSON.parse(state),
    viewport: { width: 1280, height: 800 },
  });
  try {
    const page = await ctx.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await ready(page);
    return await page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)),
        ),
    );
  } finally {
    await ctx.close();
  }
}

async function main(): Promise<void> {
  console.log(
    `tandem bench:web — node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  await build();

  const skip = browserSkipReason();
  if (skip) {
    console.log(`\nOverview timing skipped: ${skip}`);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-web-'));
  try {
    const seeding = performance.now();
    const seed = await seedOverview(dataDir, ASSISTANTS, Date.now());
    console.log(
      `\nSeeded ${ASSISTANTS} assistants, ${seed.kpis} active KPIs, ${seed.events} events through the services in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );
    const server = await startServer({ dataDir });
    const browser = await launchBrowser();
    try {
      const api = async () => {
        const t = performance.now();
        const res = await fetch(`${server.baseUrl}/api/v1/workspaces/${seed.ws}/overview`, {
          headers: { authorization: `Bearer ${seed.token}` },
        });
        const n = ((await res.json()) as unknown[]).length;
        return { ms: performance.now() - t, n };
      };
      const first = await api();
      const again = [await api(), await api(), await api()];
      console.log(
        `GET /overview (${first.n} KPIs, the grid's data): first ${first.ms.toFixed(0)} ms, then median ${median(again.map((a) => a.ms)).toFixed(0)} ms`,
      );

      const signIn = await browser.newContext({ baseURL: server.baseUrl });
      const res = await signIn.request.post('/api/v1/auth/sign-in', {
        data: { email: seed.email, password: seed.password },
        headers: { Origin: server.baseUrl },
      });
      if (res.status() !== 200) throw new Error(`sign-in answered ${res.status()}: ${await res.text()}`);
      const state = JSON.stringify(await signIn.storageState());
      await signIn.close();

      const overview = (p: Page) =>
        p
          .locator('table tbody tr')
          .nth(ASSISTANTS - 1)
          .waitFor({ state: 'visible', timeout: 120_000 });
      const empty = (p: Page) => p.locator('h1').first().waitFor({ state: 'visible', timeout: 60_000 });
      // One warm-up of each: the server's first request compiles its code paths.
      await timeToInteractive(browser, server.baseUrl, state, `/w/${seed.ws}/overview`, overview);
      await timeToInteractive(browser, server.baseUrl, state, '/no-such-page', empty);
      const rows: { overview: number; empty: number }[] = [];
      for (let i = 0; i < RUNS; i++) {
        const e = await timeToInteractive(browser, server.baseUrl, state, '/no-such-page', empty);
        const o = await timeToInteractive(browser, server.baseUrl, state, `/w/${seed.ws}/overview`, overview);
        rows.push({ overview: o, empty: e });
      }
      console.log(
        `\nOverview, ${ASSISTANTS} assistants × 5 KPIs, time to interactive (fresh browser context each run, cold cache):`,
      );
      for (const [i, r] of rows.entries())
        console.log(
          `  run ${i + 1}: overview ${r.overview.toFixed(0)} ms, empty page (404 screen) ${r.empty.toFixed(0)} ms, ratio ${(r.overview / r.empty).toFixed(2)}×`,
        );
      const mo = median(rows.map((r) => r.overview));
      const me = median(rows.map((r) => r.empty));
      console.log(
        `  median: overview ${mo.toFixed(0)} ms (target ≤ 1500 ms), empty page ${me.toFixed(0)} ms, ratio ${(mo / me).toFixed(2)}×`,
      );
    } finally {
      await browser.close();
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
