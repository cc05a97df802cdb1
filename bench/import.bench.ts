/**
 * Import benchmark (issue 5 targets): CSV conversion ≥ 100,000 events/s on a 1M-row generated
 * Toggl file, and Trello JSON on a generated 100k-card board — each printed with its ratio to
 * reading and parsing the same file without converting, measured in the same run; a generated
 * 500 MB mbox converted in a child process whose peak RSS is printed (target ≤ 300 MB).
 * Seeded generators; temp files are deleted afterwards. `--quick` runs smaller sizes.
 *
 *   npm run bench:import [-- --quick]
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readCsv } from '#importers/common/read-csv';
import { parseJsonBytes } from '#importers/common/read-json';
import { convertExport } from '#importers/convert-export';

const args = process.argv.slice(2);

/** Deterministic PRNG (mulberry32). */
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
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

function togglCsv(rows: number, seed: number): Buffer {
  const r = rng(seed);
  const parts = [
    'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags\n',
  ];
  for (let i = 0; i < rows; i++) {
    const day = 1 + Math.floor(r() * 28);
    const month = 1 + Math.floor(r() * 12);
    const h = 7 + Math.floor(r() * 10);
    const m = Math.floor(r() * 60);
    const len = 5 + Math.floor(r() * 170);
    const endMin = h * 60 + m + len;
    const u = Math.floor(r() * 20);
    parts.push(
      `User ${u},user${u}@example.test,Client ${u % 5},Project ${Math.floor(r() * 40)},,Entry ${i},No,2026-${pad(month)}-${pad(day)},${pad(h)}:${pad(m)}:00,2026-${pad(month)}-${pad(day)},${pad(Math.floor(endMin / 60))}:${pad(endMin % 60)}:00,00:00:00,${r() < 0.3 ? '"focus, deep"' : ''}\n`,
    );
  }
  return Buffer.from(parts.join(''));
}

function trelloBoard(cards: number, seed: number): Buffer {
  const r = rng(seed);
  const members = Array.from({ length: 10 }, (_, i) => ({
    id: `m${String(i).padStart(23, '0')}`,
    fullName: `Member ${i}`,
  }));
  const lists = ['To do', 'Doing', 'Done'].map((name, i) => ({
    id: `l${String(i).padStart(23, '0')}`,
    name,
    closed: false,
  }));
  const out: object[] = [];
  const actions: object[] = [];
  const base = Date.UTC(2026, 0, 1);
  for (let i = 0; i < cards; i++) {
    const id = (base / 1000 + i).toString(16).padStart(8, '0') + String(i).padStart(16, '0');
    const member = members[Math.floor(r() * members.length)] as { id: string };
    const list = lists[Math.floor(r() * 3)] as { id: string };
    const created = base + i * 60_000;
    const due = r() < 0.6 ? new Date(created + (1 + Math.floor(r() * 14)) * 86_400_000).toISOString() : null;
    out.push({
      id,
      name: `Card ${i}`,
      idList: list.id,
      idMembers: [member.id],
      idLabels: [],
      due,
      dueComplete: r() < 0.3,
      closed: false,
      dateLastActivity: new Date(created + 3_600_000).toISOString(),
    });
    actions.push({
      type: 'createCard',
      date: new Date(created).toISOString(),
      idMemberCreator: member.id,
      data: { card: { id }, list: { id: list.id } },
    });
    if (due && r() < 0.3)
      actions.push({
        type: 'updateCard',
        date: new Date(created + 1000).toISOString(),
        idMemberCreator: member.id,
        data: { card: { id, due }, old: { due: null } },
      });
  }
  return Buffer.from(
    JSON.stringify({ id: 'board', name: 'Bench', lists, members, labels: [], cards: out, actions }),
  );
}

async function writeMbox(path: string, bytes: number, seed: number): Promise<number> {
  const r = rng(seed);
  const ws = createWriteStream(path);
  const body = `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(70)}\n`;
  let written = 0;
  let n = 0;
  while (written < bytes) {
    const thread = Math.floor(n / 3);
    const outbound = n % 3 === 1;
    const t = new Date(Date.UTC(2026, 0, 1) + n * 600_000 + Math.floor(r() * 60_000));
    const date = t.toUTCString().replace('GMT', '+0000');
    const from = outbound ? 'Ann <ann@va.test>' : `Client ${thread % 500} <client${thread % 500}@c.test>`;
    const to = outbound ? `client${thread % 500}@c.test` : 'ann@va.test';
    const reply = n % 3 === 0 ? '' : `In-Reply-To: <m${n - 1}@bench>\nReferences: <m${thread * 3}@bench>\n`;
    const msg = `From bench@example ${t.toUTCString().slice(0, 3)} Jan  1 00:00:00 2026\nMessage-ID: <m${n}@bench>\n${reply}Date: ${date}\nFrom: ${from}\nTo: ${to}\nSubject: =?UTF-8?B?VMOkc3Q=?= ${thread}\n\n${body.repeat(1 + Math.floor(r() * 3))}\n`;
    if (!ws.write(msg)) await new Promise<void>((res) => ws.once('drain', () => res()));
    written += Buffer.byteLength(msg);
    n++;
  }
  await new Promise<void>((res) => ws.end(() => res()));
  return n;
}

