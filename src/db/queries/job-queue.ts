/**
 * The durable job queue's SQL (schema/notifications.ts `jobs`), the same on PGlite and PostgreSQL.
 *
 * - `enqueueJob` runs on the caller's handle: inside a transaction the job exists exactly when the
 *   change that caused it commits. A second job with the same key is ignored (idempotency).
 * - `claimJobs` takes due jobs with `FOR UPDATE SKIP LOCKED`, so several workers on one PostgreSQL
 *   never take the same row, and stamps a lease; a running job past its lease (its worker died) is
 *   due again. Each claim counts an attempt, crashes included, so a job that kills its worker
 *   every time stops after `max_attempts` instead of looping for ever.
 * - `completeJob` / `failJob` only touch a job the caller still holds (same `locked_by`): a worker
 *   whose lease ran out and whose job was taken over cannot overwrite the new holder's outcome.
 *
 * Every instant comes from the caller's clock, so tests can move time.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows, type Tx } from '../client.ts';
import { jobs } from '../schema/notifications.ts';

export interface NewJob {
  kind: string;
  key: string;
  workspaceId?: string | null;
  payload?: Record<string, unknown>;
  /** Not before this instant (ms); default: now. */
  runAt?: number;
  maxAttempts?: number;
}

export interface ClaimedJob {
  id: number;
  kind: string;
  key: string;
  workspaceId: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
}

/** Queues a job unless one with its key exists; true when this call queued it. */
export async function enqueueJob(db: Db | Tx, job: NewJob, now: number): Promise<boolean> {
  const rows = await db
    .insert(jobs)
    .values({
      kind: job.kind,
      key: job.key,
      workspaceId: job.workspaceId ?? null,
      payload: job.payload ?? {},
      runAt: new Date(job.runAt ?? now),
      maxAttempts: job.maxAttempts ?? 8,
      createdAt: new Date(now),
    })
    .onConflictDoNothing({ target: jobs.key })
    .returning({ id: jobs.id });
  return rows.length > 0;
}

interface ClaimRow {
  id: string | number;
  kind: string;
  key: string;
  workspace_id: string | null;
  payload: Record<string, unknown> | string;
  attempts: number;
  max_attempts: number;
}

/** Claims up to `limit` due jobs for `worker` with a lease of `leaseMs`. */
export async function claimJobs(
  db: Db,
  worker: string,
  now: number,
  leaseMs: number,
  limit = 1,
): Promise<ClaimedJob[]> {
  const at = new Date(now).toISOString();
  const until = new Date(now + leaseMs).toISOString();
  const rows = await queryRows<ClaimRow>(
    db,
    sql`update jobs set status = 'running', attempts = attempts + 1,
          locked_until = ${until}::timestamptz, locked_by = ${worker}
        where id in (
          select id from jobs
          where (status = 'queued' and run_at <= ${at}::timestamptz)
             or (status = 'running' and locked_until <= ${at}::timestamptz)
          order by run_at, id
          limit ${limit}
          for update skip locked)
        returning id, kind, key, workspace_id, payload, attempts, max_attempts`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    key: r.key,
    workspaceId: r.workspace_id,
    payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
  }));
}

/** Marks a held job done; false when the lease was lost to another worker. */
export async function completeJob(db: Db | Tx, id: number, worker: string, now: number): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update jobs set status = 'done', finished_at = ${new Date(now).toISOString()}::timestamptz,
          locked_until = null, last_error = null
        where id = ${id} and locked_by = ${worker} and status = 'running' returning id`,
  );
  return rows.length > 0;
}

/** Exponential backoff after the n-th failed attempt: 2^(n-1) × base, at most an hour. */
export function backoffMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** Records a failure: queued again after the backoff, or `failed` once attempts are spent. */
export async function failJob(
  db: Db | Tx,
  job: Pick<ClaimedJob, 'id' | 'attempts' | 'maxAttempts'>,
  worker: string,
  now: number,
  error: string,
  baseBackoffMs: number,
): Promise<void> {
  const spent = job.attempts >= job.maxAttempts;
  const runAt = new Date(now + backoffMs(job.attempts, baseBackoffMs)).toISOString();
  await db.execute(
    sql`update jobs set status = ${spent ? 'failed' : 'queued'}, locked_until = null,
          last_error = ${error.slice(0, 2000)},
          run_at = case when ${spent} then run_at else ${runAt}::timestamptz end,
          finished_at = case when ${spent} then ${new Date(now).toISOString()}::timestamptz else null end
        where id = ${job.id} and locked_by = ${worker} and status = 'running'`,
  );
}

/** The earliest instant (ms) a job becomes due, or null with none waiting: the worker sleeps until then. */
export async function nextDueAt(db: Db): Promise<number | null> {
  const rows = await queryRows<{ at: string | Date | null }>(
    db,
    sql`select min(case when status = 'queued' then run_at else locked_until end) as at
        from jobs where status in ('queued', 'running')`,
  );
  const at = rows[0]?.at;
  return at === null || at === undefined ? null : new Date(at).getTime();
}
