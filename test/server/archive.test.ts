/**
 * Export → restore gives identical API answers (SPEC §13): through the API into a fresh store of
 * each kind (and embedded → PostgreSQL when available) — every read the owner has, saved import
 * options and import jobs included, and the same pages behind the same `next` cursors of events
 * and the audit log — and through the commands on data directories. Also workspace deletion and one assistant's export and erasure (SPEC §11).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '#cli/main';
import { readComputeInput } from '#core/events/read-compute-input';
import { restoreWorkspace } from '#services/archive/restore-workspace';
import { readTar } from '#services/archive/tar';
import { readEverything, type Walk, walk } from './archive-reads.ts';
import { ANN, postImport, trelloBoard } from './import-helpers.ts';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

const LINES = [
  {
    type: 'assistant',
    id: 'a3',
    timezone: 'Asia/Kolkata',
    history: [{ from: '2026-10-01', timezone: 'Europe/Lisbon' }],
  },
  {
    type: 'task',
    id: 'T1',
    assistant: 'a1',
    title: 't',
    labels: [],
    createdAt: '2026-11-02T08:00:00Z',
    dueDate: '2026-11-04',
    completedAt: '2026-11-04T10:00:00Z',
    selfInitiated: false,
    priority: false,
  },
  {
    type: 'task',
    id: 'T2',
    assistant: 'a3',
    title: 't',
    labels: [],
    createdAt: '2026-11-02T08:00:00Z',
    due: '2026-11-03T08:00:00Z',
    selfInitiated: false,
    priority: false,
    source: 'trello',
    externalId: 'card-1',
  },
  {
    type: 'request',
    id: 'R1',
    assistant: 'a1',
    channel: 'slack',
    receivedAt: '2026-11-03T09:00:00Z',
    firstResponseAt: '2026-11-03T09:20:00Z',
  },
  {
    type: 'pulse',
    id: 'P1',
    assistant: 'a1',
    week: '2026-W45',
    score: 3,
    comment: 'private note',
    shared: false,
  },
  {
    type: 'rating',
    id: 'Q1',
    assistant: 'a2',
    ratedAt: '2026-11-05T10:00:00Z',
    criteria: { accuracy: 4, tone: 5 },
    excluded: 'tool outage',
  },
];
/**
 * Pages smaller than what the owner sees (4 events sent besides the private pulse, 2 imported; a
 * dozen audit entries), so the walks follow `next` cursors.
 */
const EVENT_PAGES = 'events?limit=2';
const AUDIT_PAGES = 'audit?limit=3';

type AuditPage = { entries: { action: string; seq: number }[]; next: string | null };
const entriesOf = (w: Walk) => w.pages.flatMap((p) => (p as AuditPage).entries);