/** Wall time and CPU time (all threads, GC included) of one run. */
async function time<T>(f: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await f();
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, value };
}

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en');

async function mboxChild(file: string): Promise<void> {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  const { report } = await convertExport('mbox', createReadStream(file, { highWaterMark: 1 << 20 }), {
    identities: { 'email:ann@va.test': 'ann' },
  });
  clearInterval(timer);
  const maxRss = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  process.stdout.write(
    JSON.stringify({
      ms: performance.now() - t0,
      events: report.events,
      skipped: report.skippedTotal,
      maxRss,
    }),
  );
}

async function main(): Promise<void> {
  const child = args.indexOf('--mbox-child');
  if (child >= 0) return mboxChild(args[child + 1] as string);
  const quick = args.includes('--quick');
  const rows = quick ? 100_000 : 1_000_000;
  const cards = quick ? 10_000 : 100_000;
  const mboxBytes = quick ? 50 * 1024 * 1024 : 500 * 1024 * 1024;
  const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-import-'));
  try {
    console.log(
      `import benchmark${quick ? ' (--quick)' : ''}, node ${process.version}, ${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (CPU-time rates are shown too: wall time suffers when other work shares the cores)`,
    );

    // Warm-up: load and compile every module on the path and let the JIT settle before timing.
    for (let i = 0; i < 3; i++) {
      await readCsv(togglCsv(2000, 9), 'CSV', () => {});
      await convertExport('toggl', togglCsv(2000, 9), { assistant: 'ann', timezone: 'Europe/Berlin' });
      parseJsonBytes(trelloBoard(2000, 9), 'board');
      await convertExport('trello', trelloBoard(2000, 9), { assistant: 'ann' });
    }

    // CSV: reading + parsing (decode check, csv-parse) vs converting, same file, same run.
    const csvPath = join(dir, 'toggl.csv');
    writeFileSync(csvPath, togglCsv(rows, 1));
    const base = await time(async () => {
      const bytes = await readFile(csvPath);
      let n = 0;
      await readCsv(bytes, 'CSV', () => {
        n++;
      });
      return n;
    });
    const conv = await time(async () =>
      convertExport('toggl', await readFile(csvPath), { assistant: 'ann', timezone: 'Europe/Berlin' }),
    );
    const csvEvents = conv.value.report.events;
    console.log(
      `CSV  ${rows.toLocaleString('en')} rows (${mb(statSync(csvPath).size)}): read+parse ${base.ms.toFixed(0)} ms (CPU ${base.cpuMs.toFixed(0)} ms); ` +
        `convert ${conv.ms.toFixed(0)} ms (CPU ${conv.cpuMs.toFixed(0)} ms) = ${rate(csvEvents, conv.ms)} events/s, ${rate(csvEvents, conv.cpuMs)} per CPU-second ` +
        `(target ≥ 100,000); ratio ${(conv.ms / base.ms).toFixed(2)}× read+parse (CPU ${(conv.cpuMs / base.cpuMs).toFixed(2)}×)`,
    );

    // Trello: reading + JSON parsing (with the decode and depth checks) vs converting.
    const trelloPath = join(dir, 'board.json');
    writeFileSync(trelloPath, trelloBoard(cards, 2));
    const tBase = await time(async () => parseJsonBytes(await readFile(trelloPath), 'board'));
    const tConv = await time(async () =>
      convertExport('trello', await readFile(trelloPath), { assistant: 'ann' }),
    );
    console.log(
      `Trello ${cards.toLocaleString('en')} cards (${mb(statSync(trelloPath).size)}): read+parse ${tBase.ms.toFixed(0)} ms (CPU ${tBase.cpuMs.toFixed(0)} ms); ` +
        `convert ${tConv.ms.toFixed(0)} ms (CPU ${tConv.cpuMs.toFixed(0)} ms) = ${rate(tConv.value.report.events, tConv.ms)} events/s, ${rate(tConv.value.report.events, tConv.cpuMs)} per CPU-second; ` +
        `ratio ${(tConv.ms / tBase.ms).toFixed(2)}× read+parse (CPU ${(tConv.cpuMs / tBase.cpuMs).toFixed(2)}×)`,
    );

    // mbox: a fresh process, so its peak RSS is the conversion's alone.
    const mboxPath = join(dir, 'mail.mbox');
    const messages = await writeMbox(mboxPath, mboxBytes, 3);
    const run = spawnSync(
      process.execPath,
      [resolve('bin/run-ts.mjs'), resolve('bench/import.bench.ts'), '--mbox-child', mboxPath],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    if (run.status !== 0) throw new Error(`mbox child failed: ${run.stderr}`);
    const m = JSON.parse(run.stdout) as { ms: number; events: number; skipped: number; maxRss: number };
    console.log(
      `mbox ${mb(statSync(mboxPath).size)}, ${messages.toLocaleString('en')} messages: ${m.events.toLocaleString('en')} requests in ${(m.ms / 1000).toFixed(1)} s ` +
        `(${mb(statSync(mboxPath).size / (m.ms / 1000))}/s); peak RSS ${mb(m.maxRss)} (target ≤ 300 MB)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
