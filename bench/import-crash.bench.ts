/**
 * The long run of the import crash test (test/server/import-crash.test.ts, issue 10 item 1):
 * `tandem serve` killed with SIGKILL at a random moment of a 50,000-row import's commit, 50 times,
 * on a PGlite directory and, with TANDEM_TEST_DATABASE_URL set, on PostgreSQL. Prints, per store,
 * how many kills left all rows or none (any other count is a failure), that no job stayed
 * running, that every re-run stored exactly all rows, the uncut commit time and the restart time.
 *
 *   npm run bench:import-crash [-- KILLS [ROWS]]
 */
import { readEnv } from '#src/env';
import { runImportCrash } from '../test/server/import-crash.ts';

const kills = Number(process.argv[2] ?? 50);
const rows = Number(process.argv[3] ?? 50_000);
const seed = Date.now() % 100_000;
const stores: Array<{ name: string; adminUrl: string | undefined }> = [
  { name: 'pglite', adminUrl: undefined },
];
const pgUrl = readEnv().TANDEM_TEST_DATABASE_URL;
if (pgUrl) stores.push({ name: 'postgres', adminUrl: pgUrl });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
let failed = false;
process.stdout.write(`import crash: ${kills} kills × ${rows} rows per store, seed ${seed}\n`);
for (const s of stores) {
  let bad = 0;
  const run = await runImportCrash({
    rows,
    kills,
    adminUrl: s.adminUrl,
    seed,
    onKill: (o, i) => {
      const ok =
        o.status !== 'running' &&
        o.final === rows &&
        (o.status === 'succeeded'
          ? o.stored === rows && o.rerun.unchanged === rows
          : o.stored === 0 && o.rerun.inserted === rows);
      if (!ok) bad++;
      process.stdout.write(
        `  ${s.name} kill ${i + 1}/${kills} at ${o.killAtMs.toFixed(0)} ms: ${o.status}${o.errorCode ? ` (${o.errorCode})` : ''}, ` +
          `${o.stored} stored, re-run +${o.rerun.inserted}/=${o.rerun.unchanged}, ${o.final} after${ok ? '' : ' — FAILED'}\n`,
      );
    },
  });
  const none = run.outcomes.filter((o) => o.stored === 0).length;
  const all = run.outcomes.filter((o) => o.stored === rows).length;
  const interrupted = run.outcomes.filter((o) => o.errorCode === 'interrupted').length;
  const running = run.outcomes.filter((o) => o.status === 'running').length;
  const exact = run.outcomes.filter((o) => o.final === rows).length;
  const lock = run.secondProcess
    ? `; a second process on the directory exited ${run.secondProcess.status}`
    : '';
  const ok = bad === 0 && none + all === kills && running === 0 && exact === kills;
  if (!ok) failed = true;
  process.stdout.write(
    `${s.name}: ${kills} kills — ${none} left 0 rows (${interrupted} marked interrupted at restart), ${all} left all ${rows}, ` +
      `${kills - none - all} other; ${running} jobs still running; ${exact}/${kills} re-runs gave exactly ${rows}. ` +
      `Uncut commit ${(run.commitMs / 1000).toFixed(1)} s, restart median ${(median(run.outcomes.map((o) => o.restartMs)) / 1000).toFixed(1)} s, ` +
      `${(run.ms / 1000).toFixed(0)} s in all${lock} — ${ok ? 'ok' : 'FAILED'}\n`,
  );
}
process.exit(failed ? 1 : 0);