/** Imports, saved import options, a KPI, an open invitation, a check-in and a signed review, beside the events. */
async function seedMore(t: TestServer, team: Team): Promise<Ids> {
  const base = `/api/v1/workspaces/${team.ws}`;
  const owner = team.owner.token;
  const identities = { [`trello:${ANN}`]: 'a1' };
  const file = trelloBoard([
    { n: 1, due: '2026-11-20T17:00:00.000Z', completed: '2026-11-19T10:00:00.000Z' },
    { n: 2, due: '2026-11-21T17:00:00.000Z' },
  ]);
  const preview = await postImport(t, `${base}/imports`, owner, { format: 'trello', file, identities });
  expect(preview.status, await preview.clone().text()).toBe(201);
  const job = ((await preview.json()) as { job: { id: string } }).job.id;
  const commit = await postImport(t, `${base}/imports/${job}/commit`, owner, {
    file,
    identities,
    options: { doneLists: ['Done'] },
  });
  expect(commit.status, await commit.clone().text()).toBe(200);
  // A second upload left in preview: a pending job.
  expect((await postImport(t, `${base}/imports`, owner, { format: 'trello', file })).status).toBe(201);
  const options = await call(t, 'PUT', `${base}/import-options/clockify`, {
    token: team.members.manager.token,
    json: { options: { dateOrder: 'MDY' }, timezone: 'Europe/Berlin' },
  });
  expect(options.status, await options.clone().text()).toBe(200);
  const kpi = await call(t, 'POST', `${base}/kpis`, {
    token: owner,
    json: { id: 'k1', assistant: 'a1', metric: 'on_time_rate', direction: 'higher' },
  });
  expect(kpi.status, await kpi.clone().text()).toBe(201);
  const inv = await call(t, 'POST', `${base}/invitations`, {
    token: owner,
    json: { email: 'later@example.com', role: 'viewer' },
  });
  expect(inv.status).toBe(201);
  // SPEC §8: a check-in with both sides' notes and a done action item; a review of November with a
  // comment, signed by both (its agenda frozen) and amended after.
  const manager = team.members.manager.token;
  const assistant = team.members.assistant.token;
  const ci = await call(t, 'POST', `${base}/checkins`, { token: manager, json: { assistant: 'a1' } });
  const checkin = ((await ci.json()) as { id: string }).id;
  await call(t, 'PUT', `${base}/checkins/${checkin}/notes`, {
    token: manager,
    json: { notes: 'Manager side' },
  });
  await call(t, 'PUT', `${base}/checkins/${checkin}/notes`, {
    token: assistant,
    json: { notes: 'Assistant side' },
  });
  const item = await call(t, 'POST', `${base}/checkins/${checkin}/action-items`, {
    token: manager,
    json: { text: 'Tidy the inbox rules', owner: team.members.assistant.userId, dueDate: '2026-11-30' },
  });
  const itemId = ((await item.json()) as { id: string }).id;
  expect(
    (await call(t, 'PATCH', `${base}/action-items/${itemId}`, { token: assistant, json: { done: true } }))
      .status,
  ).toBe(200);
  await call(t, 'POST', `${base}/checkins`, { token: manager, json: { assistant: 'a1' } });
  // SPEC §8: a development plan with a done item, which the signed review's agenda shows.
  const dp = await call(t, 'POST', `${base}/development-plans`, {
    token: manager,
    json: {
      assistant: 'a1',
      title: 'Clearer status updates',
      criterion: 'communication',
      items: [
        {
          kind: 'mentoring',
          title: 'Pair on two updates',
          owner: team.members.assistant.userId,
          dueDate: '2026-12-15',
        },
      ],
    },
  });
  expect(dp.status, await dp.clone().text()).toBe(201);
  const planBody = (await dp.json()) as { id: string; items: { id: string }[] };
  const plan = planBody.id;
  await call(t, 'PATCH', `${base}/development-items/${planBody.items[0]?.id}`, {
    token: assistant,
    json: { status: 'done' },
  });
  const rv = await call(t, 'POST', `${base}/reviews`, {
    token: manager,
    json: { assistant: 'a1', month: '2026-11' },
  });
  expect(rv.status, await rv.clone().text()).toBe(201);
  const review = ((await rv.json()) as { id: string }).id;
  await call(t, 'POST', `${base}/reviews/${review}/comments`, {
    token: assistant,
    json: { text: 'Good month' },
  });
  await call(t, 'POST', `${base}/reviews/${review}/sign-off`, { token: manager });
  const locked = await call(t, 'POST', `${base}/reviews/${review}/sign-off`, { token: assistant });
  expect(((await locked.json()) as { locked: boolean }).locked).toBe(true);
  await call(t, 'POST', `${base}/reviews/${review}/amendments`, {
    token: manager,
    json: { text: 'Amended' },
  });
  return { job, checkin, review, plan };
}

interface Ids {
  job: string;
  plan: string;
  checkin: string;
  review: string;
}

async function seed(t: TestServer): Promise<Team> {
  const team = await makeTeam(t, 'archive');
  const owner = team.owner.token;
  // SPEC §11: only the assistant writes their pulse answers; the owner sends everything else.
  const [pulses, rest] = [LINES.filter((l) => l.type === 'pulse'), LINES.filter((l) => l.type !== 'pulse')];
  const send = (token: string, lines: object[]) =>
    call(t, 'POST', `/api/v1/workspaces/${team.ws}/events`, {
      token,
      body: `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`,
    });
  expect((await send(owner, rest)).status).toBe(200);
  expect((await send(team.members.assistant.token, pulses)).status).toBe(200);
  await call(t, 'PUT', `/api/v1/workspaces/${team.ws}/clients/acme`, {
    token: owner,
    json: { name: 'Acme' },
  });
  await call(t, 'PUT', `/api/v1/workspaces/${team.ws}/identities/slack/U123`, {
    token: owner,
    json: { assistantId: 'a1' },
  });
  return team;
}

