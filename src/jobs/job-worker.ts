/**
 * The worker loop over the durable queue (db/queries/job-queue.ts), started by `tandem serve`
 * unless TANDEM_WORKER=off (several instances on one PostgreSQL can leave one worker on; each
 * would be safe anyway: claims skip locked rows).
 *
 * One job at a time, and never a transaction held across a network call: claiming, the handler's
 * own writes and the completion are each a short statement or transaction, and the loop yields to
 * the event loop between jobs. On PGlite, a single connection shared with the HTTP requests, a
 * request therefore waits behind at most one short worker statement, never behind an SMTP send.
 *
 * A handler that throws is retried with exponential backoff up to the job's max attempts; a worker
 * that dies mid-job leaves the row `running` until its lease passes, then any worker claims it
 * again. What a handler sends must therefore be safe to repeat: e-mails carry a Message-ID derived
 * from the job key, Slack posts the key itself.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Db, Tx } from '#db/client';
import {
  type ClaimedJob,
  claimJobs,
  completeJob,
  enqueueJob,
  failJob,
  nextDueAt,
} from '#db/queries/job-queue';

/** A handler may return work to run in the transaction that marks its job done. */
export type JobHandler = (job: ClaimedJob) => Promise<((tx: Tx) => Promise<void>) | undefined>;

export interface WorkerOptions {
  db: Db;
  now: () => number;
  logger: Logger;
  handlers: Record<string, JobHandler>;
  /** How long a claim holds a job before another worker may take it (default 60 s). */
  leaseMs?: number;
  /** Longest sleep when nothing is due (default 1 s). */
  pollMs?: number;
  /** Backoff of the first retry; doubled per attempt (default 5 s). */
  backoffMs?: number;
  /** How often the `schedule` job is queued (default 15 min); 0: never. */
  scheduleEveryMs?: number;
}

export class JobWorker {
  readonly id = `w-${process.pid}-${randomBytes(4).toString('hex')}`;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly backoffMs: number;
  private readonly scheduleEveryMs: number;

  constructor(private readonly o: WorkerOptions) {
    this.leaseMs = o.leaseMs ?? 60_000;
    this.pollMs = o.pollMs ?? 1000;
    this.backoffMs = o.backoffMs ?? 5000;
    this.scheduleEveryMs = o.scheduleEveryMs ?? 15 * 60_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the job in hand (if any) is finished. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /** Queues the periodic `schedule` job of the current slot (one per slot, whichever worker wins). */
  async queueSchedule(): Promise<void> {
    if (this.scheduleEveryMs <= 0) return;
    const now = this.o.now();
    const slot = Math.floor(now / this.scheduleEveryMs);
    await enqueueJob(this.o.db, { kind: 'schedule', key: `schedule:${slot}`, maxAttempts: 3 }, now);
  }

  /** Claims and runs one due job; false when none was due. */
  async runOne(): Promise<boolean> {
    const [job] = await claimJobs(this.o.db, this.id, this.o.now(), this.leaseMs, 1);
    if (!job) return false;
    const handler = this.o.handlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
      const finish = await handler(job);
      await this.o.db.transaction(async (tx) => {
        if (finish) await finish(tx);
        await completeJob(tx, job.id, this.id, this.o.now());
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.o.logger.warn(
        { job: job.key, kind: job.kind, attempts: job.attempts, error: message },
        'job failed',
      );
      await failJob(this.o.db, job, this.id, this.o.now(), message, this.backoffMs);
    }
    return true;
  }

  /** Runs due jobs until none is left (tests, and the crash child). */
  async drain(max = 10_000): Promise<number> {
    let n = 0;
    while (n < max && (await this.runOne())) n++;
    return n;
  }

  private async run(): Promise<void> {
    let lastSchedule = 0;
    while (this.running) {
      try {
        const now = this.o.now();
        if (this.scheduleEveryMs > 0 && now - lastSchedule >= Math.min(this.scheduleEveryMs, 60_000)) {
          await this.queueSchedule();
          lastSchedule = now;
        }
        if (await this.runOne()) {
          // Let waiting requests at the store between two jobs.
          await new Promise((r) => setImmediate(r));
          continue;
        }
        const due = await nextDueAt(this.o.db);
        const wait = due === null ? this.pollMs : Math.max(10, Math.min(this.pollMs, due - this.o.now()));
        await this.sleep(wait);
      } catch (err) {
        // The store may be briefly unreachable (PostgreSQL restart): try again after a pause.
        this.o.logger.error({ err }, 'job worker error');
        await this.sleep(this.pollMs);
      }
    }
  }

  private async sleep(ms: number): Promise<void> {
    const ac = new AbortController();
    this.wake = () => ac.abort();
    await sleep(ms, undefined, { signal: ac.signal }).catch(() => undefined);
    this.wake = null;
  }
}
