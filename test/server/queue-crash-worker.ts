/**
 * The child of the queue crash test (test/server/queue-crash.ts): opens the embedded store in a
 * directory (or DATABASE_URL), runs the notification worker against an SMTP server until no job is
 * queued or running, then exits 0. The parent kills it with SIGKILL mid-send and starts it again.
 *
 * Usage: node bin/run-ts.mjs test/server/queue-crash-worker.ts DATA_DIR SMTP_URL PUBLIC_URL LEASE_MS
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { openStore, queryRows } from '#db/client';
import { deliveryHandlers } from '#jobs/delivery-handlers';
import { JobWorker } from '#jobs/job-worker';
import { smtpSender } from '#jobs/mail-transport';

const [dataDir, smtpUrl, publicUrl, leaseArg, databaseUrl] = process.argv.slice(2);
if (!dataDir || !smtpUrl || !publicUrl || !leaseArg) {
  process.stderr.write('usage: queue-crash-worker DATA_DIR SMTP_URL PUBLIC_URL LEASE_MS [DATABASE_URL]\n');
  process.exit(2);
}
const store = await openStore(databaseUrl ? { databaseUrl, poolSize: 2 } : { dataDir });
const deps = { db: store.db, now: () => Date.now(), publicUrl };
const mail = smtpSender(smtpUrl, 5000);
const worker = new JobWorker({
  db: store.db,
  now: deps.now,
  logger: pino({ level: 'silent' }),
  handlers: deliveryHandlers(deps, { send: mail.send, from: 'Tandem <crash@tandem.test>' }),
  leaseMs: Number(leaseArg),
  backoffMs: 50,
  scheduleEveryMs: 0,
});
process.stdout.write('ready\n');
for (;;) {
  if (await worker.runOne()) continue;
  const left = await queryRows<{ n: number | string }>(
    store.db,
    sql`select count(*) as n from jobs where status in ('queued', 'running')`,
  );
  if (Number(left[0]?.n ?? 0) === 0) break;
  // A job killed mid-send waits for its lease; a retry for its backoff.
  await sleep(25);
}
mail.close();
await store.close();
process.stdout.write('done\n');
process.exit(0);