describe.each(STORE_KINDS)('workspace archive on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let archive: Buffer;
  let ids: Ids = { job: '', checkin: '', review: '', plan: '' };
  beforeAll(async () => {
    t = await startTestServer(kind);
    team = await seed(t);
    ids = await seedMore(t, team);
    const res = await call(t, 'GET', `/api/v1/workspaces/${team.ws}/export`, { token: team.owner.token });
    expect(res.status).toBe(200);
    archive = Buffer.from(await res.arrayBuffer());
  });
  afterAll(async () => t?.close());

  it('holds §12 input in events.ndjson and says it contains private answers', async () => {
    const files = readTar(gunzipSync(archive));
    expect(files.get('README.txt')?.toString()).toContain('PRIVATE PULSE ANSWERS');
    const bytes = files.get('events.ndjson') as Buffer;
    const input = await readComputeInput(
      (async function* () {
        yield bytes;
      })(),
    );
    expect([...input.assistants.keys()].sort()).toEqual(['a1', 'a2', 'a3']);
    expect(files.get('events.ndjson')?.toString()).toContain('private note');
  });

  for (const target of STORE_KINDS)
    it(`restores into an empty ${target} store with identical API answers and cursors`, async () => {
      const owner = team.owner.token;
      const before = await readEverything(t, team.ws, ids, owner);
      const events = await walk(t, `/api/v1/workspaces/${team.ws}/${EVENT_PAGES}`, owner);
      const audit = await walk(t, `/api/v1/workspaces/${team.ws}/${AUDIT_PAGES}`, owner);
      expect(events.pages.length).toBe(3);
      expect(audit.pages.length).toBeGreaterThanOrEqual(3);
      const u = await startTestServer(target);
      try {
        const r = await restoreWorkspace(u.deps, archive);
        expect(r.workspace).toBe(team.ws);
        expect(await readEverything(u, team.ws, ids, owner)).toEqual(before);
        // The check-in and the signed review came back, not just an equal absence.
        const review = before.find((a) => a.path.endsWith(`/reviews/${ids.review}`));
        expect(review?.body).toMatchObject({ locked: true, amendments: [{ text: 'Amended' }] });
        expect(await walk(u, `/api/v1/workspaces/${team.ws}/${EVENT_PAGES}`, owner)).toEqual(events);
        // The restore is audited on top; below it, the archive's entries as they were, seq included.
        const restored = entriesOf(await walk(u, `/api/v1/workspaces/${team.ws}/${AUDIT_PAGES}`, owner));
        expect(restored[0]?.action).toBe('workspace.restore');
        expect(restored.slice(1)).toEqual(entriesOf(audit));
        // Every cursor the original handed out pages the same on the copy.
        for (const [i, cursor] of audit.cursors.entries()) {
          if (cursor === null) continue;
          const page = await call(
            u,
            'GET',
            `/api/v1/workspaces/${team.ws}/${AUDIT_PAGES}&cursor=${encodeURIComponent(cursor)}`,
            { token: owner },
          );
          expect(await page.json()).toEqual(audit.pages[i]);
        }
        await expect(restoreWorkspace(u.deps, archive)).rejects.toMatchObject({ code: 'already_exists' });
      } finally {
        await u.close();
      }
    });

  it('restores into a store in use, numbering rows afresh in their original order', async () => {
    const owner = team.owner.token;
    const events = await walk(t, `/api/v1/workspaces/${team.ws}/${EVENT_PAGES}`, owner);
    const audit = entriesOf(await walk(t, `/api/v1/workspaces/${team.ws}/${AUDIT_PAGES}`, owner));
    const u = await startTestServer(kind);
    try {
      // Another workspace already holds the lowest event and audit numbers here.
      await seed(u);
      await restoreWorkspace(u.deps, archive);
      const copy = await walk(u, `/api/v1/workspaces/${team.ws}/${EVENT_PAGES}`, owner);
      expect(copy.pages.map((p) => p.items)).toEqual(events.pages.map((p) => p.items));
      const copied = entriesOf(await walk(u, `/api/v1/workspaces/${team.ws}/${AUDIT_PAGES}`, owner));
      const withoutSeq = (es: AuditPage['entries']) => es.map(({ seq: _seq, ...rest }) => rest);
      expect(withoutSeq(copied.slice(1))).toEqual(withoutSeq(audit));
    } finally {
      await u.close();
    }
  });

  it("exports one assistant's data — private answers only to themselves — and erases it", async () => {
    const path = `/api/v1/workspaces/${team.ws}/assistants/a1`;
    const own = await (
      await call(t, 'GET', `${path}/export`, { token: team.members.assistant.token })
    ).text();
    expect(own).toContain('private note');
    const byOwner = await (await call(t, 'GET', `${path}/export`, { token: team.owner.token })).text();
    expect(byOwner.split('\n')[0]).toContain('"type":"assistant"');
    expect(byOwner).not.toContain('private note');
    expect(
      (await call(t, 'DELETE', path, { token: team.owner.token, json: { confirm: 'nope' } })).status,
    ).toBe(400);
    expect((await call(t, 'DELETE', path, { token: team.owner.token, json: { confirm: 'a1' } })).status).toBe(
      204,
    );
    const events = (await (
      await call(t, 'GET', `/api/v1/workspaces/${team.ws}/events?assistant=a1`, { token: team.owner.token })
    ).json()) as {
      items: unknown[];
    };
    expect(events.items).toEqual([]);
  });

  it('deletes a workspace only when confirmed by its name, removing every row', async () => {
    const other = await seed(t);
    const path = `/api/v1/workspaces/${other.ws}`;
    expect(
      (await call(t, 'DELETE', path, { token: other.members.manager.token, json: { confirm: other.name } }))
        .status,
    ).toBe(403);
    expect(
      (await call(t, 'DELETE', path, { token: other.owner.token, json: { confirm: 'wrong' } })).status,
    ).toBe(400);
    expect(
      (await call(t, 'DELETE', path, { token: other.owner.token, json: { confirm: other.name } })).status,
    ).toBe(204);
    const { queryRows } = await import('#db/client');
    const { sql } = await import('drizzle-orm');
    for (const table of [
      'events',
      'assistants',
      'members',
      'audit_log',
      'api_tokens',
      'identities',
      'clients',
      'invitations',
      'checkins',
      'action_items',
      'reviews',
      'review_entries',
      'development_plans',
      'development_items',
    ]) {
      const rows = await queryRows<{ n: number | string }>(
        t.store.db,
        sql`select count(*) as n from ${sql.identifier(table)} where workspace_id = ${other.ws}`,
      );
      expect(Number(rows[0]?.n), table).toBe(0);
    }
  });
});

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  return { stdout, stderr, text: () => ({ out, err }) };
}

