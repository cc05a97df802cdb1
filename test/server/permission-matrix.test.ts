/**
 * Walks EVERY registered route × every role × own/other workspace and compares the answer with
 * the permission matrix: other workspace → 404; a role without the action → 403; a role with it →
 * neither 401, 403 nor 404. A route with no row in the matrix fails here. Also: every non-public
 * route answers 401 without credentials and 400 for an unknown query parameter.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '#db/schema/members';
import { notifications } from '#db/schema/notifications';
import { ACTIONS, PERMISSIONS, ROUTE_POLICIES, scopeOf } from '#server/policies/permission-matrix';
import { listApiTokens } from '#services/auth/api-tokens';
import { createInvitation } from '#services/members/invitations';
import { postImport, trelloBoard } from './import-helpers.ts';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

const TASK = {
  type: 'task',
  id: 'T1',
  assistant: 'a1',
  title: 'x',
  labels: [],
  createdAt: '2026-11-16T08:00:00Z',
  dueDate: '2026-11-18',
  selfInitiated: false,
  priority: false,
};

interface Fixture {
  team: Team;
  invitationId: string;
  importJobId: string;
  checkinId: string;
  actionItemId: string;
  reviewId: string;
  planId: string;
  planItemId: string;
  sampleId: string;
  quarterlyReviewId: string;
  connectionId: string;
  webhookEndpointId: string;
}

async function fixture(t: TestServer): Promise<Fixture> {
  const team = await makeTeam(t, 'walk');
  const owner = team.owner.token;
  await call(t, 'PUT', `/api/v1/workspaces/${team.ws}/clients/c1`, {
    token: owner,
    json: { name: 'Client' },
  });
  await call(t, 'PUT', `/api/v1/workspaces/${team.ws}/identities/email/a1@example.com`, {
    token: owner,
    json: { assistantId: 'a1' },
  });
  await call(t, 'POST', `/api/v1/workspaces/${team.ws}/events/task`, { token: owner, json: TASK });
  await call(t, 'POST', `/api/v1/workspaces/${team.ws}/kpis`, {
    token: owner,
    json: { id: 'k1', assistant: 'a1', metric: 'on_time_rate', direction: 'higher' },
  });
  const inv = await createInvitation(
    t.deps,
    { userId: team.owner.userId, workspaceId: team.ws, role: 'owner', assistantId: null },
    { email: 'later@example.com', role: 'viewer' },
  );
  const upload = await postImport(t, `/api/v1/workspaces/${team.ws}/imports`, owner, {
    format: 'trello',
    file: trelloBoard([{ n: 1, due: '2026-11-20T17:00:00.000Z' }]),
    assistant: 'a1',
  });
  const job = ((await upload.json()) as { job: { id: string } }).job.id;
  // SPEC §8: a check-in with an action item and an open review of a1.
  const checkin = await call(t, 'POST', `/api/v1/workspaces/${team.ws}/checkins`, {
    token: owner,
    json: { assistant: 'a1' },
  });
  const checkinId = ((await checkin.json()) as { id: string }).id;
  const item = await call(t, 'POST', `/api/v1/workspaces/${team.ws}/checkins/${checkinId}/action-items`, {
    token: owner,
    json: { text: 'x', owner: team.owner.userId, dueDate: '2026-11-30' },
  });
  const review = await call(t, 'POST', `/api/v1/workspaces/${team.ws}/reviews`, {
    token: owner,
    json: { assistant: 'a1', month: '2026-11' },
  });
  // SPEC §8: a development plan of a1 with one item.
  const plan = await call(t, 'POST', `/api/v1/workspaces/${team.ws}/development-plans`, {
    token: owner,
    json: {
      assistant: 'a1',
      title: 'x',
      items: [{ kind: 'course', title: 'x', owner: team.owner.userId, dueDate: '2026-12-30' }],
    },
  });
  const planBody = (await plan.json()) as { id: string; items: { id: string }[] };
  // A task of a1 completed last week, drawn into the weekly quality sample on first read.
  await call(t, 'POST', `/api/v1/workspaces/${team.ws}/events/task`, {
    token: owner,
    json: { ...TASK, id: 'TQ', completedAt: '2026-11-18T10:00:00Z' },
  });
  const samples = await call(t, 'GET', `/api/v1/workspaces/${team.ws}/quality-samples?assistant=a1`, {
    token: owner,
  });
  const sampleId = ((await samples.json()) as { id: string }[])[0]?.id ?? 'none';
  const quarterly = await call(t, 'POST', `/api/v1/workspaces/${team.ws}/quarterly-reviews`, {
    token: owner,
    json: { assistant: 'a1', quarter: '2026-Q3' },
  });
  // Issue 8 item 8: one notification of each member's own, to mark read.
  for (const role of ROLES)
    await t.deps.db.insert(notifications).values({
      workspaceId: team.ws,
      id: `n-walk-${role}`,
      userId: tokenOf(team, role).userId,
      kind: 'review_due',
      key: `walk:${role}`,
      title: 'x',
      body: 'x',
      createdAt: new Date(t.clock.now),
    });
  // Issue 9: a live connection to read, change, rotate and remove.
  const conn = await call(t, 'POST', `/api/v1/workspaces/${team.ws}/connections`, {
    token: owner,
    json: { provider: 'slack', name: 'Slack', secret: 'walk-secret-123' },
  });
  const connectionId = ((await conn.json()) as { connection: { id: string } }).connection.id;
  // Issue 9 item 5: an outbound webhook endpoint.
  const endpoint = await call(t, 'POST', `/api/v1/workspaces/${team.ws}/webhook-endpoints`, {
    token: owner,
    json: { url: 'https://hooks.example.com/tandem', events: ['review.signed'] },
  });
  const webhookEndpointId = ((await endpoint.json()) as { endpoint: { id: string } }).endpoint.id;
  return {
    team,
    connectionId,
    webhookEndpointId,
    planId: planBody.id,
    planItemId: planBody.items[0]?.id ?? 'none',
    sampleId,
    quarterlyReviewId: ((await quarterly.json()) as { id: string }).id,
    invitationId: inv.invitation.id,
    importJobId: job,
    checkinId,
    actionItemId: ((await item.json()) as { id: string }).id,
    reviewId: ((await review.json()) as { id: string }).id,
  };
}

function tokenOf(team: Team, role: (typeof ROLES)[number]): { userId: string; token: string } {
  return role === 'owner' ? team.owner : team.members[role];
}

async function fill(t: TestServer, path: string, f: Fixture, role: (typeof ROLES)[number], ws: string) {
  const who = tokenOf(f.team, role);
  const tokens = await listApiTokens(t.deps, f.team.ws, who.userId);
  const values: Record<string, string> = {
    ws,
    id: path.includes('/clients/')
      ? 'c1'
      : path.includes('/webhook-endpoints/')
        ? f.webhookEndpointId
        : path.includes('/invitations/')
          ? f.invitationId
          : path.includes('/notifications/')
            ? `n-walk-${role}`
            : path.includes('/connections/')
              ? f.connectionId
              : path.includes('/tokens/')
                ? (tokens[0]?.id ?? 'none')
                : path.includes('/kpis/')
                  ? 'k1'
                  : path.includes('/checkins/')
                    ? f.checkinId
                    : path.includes('/action-items/')
                      ? f.actionItemId
                      : path.includes('/quarterly-reviews/')
                        ? f.quarterlyReviewId
                        : path.includes('/reviews/')
                          ? f.reviewId
                          : path.includes('/development-plans/')
                            ? f.planId
                            : path.includes('/development-items/')
                              ? f.planItemId
                              : path.includes('/quality-samples/')
                                ? f.sampleId
                                : path.includes('/events/')
                                  ? 'T1'
                                  : 'a1',
    userId: f.team.members.manager.userId,
    assistantId: 'a1',
    type: 'task',
    provider: 'email',
    externalId: 'a1@example.com',
    file: 'init.js',
    job: f.importJobId,
    format: 'trello',
  };
  return path.replace(/:(\w+)/g, (_, k: string) => encodeURIComponent(values[k] ?? k));
}

describe('the permission matrix as data (SPEC §1)', () => {
  const isRead = (a: string) => a.endsWith('.read');
  it('gives owners every action on the whole workspace', () => {
    for (const a of ACTIONS) expect(PERMISSIONS[a].owner).toBe('all');
  });
  it('lets viewers and coaches read only, never change', () => {
    for (const a of ACTIONS) {
      if (a === 'token.manage') continue;
      // SPEC §1: a coach comments on their assistants' reviews (co-authors them); a viewer does not.
      if (a === 'review.comment') {
        expect(PERMISSIONS[a]).toMatchObject({ coach: 'assigned', viewer: null });
        continue;
      }
      // SPEC §8: the manager, coach and assistant make a development plan together.
      if (a === 'development.write') {
        expect(PERMISSIONS[a]).toMatchObject({ coach: 'assigned', viewer: null });
        continue;
      }
      if (!isRead(a)) {
        expect(PERMISSIONS[a].viewer, a).toBeNull();
        expect(PERMISSIONS[a].coach, a).toBeNull();
      }
    }
  });
  it('lets only owners fill a workspace with demo data', () => {
    expect(PERMISSIONS['workspace.demo']).toEqual({
      owner: 'all',
      manager: null,
      assistant: null,
      coach: null,
      viewer: null,
    });
    expect(ROUTE_POLICIES['POST /api/v1/workspaces/{ws}/demo']).toBe('workspace.demo');
  });
  it('limits managers and coaches to assigned assistants and assistants to themselves', () => {
    for (const a of ACTIONS.filter(
      (x) =>
        x.startsWith('event.') ||
        x.startsWith('metrics.') ||
        x.startsWith('checkin.') ||
        x.startsWith('review.') ||
        x.startsWith('development.') ||
        x.startsWith('report.') ||
        x === 'assistant.read',
    )) {
      expect(['assigned', null]).toContain(PERMISSIONS[a].manager);
      expect(['assigned', null]).toContain(PERMISSIONS[a].coach);
      expect(['self', null]).toContain(PERMISSIONS[a].assistant);
    }
  });
});

describe.each(STORE_KINDS)('permission matrix on %s', (kind) => {
  let t: TestServer;
  let shared: Fixture;
  let other: Fixture;
  let routes: { method: string; path: string; key: string }[];

  beforeAll(async () => {
    t = await startTestServer(kind);
    shared = await fixture(t);
    other = await fixture(t);
    const seen = new Set<string>();
    routes = [];
    for (const r of t.app.routes) {
      if (r.method === 'ALL') continue;
      const key = `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      routes.push({ method: r.method, path: r.path, key });
    }
  });
  afterAll(async () => t?.close());

  it('has a matrix row for every registered route and a route for every row', () => {
    const keys = new Set(routes.map((r) => r.key));
    expect(routes.filter((r) => ROUTE_POLICIES[r.key] === undefined).map((r) => r.key)).toEqual([]);
    expect(Object.keys(ROUTE_POLICIES).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('answers every workspace route per the matrix for every role, in its own and another workspace', async () => {
    const failures: string[] = [];
    for (const r of routes) {
      const policy = ROUTE_POLICIES[r.key];
      if (!policy || policy === 'public' || policy === 'signed-in') continue;
      for (const role of ROLES) {
        const token = tokenOf(shared.team, role).token;
        const foreign = await fill(t, r.path, shared, role, other.team.ws);
        const res = await call(t, r.method, foreign, { token });
        if (res.status !== 404) failures.push(`${r.key} as ${role} in another workspace: ${res.status}`);
        // Changes run on a fresh team so one role's success does not change the next one's answer.
        const f = r.method === 'GET' ? shared : await fixture(t);
        const path = await fill(t, r.path, f, role, f.team.ws);
        const own = await call(t, r.method, path, { token: tokenOf(f.team, role).token });
        const allowed = scopeOf(role, policy) !== null;
        if (!allowed && own.status !== 403)
          failures.push(`${r.key} as ${role}: ${own.status}, matrix says 403`);
        if (allowed && [401, 403, 404].includes(own.status))
          failures.push(`${r.key} as ${role}: ${own.status}, matrix allows it`);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('hides assistants outside a scoped role from reads and refuses writes to them', async () => {
    const ws = shared.team.ws;
    const owner = shared.team.owner.token;
    await call(t, 'POST', `/api/v1/workspaces/${ws}/events/task`, {
      token: owner,
      json: { ...TASK, id: 'T2', assistant: 'a2' },
    });
    for (const role of ['manager', 'assistant', 'coach'] as const) {
      const token = shared.team.members[role].token;
      expect((await call(t, 'GET', `/api/v1/workspaces/${ws}/assistants/a2`, { token })).status).toBe(404);
      expect((await call(t, 'GET', `/api/v1/workspaces/${ws}/events/task/T2`, { token })).status).toBe(404);
      const list = (await (
        await call(t, 'GET', `/api/v1/workspaces/${ws}/assistants`, { token })
      ).json()) as { id: string }[];
      expect(list.map((a) => a.id)).toEqual(['a1']);
      const events = (await (await call(t, 'GET', `/api/v1/workspaces/${ws}/events`, { token })).json()) as {
        items: { event: { assistant: string } }[];
      };
      expect(events.items.every((e) => e.event.assistant === 'a1')).toBe(true);
      const metrics = await call(t, 'GET', `/api/v1/workspaces/${ws}/metrics?assistant=a2`, { token });
      expect(metrics.status).toBe(404);
    }
    const ingest = await call(t, 'POST', `/api/v1/workspaces/${ws}/events`, {
      token: shared.team.members.manager.token,
      body: `${JSON.stringify({ ...TASK, id: 'T3', assistant: 'a2' })}\n`,
    });
    expect(ingest.status).toBe(403);
    const viewerList = (await (
      await call(t, 'GET', `/api/v1/workspaces/${ws}/assistants`, { token: shared.team.members.viewer.token })
    ).json()) as { id: string }[];
    expect(viewerList.map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it('answers 401 on every non-public route without credentials and 400 for an unknown query field', async () => {
    const failures: string[] = [];
    for (const r of routes) {
      const policy = ROUTE_POLICIES[r.key];
      const path = await fill(t, r.path, shared, 'owner', shared.team.ws);
      if (policy !== 'public') {
        const anon = await call(t, r.method, path);
        if (anon.status !== 401) failures.push(`${r.key} without credentials: ${anon.status}`);
      }
      if (!r.path.startsWith('/api/v1/') || r.key === 'GET /api/v1/openapi.json') continue;
      const bad = await call(t, r.method, `${path}?bogus=1`, { token: shared.team.owner.token });
      const body = (await bad.json()) as { error?: { code?: string } };
      if (bad.status !== 400 || body.error?.code !== 'validation_failed')
        failures.push(`${r.key} with ?bogus=1: ${bad.status}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
