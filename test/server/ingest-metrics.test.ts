import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeMetrics } from '#core/compute';
import type { AssistantDef, TandemEvent } from '#core/events/event-types';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

const A1: AssistantDef = { id: 'a1', timezone: 'Europe/Berlin' };
const EVENTS: TandemEvent[] = [
  {
    type: 'task',
    id: 'T1',
    assistant: 'a1',
    title: 'Brief',
    category: 'follow-up',
    labels: [],
    createdAt: '2026-11-16T08:00:00Z',
    dueDate: '2026-11-18',
    completedAt: '2026-11-18T20:00:00Z',
    selfInitiated: false,
    priority: false,
  },
  {
    type: 'task',
    id: 'T2',
    assistant: 'a1',
    title: 'Late',
    labels: ['urgent'],
    createdAt: '2026-11-16T08:00:00Z',
    due: '2026-11-17T10:00:00Z',
    completedAt: '2026-11-17T12:00:00Z',
    selfInitiated: false,
    priority: true,
  },
  {
    type: 'request',
    id: 'R1',
    assistant: 'a1',
    channel: 'email',
    receivedAt: '2026-11-17T08:00:00Z',
    firstResponseAt: '2026-11-17T09:30:00Z',
  },
  { type: 'rating', id: 'Q1', assistant: 'a1', ratedAt: '2026-11-18T10:00:00Z', score: 4, client: 'acme' },
  { type: 'pulse', id: 'P1', assistant: 'a1', week: '2026-W47', score: 2, comment: 'tired', shared: false },
];
// SPEC §11: only the assistant writes their pulse answers, so the owner sends everything else.
const NDJSON = `${[{ type: 'assistant', ...A1 }, ...EVENTS.filter((e) => e.type !== 'pulse')]
  .map((e) => JSON.stringify(e))
  .join('\n')}\n`;
const PULSES = `${EVENTS.filter((e) => e.type === 'pulse')
  .map((e) => JSON.stringify(e))
  .join('\n')}\n`;
const AS_OF = '2026-11-23T00:00:00Z';

