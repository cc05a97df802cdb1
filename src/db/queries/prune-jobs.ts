/**
 * Retention of the job queue (issue 8): finished jobs are deleted once they are old enough that no
 * producer can queue their key again — a job's key is its idempotency guard, so deleting it early
 * would let the same e-mail or Slack post go out twice.
 *
 * Which producers queue the same key again, and for how long (services/notifications):
 * - `schedule:<slot>`: only during its 15-minute slot.
 * - check-ins due (`review_due:…:checkin:<id>:<date>`): the schedule looks two days back.
 * - `agreement:…:<instant>`: keyed by the proposal's instant, produced once, in its transaction.
 * - `signal:…:<period>…`, `raise_bar:…:<month>`: while that bucket is the KPI's last complete one,
 *   at most a month (KPI periods are weeks or months, SPEC §5).
 * - `weekly_digest:…:<week>`: during the following week; `monthly_report:…:<month>`: during the
 *   following month (at most 31 days).
 * - `outbound:` jobs (outbound webhooks): their delivery row (outbound_deliveries, kept) guards
 *   the message itself; an inbound delivery's job is guarded by its key in webhook_deliveries.
 * - Unbounded: `baseline_ready:…` stays due until the KPI gets a target, and a monthly or quarterly
 *   `review_due:…` until a review is opened — possibly for ever. Those keys are kept.
 * So a done job older than RETENTION (90 days, three times the longest bounded horizon) whose key
 * is not one of the unbounded kinds can never be queued again, and is deleted. Failed jobs stay
 * for an operator to look at.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client.ts';

export const JOB_RETENTION_MS = 90 * 86_400_000;

/** Deletes finished jobs past the retention whose key cannot recur; the number deleted. */
export async function pruneFinishedJobs(
  db: Db,
  now: number,
  retentionMs = JOB_RETENTION_MS,
): Promise<number> {
  const before = new Date(now - retentionMs).toISOString();
  const rows = await queryRows<{ id: number }>(
    db,
    sql`delete from jobs
        where status = 'done' and finished_at < ${before}::timestamptz
          and key not like '%baseline\\_ready:%'
          and not (key like '%review\\_due:%' and key not like '%:checkin:%')
        returning id`,
  );
  return rows.length;
}
