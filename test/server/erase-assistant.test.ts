/**
 * One assistant's data exported and erased when they leave (SPEC §11). The export carries their
 * KPIs, identities, check-ins, reviews and development plans besides their events; erasure leaves nothing that names them — no KPI, import
 * job, saved identity mapping, invitation, identity or audit content — and removes the login that
 * was them instead of turning it into a viewer who could read every other assistant.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#db/client';
import { postImport, trelloBoard } from './import-helpers.ts';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

const TASK = {
  type: 'task',
  id: 'T1',
  assistant: 'a1',
  title: 'Brief',
  labels: [],
  createdAt: '2026-11-16T08:00:00Z',
  selfInitiated: false,
  priority: false,
  dueDate: '2026-11-18',
};
const PULSE = {
  type: 'pulse',
  id: 'P1',
  assistant: 'a1',
  week: '2026-W47',
  score: 2,
  comment: 'tired',
  shared: false,
};

async function count(t: TestServer, query: ReturnType<typeof sql>): Promise<number> {
  const rows = await queryRows<{ n: number | string }>(t.store.db, query);
  return Number(rows[0]?.n);
}

describe.each(STORE_KINDS)("erasing one assistant's data on %s", (kind) => {
  let t: TestServer;
  let team: Team;
  let base: string;
  beforeAll(async () => {
    t = await startTestServer(kind);
    team = await makeTeam(t, 'erase');
    base = `/api/v1/workspaces/${team.ws}`;
    const owner = team.owner.token;
    const ok = async (res: Promise<Response>) => {
      const r = await res;
      expect(r.status, await r.clone().text()).toBeLessThan(300);
    };
    await ok(call(t, 'POST', `${base}/events/task`, { token: owner, json: TASK }));
    await ok(
      call(t, 'POST', `${base}/events/task`, { token: owner, json: { ...TASK, id: 'T2', assistant: 'a2' } }),
    );
    await ok(call(t, 'POST', `${base}/events/pulse`, { token: team.members.assistant.token, json: PULSE }));
    await ok(call(t, 'PUT', `${base}/identities/slack/U1`, { token: owner, json: { assistantId: 'a1' } }));
    await ok(
      call(t, 'POST', `${base}/kpis`, {
        token: owner,
        json: { id: 'k1', assistant: 'a1', metric: 'on_time_rate', direction: 'higher' },
      }),
    );
    await ok(
      call(t, 'PUT', `${base}/import-options/trello`, {
        token: owner,
        json: { identities: { 'trello:m1': 'a1', 'trello:m2': 'a2' } },
      }),
    );
    await ok(
      postImport(t, `${base}/imports`, owner, {
        format: 'trello',
        file: trelloBoard([{ n: 1, due: '2026-11-20T17:00:00.000Z' }]),
        assistant: 'a1',
      }),
    );
    await ok(
      call(t, 'POST', `${base}/invitations`, {
        token: owner,
        json: { email: 'second-login@example.com', role: 'assistant', assistantId: 'a1' },
      }),
    );
    // SPEC §8: their check-ins (with an action item) and a review go with them.
    const checkin = await call(t, 'POST', `${base}/checkins`, { token: owner, json: { assistant: 'a1' } });
    expect(checkin.status).toBe(201);
    const { id } = (await checkin.json()) as { id: string };
    await ok(
      call(t, 'POST', `${base}/checkins/${id}/action-items`, {
        token: owner,
        json: { text: 'x', owner: team.owner.userId, dueDate: '2026-11-30' },
      }),
    );
    await ok(
      call(t, 'POST', `${base}/reviews`, { token: owner, json: { assistant: 'a1', month: '2026-11' } }),
    );
    // SPEC §8: and their development plan with its item.
    await ok(
      call(t, 'POST', `${base}/development-plans`, {
        token: owner,
        json: {
          assistant: 'a1',
          title: 'Clearer briefs',
          items: [{ kind: 'practice_task', title: 'x', owner: team.owner.userId, dueDate: '2026-12-30' }],
        },
      }),
    );
  });
  afterAll(async () => t?.close());

  it('exports their KPIs, identities, check-ins, reviews and development plans after their events', async () => {
    const res = await call(t, 'GET', `${base}/assistants/a1/export`, { token: team.members.assistant.token });
    expect(res.status).toBe(200);
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.type)).toEqual([
      'assistant',
      'task',
      'pulse',
      'kpi',
      'identity',
      'checkin',
      'review',
      'developmentPlan',
    ]);
    expect(lines[5]).toMatchObject({ type: 'checkin', assistant: 'a1', items: [{ text: 'x' }] });
    expect(lines[6]).toMatchObject({ type: 'review', assistant: 'a1', month: '2026-11' });
    expect(lines[7]).toMatchObject({
      type: 'developmentPlan',
      title: 'Clearer briefs',
      items: [{ kind: 'practice_task', status: 'planned' }],
    });
    expect(lines[3]).toMatchObject({
      type: 'kpi',
      id: 'k1',
      assistant: 'a1',
      metric: 'on_time_rate',
      targets: [],
    });
    expect(lines[4]).toEqual({ type: 'identity', assistant: 'a1', provider: 'slack', externalId: 'U1' });
  });

  it('removes everything that names them and the login that was them', async () => {
    const who = team.members.assistant;
    const erased = await call(t, 'DELETE', `${base}/assistants/a1`, {
      token: team.owner.token,
      json: { confirm: 'a1' },
    });
    expect(erased.status).toBe(204);
    // Their API token is revoked; no membership is left to read a2 with.
    expect((await call(t, 'GET', `${base}/assistants`, { token: who.token })).status).toBe(401);
    const members = (await (await call(t, 'GET', `${base}/members`, { token: team.owner.token })).json()) as {
      userId: string;
    }[];
    expect(members.map((m) => m.userId)).not.toContain(who.userId);
    const ws = team.ws;
    for (const [name, q] of [
      ['kpis', sql`select count(*) as n from kpis where workspace_id = ${ws}`],
      ['kpi_targets', sql`select count(*) as n from kpi_targets where workspace_id = ${ws}`],
      ['import_jobs', sql`select count(*) as n from import_jobs where workspace_id = ${ws}`],
      ['checkins', sql`select count(*) as n from checkins where workspace_id = ${ws}`],
      ['action_items', sql`select count(*) as n from action_items where workspace_id = ${ws}`],
      ['reviews', sql`select count(*) as n from reviews where workspace_id = ${ws}`],
      ['development_plans', sql`select count(*) as n from development_plans where workspace_id = ${ws}`],
      ['development_items', sql`select count(*) as n from development_items where workspace_id = ${ws}`],
      [
        'invitations',
        sql`select count(*) as n from invitations where workspace_id = ${ws} and assistant_id = 'a1'`,
      ],
      ['identities', sql`select count(*) as n from identities where workspace_id = ${ws}`],
      ['events', sql`select count(*) as n from events where workspace_id = ${ws} and assistant_id = 'a1'`],
      ['sessions', sql`select count(*) as n from sessions where user_id = ${who.userId}`],
    ] as const)
      expect(await count(t, q), name).toBe(0);
    const options = await call(t, 'GET', `${base}/import-options/trello`, { token: team.owner.token });
    expect(((await options.json()) as { identities: unknown }).identities).toEqual({ 'trello:m2': 'a2' });
    // a2 and their data stay.
    expect((await call(t, 'GET', `${base}/events/task/T2`, { token: team.owner.token })).status).toBe(200);
    const audit = (await (
      await call(t, 'GET', `${base}/audit?limit=500`, { token: team.owner.token })
    ).json()) as {
      entries: { action: string; target: string | null; before: unknown; after: unknown }[];
    };
    const content = JSON.stringify(audit.entries.map((e) => [e.before, e.after]));
    expect(content).not.toContain('"a1"');
    expect(content).not.toContain('tired');
    expect(audit.entries[0]).toMatchObject({
      action: 'assistant.erase',
      target: 'assistant:a1',
      after: {
        events: 2,
        kpis: 1,
        identities: 1,
        importJobs: 1,
        importMappings: 1,
        invitations: 2,
        members: 1,
      },
    });
  });
});
