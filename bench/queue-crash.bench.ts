/**
 * The long run of the queue crash test (test/server/queue-crash.test.ts): 200 e-mail jobs and
 * 50 fanned-out events, the worker killed with SIGKILL mid-send 100 times, on a PGlite directory
 * and, with TANDEM_TEST_DATABASE_URL set, on PostgreSQL. Prints what arrived, the repeats (each
 * must carry the Message-ID of its first copy) and the time per restart.
 *
 *   npm run bench:queue-crash [-- KILLS]
 */
import { readEnv } from '#src/env';
import { runQueueCrash } from '../test/server/queue-crash.ts';

const kills = Number(process.argv[2] ?? 100);
const stores: Array<{ name: string; adminUrl: string | undefined }> = [
  { name: 'pglite', adminUrl: undefined },
];
const pgUrl = readEnv().TANDEM_TEST_DATABASE_URL;
if (pgUrl) stores.push({ name: 'postgres', adminUrl: pgUrl });

let failed = false;
for (const s of stores) {
  const run = await runQueueCrash({ direct: 200, events: 50, kills, leaseMs: 300, adminUrl: s.adminUrl });
  const accepted = new Set(run.accepted.map((m) => m.messageId));
  const missing = [...run.expected.keys()].filter((id) => !accepted.has(id));
  const foreign = run.received.filter(
    (m) => run.expected.get(m.messageId ?? '') !== (m.header('Subject') ?? undefined),
  );
  const repeats = run.received.length - run.expected.size;
  const ok = missing.length === 0 && foreign.length === 0 && repeats >= 0 && repeats <= run.kills;
  if (!ok) failed = true;
  process.stdout.write(
    `${s.name}: ${run.expected.size} e-mails, ${run.kills} kills, ${run.received.length} received ` +
      `(${repeats} repeats, each with its first copy's Message-ID), missing ${missing.length}, ` +
      `unexpected ${foreign.length}; ${(run.ms / 1000).toFixed(1)} s, ` +
      `${(run.ms / (run.restarts + 1) / 1000).toFixed(2)} s per start — ${ok ? 'ok' : 'FAILED'}\n`,
  );
}
process.exit(failed ? 1 : 0);
