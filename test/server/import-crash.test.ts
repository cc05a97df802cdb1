/**
 * An import survives SIGKILL (issue 10 item 1): `tandem serve` in a child process, a 50,000-row
 * Toggl CSV committed through the HTTP import routes, the server killed at a random moment of the
 * commit and started again, 3 times on each store (the shared scenario: test/server/import-crash.ts).
 * Each time the assistant's stored rows are 0 — the job then failed as `interrupted` by the
 * restart, or still pending when the kill came before the commit arrived — or all 50,000 with the
 * job succeeded; no job stays `running`; committing again gives exactly all rows. On PGlite a
 * second process (`tandem export`) is refused while the server holds the directory.
 * The 50-kill run is `npm run bench:import-crash`.
 */
import { describe, expect, it } from 'vitest';
import { readEnv } from '#src/env';
import { runImportCrash } from './import-crash.ts';
import { STORE_KINDS } from './test-store.ts';

const ROWS = 50_000;
const KILLS = 3;
const adminUrl = readEnv().TANDEM_TEST_DATABASE_URL;

describe.each(STORE_KINDS)('an import under SIGKILL on %s', (kind) => {
  it('stores all rows or none, leaves no job running, and stores exactly all rows when run again', async () => {
    const run = await runImportCrash({
      rows: ROWS,
      kills: KILLS,
      adminUrl: kind === 'postgres' ? adminUrl : undefined,
      seed: Date.now() % 100_000,
    });
    expect(run.outcomes).toHaveLength(KILLS);
    for (const o of run.outcomes) {
      const what = JSON.stringify(o);
      expect(o.status, what).not.toBe('running');
      if (o.status === 'succeeded') {
        expect(o.stored, what).toBe(ROWS);
        expect(o.rerun, what).toEqual({ inserted: 0, updated: 0, unchanged: ROWS });
      } else {
        // Killed before the commit arrived (pending) or in the middle (failed by the restart).
        expect(['pending', 'failed'], what).toContain(o.status);
        if (o.status === 'failed') expect(o.errorCode, what).toBe('interrupted');
        expect(o.stored, what).toBe(0);
        expect(o.rerun, what).toEqual({ inserted: ROWS, updated: 0, unchanged: 0 });
      }
      expect(o.final, what).toBe(ROWS);
    }
    if (kind === 'pglite') {
      expect(run.secondProcess?.status).toBe(1);
      expect(run.secondProcess?.stderr).toMatch(/pid \d+/);
    }
  }, 900_000);
});