describe('tandem init, export and restore on data directories', () => {
  it('creates a workspace, refuses a second for the same owner, and moves it to another store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-cli-'));
    const env = { TANDEM_PUBLIC_URL: 'http://localhost:3000' };
    const a = io();
    expect(
      await main(
        ['init', '--data', join(dir, 'a'), '--workspace', 'Acme', '--owner-email', 'boss@example.com'],
        { ...a, env, cwd: dir },
      ),
    ).toBe(0);
    const init = JSON.parse(a.text().out) as { workspace: string; token: string; setPasswordUrl: string };
    expect(init.token).toMatch(/^tdm_/);
    expect(init.setPasswordUrl).toMatch(/^http:\/\/localhost:3000\/set-password#token=/);
    const b = io();
    expect(
      await main(
        ['init', '--data', join(dir, 'a'), '--workspace', 'Again', '--owner-email', 'boss@example.com'],
        { ...b, env, cwd: dir },
      ),
    ).toBe(1);
    expect(b.text().err).toContain('already owns a workspace');
    const c = io();
    expect(
      await main(['export', '--data', join(dir, 'a'), '--workspace', init.workspace, 'ws.tar.gz'], {
        ...c,
        env,
        cwd: dir,
      }),
    ).toBe(0);
    const d = io();
    expect(await main(['restore', '--data', join(dir, 'b'), 'ws.tar.gz'], { ...d, env, cwd: dir })).toBe(0);
    expect(JSON.parse(d.text().out)).toMatchObject({ workspace: init.workspace });
    const e = io();
    expect(await main(['restore', '--data', join(dir, 'b'), 'ws.tar.gz'], { ...e, env, cwd: dir })).toBe(1);
    expect(readFileSync(join(dir, 'ws.tar.gz')).length).toBeGreaterThan(0);
    const u = io();
    expect(await main(['export', '--data', join(dir, 'a'), 'ws.tar.gz'], { ...u, env, cwd: dir })).toBe(2);
  }, 180_000);
});
