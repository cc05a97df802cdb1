/**
 * The duplicate storm (issue 9 "Tests"): 1,000 distinct Toggl time entries, each delivered 3 times,
 * shuffled, sent by 50 concurrent senders through the real route → every delivery answered 2xx,
 * exactly 1,000 events stored once the queue drains, and the metrics equal to those of a clean
 * import of the same entries (Toggl's CSV export through the import API) in another workspace.
 *
 * Expected by hand: entry i lasts 5 + (i mod 5) minutes, so the total is 200 × (5+6+7+8+9) = 7,000
 * minutes; every third entry (i mod 3 = 0: 334 of them) is tagged `priority`, lasting
 * Σ over those of 5 + (i mod 5) minutes — the same in both workspaces, whatever the metric engine
 * makes of it, which is what the comparison checks.
 */

import { and, count, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '#db/schema/events';
import { JobWorker } from '#jobs/job-worker';
import { webhookHandlers } from '#jobs/webhook-handlers';
import { togglSignature } from '#webhooks/toggl/index';
import { postImport } from './import-helpers.ts';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

const N = 1000;
const COPIES = 3;
const SENDERS = 50;
const SECRET = 'storm-secret-0123456789';

interface Entry {
  id: number;
  start: Date;
  minutes: number;
  priority: boolean;
}

function entries(): Entry[] {
  const out: Entry[] = [];
  for (let i = 0; i < N; i++) {
    // 20 working days from Mon 2 Nov 2026, 50 entries a day ten minutes apart from 08:00 UTC.
    const day = Math.floor(i / 50);
    const start = new Date(Date.UTC(2026, 10, 2 + day, 8, (i % 50) * 10));
    out.push({ id: 4_000_000 + i, start, minutes: 5 + (i % 5), priority: i % 3 === 0 });
  }
  return out;
}

const isoZ = (d: Date) => d.toISOString().replace('.000Z', 'Z');

function delivery(e: Entry, eventId: number): string {
  const stop = new Date(e.start.getTime() + e.minutes * 60_000);
  return JSON.stringify({
    event_id: eventId,
    created_at: isoZ(stop),
    creator_id: 42,
    metadata: {
      action: 'created',
      event_user_id: '42',
      model: 'time_entry',
      model_owner_id: '42',
      path: '/api/v9/workspaces/7435584/time_entries',
      request_type: 'POST',
      time_entry_id: String(e.id),
      workspace_id: '7435584',
    },
    payload: {
      at: isoZ(stop),
      billable: false,
      description: `Entry ${e.id}`,
      duration: e.minutes * 60,
      duronly: true,
      id: e.id,
      project_id: 202,
      server_deleted_at: null,
      start: isoZ(e.start),
      stop: isoZ(stop),
      tag_ids: [],
      tags: e.priority ? ['priority'] : [],
      task_id: null,
      user_id: 42,
      workspace_id: 7435584,
    },
    subscription_id: 1234,
    timestamp: isoZ(stop),
  });
}

/** The same entries as Toggl's "Detailed report" CSV export. */
function csv(list: Entry[]): Uint8Array {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const lines = [
    'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags',
  ];
  for (const e of list) {
    const stop = new Date(e.start.getTime() + e.minutes * 60_000);
    lines.push(
      [
        'Ann',
        'ann@example.com',
        '',
        'Ops',
        '',
        `Entry ${e.id}`,
        'No',
        day(e.start),
        time(e.start),
        day(stop),
        time(stop),
        `00:${pad(e.minutes)}:00`,
        e.priority ? 'priority' : '',
      ].join(','),
    );
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/** A deterministic shuffle (mulberry32), so a failure can be replayed. */
function shuffle<T>(list: T[], seed: number): T[] {
  let a = seed;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [list[i], list[j]] = [list[j] as T, list[i] as T];
  }
  return list;
}

// About 45 s on two shared cores: the suite runs the storm on PGlite only, to stay within its time budget;
// the receiving and processing code is the same on both stores (webhooks-receive.test.ts runs on both).
describe.each(STORE_KINDS.slice(0, 1))('the duplicate storm on %s', (kind) => {
  let t: TestServer;
  let live: Team;
  let clean: Team;

  beforeAll(async () => {
    t = await startTestServer(kind);
    live = await makeTeam(t, 'storm-live');
    clean = await makeTeam(t, 'storm-clean');
  }, 120_000);
  afterAll(async () => t?.close());

  it('stores 1,000 events from 3,000 shuffled deliveries by 50 senders, as a clean import would', async () => {
    const list = entries();
    const created = await call(t, 'POST', `/api/v1/workspaces/${live.ws}/connections`, {
      token: live.owner.token,
      json: {
        provider: 'toggl',
        name: 'Storm',
        secret: SECRET,
        assistant: 'a1',
        options: { priorityTags: ['priority'] },
      },
    });
    const id = ((await created.json()) as { connection: { id: string } }).connection.id;
    const sends: Uint8Array[] = [];
    list.forEach((e, i) => {
      const body = new TextEncoder().encode(delivery(e, 9_000_000 + i));
      for (let c = 0; c < COPIES; c++) sends.push(body);
    });
    shuffle(sends, 20261123);
    const statuses = new Map<number, number>();
    let next = 0;
    await Promise.all(
      Array.from({ length: SENDERS }, async () => {
        while (next < sends.length) {
          const body = sends[next++] as Uint8Array;
          const res = await t.app.request(`/hooks/toggl/${id}`, {
            method: 'POST',
            body: body as BodyInit,
            headers: {
              'content-type': 'application/json',
              'x-webhook-signature-256': togglSignature(SECRET, body),
            },
          });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      }),
    );
    expect(Object.fromEntries(statuses)).toEqual({ 200: N * COPIES });
    const worker = new JobWorker({
      db: t.deps.db,
      now: () => t.clock.now,
      logger: pino({ level: 'silent' }),
      handlers: webhookHandlers(t.deps),
      scheduleEveryMs: 0,
    });
    expect(await worker.drain()).toBe(N);
    const [stored] = await t.deps.db
      .select({ n: count() })
      .from(events)
      .where(and(eq(events.workspaceId, live.ws), eq(events.type, 'timeEntry')));
    expect(stored?.n).toBe(N);

    // The clean import of the same entries.
    const base = `/api/v1/workspaces/${clean.ws}/imports`;
    const fields = { assistant: 'a1', timezone: 'UTC', options: { priorityTags: ['priority'] } };
    const file = csv(list);
    const preview = await postImport(t, base, clean.owner.token, {
      format: 'toggl',
      file,
      fileName: 'toggl.csv',
      ...fields,
    });
    expect(preview.status, await preview.clone().text()).toBe(201);
    const job = ((await preview.json()) as { job: { id: string } }).job.id;
    const commit = await postImport(t, `${base}/${job}/commit`, clean.owner.token, { file, ...fields });
    expect(commit.status, await commit.clone().text()).toBe(200);
    expect(((await commit.json()) as { counts: { inserted: number } }).counts.inserted).toBe(N);

    const metrics = async (team: Team) => {
      const res = await call(t, 'GET', `/api/v1/workspaces/${team.ws}/metrics?period=month&assistant=a1`, {
        token: team.owner.token,
      });
      expect(res.status).toBe(200);
      return res.json();
    };
    const a = await metrics(live);
    expect(a).toEqual(await metrics(clean));
    // By hand: 334 priority entries of Σ(5 + i mod 5) minutes over i ≡ 0 (mod 3), of 7,000 minutes.
    let prio = 0;
    for (let i = 0; i < N; i += 3) prio += 5 + (i % 5);
    const share = (a as { metric: string; value: number | null }[]).find(
      (r) => r.metric === 'priority_time_share',
    );
    expect(share?.value).toBeCloseTo(prio / 7000, 10);
  }, 600_000);
});
