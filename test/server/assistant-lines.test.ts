/**
 * `assistant` lines of the bulk ingest (SPEC §13 "upserts"): each needs the permission matrix's
 * assistant.create (a new assistant) or assistant.update (a stored one) — an assistant may change
 * neither their own record nor anyone's — and a zone or schedule change in a line without
 * `history` is recorded from today on, so earlier weeks are not rewritten (SPEC §2), as a dated
 * PATCH change is. A line with its own `history` is the whole definition.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

const ndjson = (...lines: object[]) => `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;

interface AssistantView {
  timezone: string;
  schedule: unknown;
  history: unknown[];
}

describe.each(STORE_KINDS)('assistant lines on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let base: string;
  beforeAll(async () => {
    t = await startTestServer(kind);
    team = await makeTeam(t, 'lines');
    base = `/api/v1/workspaces/${team.ws}`;
  });
  afterAll(async () => t?.close());

  const ingest = (token: string, ...lines: object[]) =>
    call(t, 'POST', `${base}/events`, { token, body: ndjson(...lines) });
  const assistant = async (id: string) =>
    (await (
      await call(t, 'GET', `${base}/assistants/${id}`, { token: team.owner.token })
    ).json()) as AssistantView;

  it('refuses assistant lines to roles without assistant.create / assistant.update, per line', async () => {
    const tokyo = { type: 'assistant', id: 'a1', timezone: 'Asia/Tokyo' };
    const own = await ingest(team.members.assistant.token, tokyo);
    expect(own.status).toBe(403);
    expect(await own.json()).toMatchObject({ error: { code: 'forbidden', line: 1 } });
    expect((await assistant('a1')).timezone).toBe('Europe/Berlin');
    // The manager may update a1 (assigned) but neither a2 (not assigned) nor create a9.
    const manager = team.members.manager.token;
    for (const line of [
      { type: 'assistant', id: 'a2', timezone: 'UTC' },
      { type: 'assistant', id: 'a9', timezone: 'UTC' },
    ]) {
      const res = await ingest(manager, line);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: 'forbidden', line: 1 } });
    }
    expect((await ingest(manager, { type: 'assistant', id: 'a1', timezone: 'Europe/Berlin' })).status).toBe(
      200,
    );
    expect((await call(t, 'GET', `${base}/assistants/a9`, { token: team.owner.token })).status).toBe(404);
  });

  it('records a zone or schedule change without history from today on, never rewriting earlier weeks', async () => {
    const owner = team.owner.token;
    // Received Monday 2026-11-09 08:00Z, answered 10:00Z. Berlin (UTC+1), 09:00–17:00: two working
    // hours. Read in Tokyo (UTC+9) it would be 17:00–19:00 local, outside working hours: 0 minutes.
    const request = {
      type: 'request',
      id: 'R1',
      assistant: 'a1',
      channel: 'email',
      receivedAt: '2026-11-09T08:00:00Z',
      firstResponseAt: '2026-11-09T10:00:00Z',
    };
    expect((await ingest(owner, request)).status).toBe(200);
    const week46 = async () =>
      (
        (await (
          await call(t, 'GET', `${base}/metrics?assistant=a1&asOf=2026-11-23T00:00:00Z`, { token: owner })
        ).json()) as { metric: string; period: string; value: number }[]
      ).find((r) => r.metric === 'response_time' && r.period === '2026-W46')?.value;
    expect(await week46()).toBe(120);
    // The server's clock reads 2026-11-23T12:00Z: 21:00 that day in Tokyo.
    expect((await ingest(owner, { type: 'assistant', id: 'a1', timezone: 'Asia/Tokyo' })).status).toBe(200);
    expect(await assistant('a1')).toMatchObject({
      timezone: 'Europe/Berlin',
      history: [{ from: '2026-11-23', timezone: 'Asia/Tokyo' }],
    });
    expect(await week46()).toBe(120);
    // Two days later a schedule change: the zone entry stays, a new entry starts 2026-11-25.
    t.clock.now += 2 * 86_400_000;
    try {
      const later = {
        type: 'assistant',
        id: 'a1',
        timezone: 'Asia/Tokyo',
        schedule: { mon: [['10:00', '18:00']] },
      };
      expect((await ingest(owner, later)).status).toBe(200);
      expect((await ingest(owner, later)).status).toBe(200);
    } finally {
      t.clock.now -= 2 * 86_400_000;
    }
    expect((await assistant('a1')).history).toEqual([
      { from: '2026-11-23', timezone: 'Asia/Tokyo' },
      { from: '2026-11-25', schedule: { mon: [['10:00', '18:00']] } },
    ]);
  });

  it('stores a line that carries its own history as the whole definition', async () => {
    const line = { type: 'assistant', id: 'a2', timezone: 'UTC', history: [] };
    expect((await ingest(team.owner.token, line)).status).toBe(200);
    expect(await assistant('a2')).toMatchObject({ timezone: 'UTC', schedule: null, history: [] });
  });
});
