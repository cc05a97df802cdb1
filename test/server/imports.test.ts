/**
 * Imports through the server (SPEC §10, §13; issue 5 item 4): upload → preview → commit with
 * durable jobs, on every store kind. The Trello board is generated with known due dates and
 * completions, so the on-time rate the metrics API answers is worked out by hand below.
 */
import { and, count, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '#db/schema/events';
import { importJobs } from '#db/schema/imports';
import type { ImportFormat } from '#importers/import-types';
import { createAppDeps } from '#server/app-deps';
import { describeRealFixtures, readRealFixture, realFixtureFiles } from '#test/real-fixtures';
import { ANN, type CardSpec, postImport, trelloBoard } from './import-helpers.ts';
import {
  call,
  makeTeam,
  PUBLIC_URL,
  STORE_KINDS,
  startTestServer,
  type Team,
  type TestServer,
} from './test-store.ts';

interface Job {
  id: string;
  status: string;
  error: { code: string; message: string } | null;
  counts: { events: number; inserted: number; updated: number; unchanged: number };
}
interface Preview {
  job: Job;
  counts: Record<string, number>;
  events: number;
  skipped: { reason: string; externalId?: string }[];
  unmappedIdentities: { kind: string; id: string; candidates: string[]; suggested?: string }[];
  defaultsUsed: string[];
  firstEvents: { type: string; assistant: string }[];
  settings: { timezone?: string };
}

// Hand-computed (clock 2026-11-23T12:00Z, month 2026-11): c1 done before its deadline (on time),
// c2 done the morning after (late), c3 done an hour early (on time), c4 never done and past due
// (late), c5 due on the 30th (pending). On-time rate = 2 / (2 + 2) = 0.5.
const CARDS: CardSpec[] = [
  { n: 1, due: '2026-11-05T17:00:00.000Z', completed: '2026-11-05T10:00:00.000Z' },
  { n: 2, due: '2026-11-06T17:00:00.000Z', completed: '2026-11-07T09:00:00.000Z' },
  { n: 3, due: '2026-11-10T17:00:00.000Z', completed: '2026-11-10T16:00:00.000Z' },
  { n: 4, due: '2026-11-12T17:00:00.000Z' },
  { n: 5, due: '2026-11-30T17:00:00.000Z' },
];
const MAP = { [`trello:${ANN}`]: 'a1' };

async function eventCount(t: TestServer, ws: string): Promise<number> {
  const [r] = await t.deps.db.select({ n: count() }).from(events).where(eq(events.workspaceId, ws));
  return r?.n ?? 0;
}

describe.each(STORE_KINDS)('imports on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  const base = () => `/api/v1/workspaces/${team.ws}/imports`;
  const preview = async (file: Uint8Array, extra: Record<string, unknown> = {}) => {
    const res = await postImport(t, base(), team.owner.token, { format: 'trello', file, ...extra });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Preview;
  };
  const commit = (job: string, file: Uint8Array, extra: Record<string, unknown> = {}) =>
    postImport(t, `${base()}/${job}/commit`, team.owner.token, { file, ...extra });

  beforeAll(async () => {
    t = await startTestServer(kind);
    team = await makeTeam(t, 'imports');
  });
  afterAll(async () => t?.close());

  it('previews a board: counts, unmapped identities with candidates, first events, nothing stored', async () => {
    const p = await preview(trelloBoard(CARDS));
    expect(p.job.status).toBe('pending');
    expect(p.events).toBe(0);
    expect(p.skipped).toHaveLength(5);
    // Ann (assigned every card) and the boss (who created them) are seen; neither is mapped yet.
    expect(p.unmappedIdentities.map((i) => i.id)).toEqual([ANN, 'bbbbbbbbbbbbbbbbbbbbbbbb']);
    expect(p.unmappedIdentities[0]?.candidates).toEqual(['a1', 'a2']);
    const mapped = await preview(trelloBoard(CARDS), { identities: MAP });
    expect(mapped.counts).toEqual({ task: 5 });
    expect(mapped.firstEvents.map((e) => e.assistant)).toEqual(['a1', 'a1', 'a1', 'a1', 'a1']);
    expect(mapped.defaultsUsed.length).toBeGreaterThan(0);
    expect(await eventCount(t, team.ws)).toBe(0);
  });

  it('commits all or nothing, and the metrics API shows the hand-computed on-time rate', async () => {
    const file = trelloBoard(CARDS);
    const p = await preview(file, { identities: MAP });
    const res = await commit(p.job.id, file, { identities: MAP, options: { doneLists: ['Done'] } });
    expect(res.status, await res.clone().text()).toBe(200);
    const job = (await res.json()) as Job;
    expect(job).toMatchObject({ status: 'succeeded', error: null });
    expect(job.counts).toEqual({ events: 5, inserted: 5, updated: 0, unchanged: 0 });
    const m = await call(t, 'GET', `/api/v1/workspaces/${team.ws}/metrics?period=month&assistant=a1`, {
      token: team.owner.token,
    });
    const rows = (await m.json()) as { metric: string; period: string; value: number }[];
    expect(rows.find((r) => r.metric === 'on_time_rate')).toMatchObject({
      period: '2026-11',
      value: 0.5,
      onTime: 2,
      late: 2,
      pending: 1,
    });
    // The mapping became an external identity and the saved options of the source.
    const ids = (await (
      await call(t, 'GET', `/api/v1/workspaces/${team.ws}/identities`, { token: team.owner.token })
    ).json()) as { externalId: string }[];
    expect(ids.map((i) => i.externalId)).toContain(ANN);
    const saved = await call(t, 'GET', `/api/v1/workspaces/${team.ws}/import-options/trello`, {
      token: team.owner.token,
    });
    expect(await saved.json()).toMatchObject({ options: { doneLists: ['Done'] }, identities: MAP });
    // The job reads back; a commit is one audit entry with its counts.
    const got = (await (
      await call(t, 'GET', `${base()}/${p.job.id}`, { token: team.owner.token })
    ).json()) as Job;
    expect(got.status).toBe('succeeded');
    const audit = (await (
      await call(t, 'GET', `/api/v1/workspaces/${team.ws}/audit?limit=50`, { token: team.owner.token })
    ).json()) as { entries: { action: string; after: { inserted?: number } }[] };
    const commits = audit.entries.filter((e) => e.action === 'import.commit');
    expect(commits).toHaveLength(1);
    expect(commits[0]?.after.inserted).toBe(5);
    // A second commit of the same job is a conflict.
    expect((await commit(p.job.id, file)).status).toBe(409);
  });

  it('re-importing the same file changes nothing; an edited card is updated in place', async () => {
    const file = trelloBoard(CARDS);
    // Saved identities are reused: no map this time.
    const again = await preview(file);
    expect(again.counts).toEqual({ task: 5 });
    const r1 = (await (await commit(again.job.id, file)).json()) as Job;
    expect(r1.counts).toEqual({ events: 5, inserted: 0, updated: 0, unchanged: 5 });
    const edited = trelloBoard(CARDS.map((c) => (c.n === 1 ? { ...c, title: 'Card 1, renamed' } : c)));
    const p2 = await preview(edited);
    const r2 = (await (await commit(p2.job.id, edited)).json()) as Job;
    expect(r2.counts).toEqual({ events: 5, inserted: 0, updated: 1, unchanged: 4 });
    expect(await eventCount(t, team.ws)).toBe(5);
  });

  it('a failing commit stores nothing and leaves the job failed with its reason', async () => {
    const other = await makeTeam(t, 'imports-fail');
    const path = `/api/v1/workspaces/${other.ws}/imports`;
    const file = trelloBoard(CARDS);
    const ghost = { [`trello:${ANN}`]: 'ghost' };
    const p = (await (
      await postImport(t, path, other.owner.token, { format: 'trello', file, identities: ghost })
    ).json()) as Preview;
    const res = await postImport(t, `${path}/${p.job.id}/commit`, other.owner.token, {
      file,
      identities: ghost,
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unknown_assistant');
    const job = (await (
      await call(t, 'GET', `${path}/${p.job.id}`, { token: other.owner.token })
    ).json()) as Job;
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('unknown_assistant');
    expect(job.error?.message).toContain('ghost');
    expect(await eventCount(t, other.ws)).toBe(0);
    // A different file than the one previewed is refused before anything runs.
    const wrong = await postImport(t, `${path}/${p.job.id}/commit`, other.owner.token, {
      file: trelloBoard(CARDS.slice(1)),
    });
    expect(wrong.status).toBe(400);
  });

  it('refuses bad uploads: 401, 415, 400, and unreadable files or zips (422)', async () => {
    const file = trelloBoard(CARDS);
    expect((await call(t, 'POST', base(), { body: 'x', type: 'text/plain' })).status).toBe(401);
    const raw = await call(t, 'POST', base(), {
      token: team.owner.token,
      body: file,
      type: 'application/json',
    });
    expect(raw.status).toBe(415);
    const noFormat = await postImport(t, base(), team.owner.token, { file });
    expect(noFormat.status).toBe(400);
    const badOpts = await postImport(t, base(), team.owner.token, {
      format: 'trello',
      file,
      options: { nope: 1 },
    });
    expect(badOpts.status).toBe(400);
    const zip = await postImport(t, base(), team.owner.token, {
      format: 'slack',
      file: new TextEncoder().encode('PK\u0003\u0004 not a zip'),
    });
    expect(zip.status).toBe(422);
    expect(((await zip.json()) as { error: { importCode?: string } }).error).toMatchObject({
      importCode: expect.any(String),
    });
    const badJson = await postImport(t, base(), team.owner.token, {
      format: 'trello',
      file: new Uint8Array([0x7b, 0xff, 0x7d]),
    });
    expect(badJson.status).toBe(422);
  });

  it('answers 413 for a body over the upload limit before reading it', async () => {
    const res = await t.app.request(base(), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${team.owner.token}`,
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(513 * 1024 * 1024),
      },
      body: '--x--',
    });
    expect(res.status).toBe(413);
  });

  it('saves options per source, checks them, and lets only owners and managers change them', async () => {
    const path = `/api/v1/workspaces/${team.ws}/import-options/clockify`;
    const put = await call(t, 'PUT', path, {
      token: team.members.manager.token,
      json: { options: { dateOrder: 'MDY' }, timezone: 'Europe/Berlin' },
    });
    expect(put.status, await put.clone().text()).toBe(200);
    expect(await put.json()).toMatchObject({
      format: 'clockify',
      options: { dateOrder: 'MDY' },
      timezone: 'Europe/Berlin',
    });
    const bad = await call(t, 'PUT', path, {
      token: team.owner.token,
      json: { options: { dateOrder: 'XYZ' } },
    });
    expect(bad.status).toBe(400);
    const zone = await call(t, 'PUT', path, { token: team.owner.token, json: { timezone: 'Mars/Olympus' } });
    expect(zone.status).toBe(400);
    const ids = await call(t, 'PUT', path, {
      token: team.owner.token,
      json: { identities: { 'fax:1': 'a1' } },
    });
    expect(ids.status).toBe(400);
    expect((await call(t, 'PUT', path, { token: team.members.assistant.token, json: {} })).status).toBe(403);
    const got = await call(t, 'GET', path, { token: team.members.viewer.token });
    expect(await got.json()).toMatchObject({ options: { dateOrder: 'MDY' } });
  });

  it('lets an assistant import their own data only, and coaches and viewers only read jobs', async () => {
    const file = trelloBoard(CARDS);
    const me = team.members.assistant.token;
    const own = await postImport(t, base(), me, { format: 'trello', file });
    expect(own.status).toBe(201);
    expect(((await own.json()) as Preview).counts).toEqual({ task: 5 });
    expect((await postImport(t, base(), me, { format: 'trello', file, assistant: 'a2' })).status).toBe(404);
    expect((await postImport(t, base(), team.members.viewer.token, { format: 'trello', file })).status).toBe(
      403,
    );
    expect((await postImport(t, base(), team.members.coach.token, { format: 'trello', file })).status).toBe(
      403,
    );
    const list = await call(t, 'GET', base(), { token: team.members.coach.token });
    expect(list.status).toBe(200);
    expect(((await list.json()) as Job[]).length).toBeGreaterThan(0);
  });

  it('marks a job left running by a crash failed when the server starts', async () => {
    const p = await preview(trelloBoard(CARDS));
    await t.deps.db
      .update(importJobs)
      .set({ status: 'running' })
      .where(and(eq(importJobs.workspaceId, team.ws), eq(importJobs.id, p.job.id)));
    await createAppDeps(t.store, { publicUrl: PUBLIC_URL, logger: pino({ level: 'silent' }) });
    const job = (await (
      await call(t, 'GET', `${base()}/${p.job.id}`, { token: team.owner.token })
    ).json()) as Job;
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('interrupted');
  });
});

/** The real export samples, each through preview and commit, as `src/importers/reimport.test.ts` converts them. */
const REAL: {
  folder: string;
  format: ImportFormat;
  suffix: string;
  options?: unknown;
  identities?: unknown;
}[] = [
  { folder: 'trello', format: 'trello', suffix: '.json' },
  { folder: 'asana', format: 'asana', suffix: '.csv' },
  { folder: 'toggl', format: 'toggl', suffix: '.csv' },
  { folder: 'clockify', format: 'clockify', suffix: '.csv', options: { dateOrder: 'MDY' } },
  { folder: 'slack', format: 'slack', suffix: '.zip', identities: { 'slack:U0BMQB6JE': 'a1' } },
  { folder: 'mbox', format: 'mbox', suffix: '.mbox' },
  { folder: 'jira', format: 'jira', suffix: '' },
  { folder: 'ics', format: 'ics', suffix: '.ics', options: { leave: { all: true } } },
];

describeRealFixtures('real exports through the server', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(STORE_KINDS[STORE_KINDS.length - 1] ?? 'pglite');
  });
  afterAll(async () => t?.close());

  for (const c of REAL)
    for (const name of realFixtureFiles(c.folder, c.suffix))
      it(`${c.folder}/${name}: preview, commit, re-commit unchanged`, async () => {
        const team = await makeTeam(t, 'real');
        const path = `/api/v1/workspaces/${team.ws}/imports`;
        const file = new Uint8Array(readRealFixture(c.folder, name));
        const fields = {
          format: c.format,
          file,
          fileName: name,
          assistant: 'a1',
          options: c.options,
          identities: c.identities,
        };
        const pre = await postImport(t, path, team.owner.token, fields);
        expect(pre.status, await pre.clone().text()).toBe(201);
        const p = (await pre.json()) as Preview;
        const total = Object.values(p.counts).reduce((a, b) => a + b, 0);
        expect(p.events).toBe(total);
        const res = await postImport(t, `${path}/${p.job.id}/commit`, team.owner.token, fields);
        expect(res.status, await res.clone().text()).toBe(200);
        const job = (await res.json()) as Job;
        expect(job.counts).toEqual({ events: total, inserted: total, updated: 0, unchanged: 0 });
        expect(await eventCount(t, team.ws)).toBe(total);
        const again = (await (await postImport(t, path, team.owner.token, fields)).json()) as Preview;
        const re = (await (
          await postImport(t, `${path}/${again.job.id}/commit`, team.owner.token, fields)
        ).json()) as Job;
        expect(re.counts).toEqual({ events: total, inserted: 0, updated: 0, unchanged: total });
        console.info(
          `[server import] ${c.folder}/${name}: ${JSON.stringify(p.counts)}, skipped ${p.skipped.length}`,
        );
      });
});

describe('imports in the OpenAPI document', () => {
  it('documents the multipart upload and every import route', async () => {
    const t = await startTestServer('pglite');
    try {
      const doc = (await (await call(t, 'GET', '/api/v1/openapi.json')).json()) as {
        paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
      };
      expect(
        Object.keys(doc.paths)
          .filter((p) => p.includes('import'))
          .sort(),
      ).toEqual([
        '/api/v1/workspaces/{ws}/import-options/{format}',
        '/api/v1/workspaces/{ws}/imports',
        '/api/v1/workspaces/{ws}/imports/{job}',
        '/api/v1/workspaces/{ws}/imports/{job}/commit',
      ]);
      expect(
        Object.keys(doc.paths['/api/v1/workspaces/{ws}/imports']?.post?.requestBody?.content ?? {}),
      ).toEqual(['multipart/form-data']);
    } finally {
      await t.close();
    }
  });
});
