/**
 * SPEC §11: a private pulse answer reaches no one but its assistant, owners included — not through
 * reads, and not through any write either: replacing, deleting or (un)excluding it answers 404 to
 * everyone else, only the assistant writes their pulses (single events and the bulk ingest), and
 * a scoped writer cannot overwrite an event outside their scope by reusing its storage key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

const PRIVATE = {
  type: 'pulse',
  id: 'P1',
  assistant: 'a1',
  week: '2026-W47',
  score: 2,
  comment: 'tired',
  shared: false,
};
const SHARED = { ...PRIVATE, id: 'S1', score: 4, comment: 'fine', shared: true };
const TASK = {
  type: 'task',
  id: 'T9',
  assistant: 'a2',
  title: 'Other',
  labels: [],
  createdAt: '2026-11-16T08:00:00Z',
  selfInitiated: false,
  priority: false,
  source: 'trello',
  externalId: 'card-9',
};

const ndjson = (...lines: object[]) => `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;

describe.each(STORE_KINDS)('private pulse answers on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let base: string;
  let mine: string;
  beforeAll(async () => {
    t = await startTestServer(kind);
    team = await makeTeam(t, 'pulse');
    base = `/api/v1/workspaces/${team.ws}`;
    mine = team.members.assistant.token;
    const res = await call(t, 'POST', `${base}/events`, { token: mine, body: ndjson(PRIVATE) });
    expect(await res.json()).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect((await call(t, 'POST', `${base}/events/pulse`, { token: mine, json: SHARED })).status).toBe(201);
    expect(
      (await call(t, 'POST', `${base}/events/task`, { token: team.owner.token, json: TASK })).status,
    ).toBe(201);
  });
  afterAll(async () => t?.close());

  const stored = async () => {
    const res = await call(t, 'GET', `${base}/events/pulse/P1`, { token: mine });
    return ((await res.json()) as { event: object }).event;
  };

  it('answers 404 to every change of a private answer by anyone but its assistant, revealing nothing', async () => {
    const path = `${base}/events/pulse/P1`;
    for (const who of [team.owner.token, team.members.manager.token]) {
      const answers = [
        await call(t, 'PUT', `${path}/exclusion`, { token: who, json: { reason: 'tool outage' } }),
        await call(t, 'DELETE', `${path}/exclusion`, { token: who }),
        await call(t, 'PUT', path, { token: who, json: { ...PRIVATE, score: 5, comment: 'great' } }),
        await call(t, 'DELETE', path, { token: who }),
      ];
      for (const res of answers) {
        expect(res.status).toBe(404);
        expect(await res.text()).not.toContain('tired');
      }
    }
    expect(await stored()).toEqual(PRIVATE);
  });

  it('lets only the assistant write pulses, with one answer whether or not the id is taken', async () => {
    for (const id of ['P1', 'P-new']) {
      const single = await call(t, 'POST', `${base}/events/pulse`, {
        token: team.owner.token,
        json: { ...PRIVATE, id, score: 5 },
      });
      expect(single.status).toBe(403);
      expect(((await single.json()) as { error: { code: string } }).error.code).toBe('pulse_self_only');
      // The bulk ingest: an equal line would have been "unchanged", a different one "updated".
      for (const line of [PRIVATE, { ...PRIVATE, score: 5, comment: 'great' }]) {
        const bulk = await call(t, 'POST', `${base}/events`, {
          token: team.owner.token,
          body: ndjson({ ...line, id }),
        });
        expect(bulk.status).toBe(403);
        expect(await bulk.json()).toMatchObject({ error: { code: 'pulse_self_only', line: 1 } });
      }
    }
    expect(await stored()).toEqual(PRIVATE);
    // A shared answer is visible to the owner, yet still only its assistant changes or removes it.
    const shared = `${base}/events/pulse/S1`;
    expect((await call(t, 'GET', shared, { token: team.owner.token })).status).toBe(200);
    expect(
      (await call(t, 'PUT', shared, { token: team.owner.token, json: { ...SHARED, score: 1 } })).status,
    ).toBe(403);
    expect((await call(t, 'DELETE', shared, { token: team.owner.token })).status).toBe(403);
  });

  it('lets the assistant exclude and change their own private answer', async () => {
    const path = `${base}/events/pulse/P1`;
    const ex = await call(t, 'PUT', `${path}/exclusion`, { token: mine, json: { reason: 'sick week' } });
    expect(ex.status).toBe(200);
    expect(((await ex.json()) as { event: object }).event).toEqual({ ...PRIVATE, excluded: 'sick week' });
    const put = await call(t, 'PUT', path, { token: mine, json: { ...PRIVATE, score: 3 } });
    expect(put.status).toBe(200);
    expect(await stored()).toEqual({ ...PRIVATE, score: 3 });
    const audit = await call(t, 'GET', `${base}/audit?limit=50`, { token: team.owner.token });
    expect(await audit.text()).not.toContain('tired');
  });

  it("refuses a scoped writer's event that reuses the key of an event outside their scope", async () => {
    // The manager is assigned a1 only; T9 belongs to a2 (SPEC §3 key: type, source, externalId).
    const steal = { ...TASK, id: 'T10', assistant: 'a1' };
    const bulk = await call(t, 'POST', `${base}/events`, {
      token: team.members.manager.token,
      body: ndjson(steal),
    });
    expect(bulk.status).toBe(409);
    expect(await bulk.json()).toMatchObject({ error: { code: 'conflict', line: 1 } });
    // A replacement whose new source/externalId names another stored event is refused too.
    const own = { ...TASK, id: 'T11', assistant: 'a1', source: undefined, externalId: undefined };
    expect(
      (await call(t, 'POST', `${base}/events/task`, { token: team.owner.token, json: own })).status,
    ).toBe(201);
    const moved = await call(t, 'PUT', `${base}/events/task/T11`, {
      token: team.members.manager.token,
      json: { ...own, source: 'trello', externalId: 'card-9' },
    });
    expect(moved.status).toBe(409);
    const t9 = await call(t, 'GET', `${base}/events/task/T9`, { token: team.owner.token });
    expect(((await t9.json()) as { event: { assistant: string } }).event.assistant).toBe('a2');
  });
});