describe.each(STORE_KINDS)('ingest and metrics on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  beforeAll(async () => {
    t = await startTestServer(kind);
    team = await makeTeam(t);
  });
  afterAll(async () => t?.close());

  it('stores NDJSON all or nothing and answers the counts', async () => {
    const path = `/api/v1/workspaces/${team.ws}/events`;
    const res = await call(t, 'POST', path, { token: team.owner.token, body: NDJSON });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ inserted: 4, updated: 0, unchanged: 0 });
    const again = await call(t, 'POST', path, { token: team.owner.token, body: NDJSON });
    expect(await again.json()).toEqual({ inserted: 0, updated: 0, unchanged: 4 });
    const own = await call(t, 'POST', path, { token: team.members.assistant.token, body: PULSES });
    expect(await own.json()).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
  });

  it('treats an instant written in another offset as unchanged and a real change as updated', async () => {
    const path = `/api/v1/workspaces/${team.ws}/events`;
    const same = { ...EVENTS[3], ratedAt: '2026-11-18T11:00:00+01:00' };
    const changed = { ...EVENTS[2], firstResponseAt: '2026-11-17T10:30:00Z' };
    const res = await call(t, 'POST', path, {
      token: team.owner.token,
      body: `${JSON.stringify(same)}\n${JSON.stringify(changed)}\n`,
    });
    expect(await res.json()).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    const back = await call(t, 'POST', path, {
      token: team.owner.token,
      body: `${JSON.stringify(EVENTS[2])}\n`,
    });
    expect(await back.json()).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
  });

  it('stores a line as its event: null fields and key order do not count, a later line of the same id wins, a clash stores nothing', async () => {
    const own = await makeTeam(t, 'ingest-forms');
    const path = `/api/v1/workspaces/${own.ws}/events`;
    const send = async (lines: object[]) => {
      const res = await call(t, 'POST', path, {
        token: own.owner.token,
        body: `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`,
      });
      return { status: res.status, body: (await res.json()) as unknown };
    };
    const task = EVENTS[0] as TandemEvent;
    expect((await send([task])).body).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    // SPEC §13: equal to the stored event, written with its fields in another order and a null.
    const reordered = Object.fromEntries(Object.entries(task).reverse());
    expect((await send([{ ...reordered, client: null, excluded: null }])).body).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 1,
    });
    const stored = await call(t, 'GET', `${path}/task/${task.id}`, { token: own.owner.token });
    expect(((await stored.json()) as { event: unknown }).event).toEqual(task);
    // SPEC §12: a later line with the same type and id replaces the earlier one.
    const first = { ...task, id: 'T9', title: 'first' };
    const later = { ...task, id: 'T9', title: 'later' };
    expect((await send([first, later])).body).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect((await send([later])).body).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    // An id taken under another key (SPEC §3) is a conflict, and nothing of the file is stored.
    const fresh = { ...task, id: 'T10' };
    const clash = { ...task, source: 'trello', externalId: 'x1' };
    expect((await send([fresh, clash])).status).toBe(409);
    expect((await send([fresh])).body).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
  });

  it('answers metrics equal to computeMetrics on the same events', async () => {
    const res = await call(t, 'GET', `/api/v1/workspaces/${team.ws}/metrics?period=week&asOf=${AS_OF}`, {
      token: team.owner.token,
    });
    expect(res.status).toBe(200);
    const expected = computeMetrics(
      { assistants: [A1, { id: 'a2', timezone: 'America/New_York' }], events: EVENTS.map((e) => ({ ...e })) },
      { period: 'week', asOf: Date.parse(AS_OF) },
    );
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('reflects every change in the next metrics answer (cached rows follow the data version)', async () => {
    const url = `/api/v1/workspaces/${team.ws}/metrics?asOf=${AS_OF}&assistant=a1`;
    const quality = async () =>
      (
        (await (await call(t, 'GET', url, { token: team.owner.token })).json()) as {
          metric: string;
          value: number;
        }[]
      )
        .filter((r) => r.metric === 'quality_score')
        .map((r) => r.value);
    expect(await quality()).toEqual([4]);
    const ev = `/api/v1/workspaces/${team.ws}/events/rating/Q1`;
    expect(
      (await call(t, 'PUT', `${ev}/exclusion`, { token: team.owner.token, json: { reason: 'tool outage' } }))
        .status,
    ).toBe(200);
    expect(await quality()).toEqual([]);
    expect((await call(t, 'DELETE', `${ev}/exclusion`, { token: team.owner.token })).status).toBe(200);
    expect(await quality()).toEqual([4]);
    const put = await call(t, 'PUT', ev, { token: team.owner.token, json: { ...EVENTS[3], score: 2 } });
    expect(put.status).toBe(200);
    expect(await quality()).toEqual([2]);
    await call(t, 'PUT', ev, { token: team.owner.token, json: EVENTS[3] });
    expect(await quality()).toEqual([4]);
    const audit = (await (
      await call(t, 'GET', `/api/v1/workspaces/${team.ws}/audit?limit=5`, { token: team.owner.token })
    ).json()) as {
      entries: { action: string; target: string }[];
    };
    expect(audit.entries.map((e) => e.action)).toContain('event.exclude');
  });

  it('applies the §13 filters and rejects one that cannot apply', async () => {
    const base = `/api/v1/workspaces/${team.ws}/metrics?asOf=${AS_OF}`;
    const res = await call(t, 'GET', `${base}&category=follow-up&assistant=a1`, { token: team.owner.token });
    expect(res.status).toBe(200);
    const rows = (await res.json()) as { metric: string; onTime?: number }[];
    expect(rows).toEqual([
      {
        assistant: 'a1',
        metric: 'on_time_rate',
        period: '2026-W47',
        value: 1,
        onTime: 1,
        late: 0,
        pending: 0,
      },
    ]);
    const bad = await call(t, 'GET', `${base}&channel=email&category=x`, { token: team.owner.token });
    expect(bad.status).toBe(400);
  });

  it('refuses a malformed line with 400 naming it and stores nothing', async () => {
    const path = `/api/v1/workspaces/${team.ws}/events`;
    const body = `${JSON.stringify({ ...EVENTS[3], id: 'NEW1' })}\n{"type":"task",\n`;
    const res = await call(t, 'POST', path, { token: team.owner.token, body });
    expect(res.status).toBe(400);
    const err = (await res.json()) as { error: { code: string; line: number } };
    expect(err.error.line).toBe(2);
    const get = await call(t, 'GET', `/api/v1/workspaces/${team.ws}/events/rating/NEW1`, {
      token: team.owner.token,
    });
    expect(get.status).toBe(404);
  });

  it('answers 422 for an unknown assistant, 415 for a wrong type, 413 over the limit', async () => {
    const path = `/api/v1/workspaces/${team.ws}/events`;
    const unknown = await call(t, 'POST', path, {
      token: team.owner.token,
      body: `${JSON.stringify({ ...EVENTS[3], id: 'X', assistant: 'ghost' })}\n`,
    });
    expect(unknown.status).toBe(422);
    const json = await call(t, 'POST', path, { token: team.owner.token, json: EVENTS[3] });
    expect(json.status).toBe(415);
    const big = await call(t, 'POST', path, {
      token: team.owner.token,
      body: 'x'.repeat(t.deps.limits.ndjsonBytes + 1),
    });
    expect(big.status).toBe(413);
    expect((await call(t, 'GET', '/healthz')).status).toBe(200);
  });

  it('refuses a NUL character with 400 naming the line and field, and keeps serving', async () => {
    const path = `/api/v1/workspaces/${team.ws}/events`;
    const body = `${JSON.stringify({ ...EVENTS[3], id: 'N1', comment: 'a\u0000b' })}\n`;
    const res = await call(t, 'POST', path, { token: team.owner.token, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { line: 1, field: 'comment' } });
    const client = await call(t, 'PUT', `/api/v1/workspaces/${team.ws}/clients/x`, {
      token: team.owner.token,
      json: { name: 'a\u0000b' },
    });
    expect(client.status).toBe(400);
    expect((await call(t, 'GET', '/healthz')).status).toBe(200);
  });

  it('never shows a private pulse answer to anyone but its assistant', async () => {
    const path = `/api/v1/workspaces/${team.ws}/events/pulse/P1`;
    expect((await call(t, 'GET', path, { token: team.owner.token })).status).toBe(404);
    expect((await call(t, 'GET', path, { token: team.members.manager.token })).status).toBe(404);
    const own = await call(t, 'GET', path, { token: team.members.assistant.token });
    expect(own.status).toBe(200);
    const list = await call(t, 'GET', `/api/v1/workspaces/${team.ws}/events?type=pulse`, {
      token: team.owner.token,
    });
    expect(((await list.json()) as { items: unknown[] }).items).toEqual([]);
    const audit = await call(t, 'GET', `/api/v1/workspaces/${team.ws}/audit`, { token: team.owner.token });
    expect(JSON.stringify(await audit.json())).not.toContain('tired');
  });
});
