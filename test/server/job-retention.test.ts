/**
 * Retention of the job queue (db/queries/prune-jobs.ts) on every store: done jobs older than 90
 * days leave, unless their key belongs to a producer that may queue it again at any time
 * (baseline_ready, a monthly or quarterly review_due); queued, running and failed jobs stay;
 * a pruned bounded key is really gone, a kept one still refuses a second job.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '#db/client';
import { enqueueJob } from '#db/queries/job-queue';
import { JOB_RETENTION_MS, pruneFinishedJobs } from '#db/queries/prune-jobs';
import { jobs } from '#db/schema/notifications';
import { openTestStore, STORE_KINDS } from './test-store.ts';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const DAY = 86_400_000;

describe.each(STORE_KINDS)('job retention on %s', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(kind);
  });
  afterAll(async () => store?.close());

  const add = async (key: string, status: 'done' | 'failed' | 'queued', finishedDaysAgo: number | null) => {
    await enqueueJob(store.db, { kind: 'notify', key }, NOW - 200 * DAY);
    await store.db
      .update(jobs)
      .set({ status, finishedAt: finishedDaysAgo === null ? null : new Date(NOW - finishedDaysAgo * DAY) })
      .where(eq(jobs.key, key));
  };

  it('deletes only old done jobs whose key cannot recur', async () => {
    await add('schedule:1', 'done', 91);
    await add('notify:agreement:w:k:kpi:2026-06-01T10:00:00.000Z', 'done', 120);
    await add('email:weekly_digest:w:u:2026-W30:u', 'done', 100);
    await add('notify:review_due:w:checkin:c1:2026-08-01', 'done', 95);
    await add('outbound:w:msg_abc', 'done', 91);
    // Recent, or not done, or unbounded: kept.
    await add('notify:signal:w:k:2026-W47:outside:below', 'done', 89);
    await add('slack:raise_bar:w:k:2026-05', 'failed', 150);
    await add('notify:monthly_report:w:u:2026-11', 'queued', null);
    await add('notify:baseline_ready:w:k:2026-06-20', 'done', 160);
    await add('email:baseline_ready:w:k:2026-06-20:u', 'done', 160);
    await add('notify:review_due:w:a1:monthly_review:2026-06-01', 'done', 180);
    await add('notify:review_due:w:a1:quarterly_review:2026-04-01', 'done', 180);

    expect(await pruneFinishedJobs(store.db, NOW)).toBe(5);
    const left = (await store.db.select({ key: jobs.key }).from(jobs)).map((r) => r.key).sort();
    expect(left).toEqual(
      [
        'notify:signal:w:k:2026-W47:outside:below',
        'slack:raise_bar:w:k:2026-05',
        'notify:monthly_report:w:u:2026-11',
        'notify:baseline_ready:w:k:2026-06-20',
        'email:baseline_ready:w:k:2026-06-20:u',
        'notify:review_due:w:a1:monthly_review:2026-06-01',
        'notify:review_due:w:a1:quarterly_review:2026-04-01',
      ].sort(),
    );
    // A kept key still refuses the same job; nothing more is pruned on a second run.
    expect(
      await enqueueJob(store.db, { kind: 'notify', key: 'notify:baseline_ready:w:k:2026-06-20' }, NOW),
    ).toBe(false);
    expect(await pruneFinishedJobs(store.db, NOW)).toBe(0);
    // The boundary: exactly 90 days is kept, a moment more is not.
    await add('schedule:2', 'done', 90);
    expect(await pruneFinishedJobs(store.db, NOW)).toBe(0);
    expect(await pruneFinishedJobs(store.db, NOW + 1)).toBe(1);
    expect(JOB_RETENTION_MS).toBe(90 * DAY);
  });
});
