/**
 * GET …/overview (issue 7's grid) through the API on every store: the open KPIs each role may see,
 * each with only what a grid cell shows, agreeing with GET …/kpis.
 *
 * Worked by hand: a1 (Europe/Berlin) starts the on-time KPI `ot` on Monday 2026-11-23; its baseline
 * runs to 2026-12-06 and a 0.9 target applies from 2026-12-07. On Wednesday 2026-12-16 the last
 * complete week is 2026-W50 with 9 of 10 tasks on time: 0.9 against 0.9, met. Three weeks with a
 * value are too few for a trend (it needs four). `q` (a1) and `b` (a2) are proposed, not agreed;
 * `gone` (a1) was agreed and retired, so the grid leaves it out. The manager and the coach are
 * assigned a1 only, the assistant is a1; the owner and the viewer see both assistants.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

interface Cell {
  id: string;
  assistant: string;
  kpiStatus: string;
  inBaseline: boolean;
  target: number | null;
  latest: { period: string; value: number | null } | null;
  status: string | null;
  trend: { direction: string; p: number } | null;
}
interface Summary {
  kpi: { id: string; status: string };
  inBaseline: boolean;
  target: number | null;
  latest: { period: string; value: number | null } | null;
  status: string | null;
  trend: { direction: string; p: number } | null;
}

function tasks(): string {
  const task = (id: string, due: string, completedAt: string) => ({
    type: 'task',
    id,
    assistant: 'a1',
    title: id,
    labels: [],
    createdAt: '2026-11-20T08:00:00Z',
    dueDate: due,
    completedAt,
    selfInitiated: false,
    priority: false,
  });
  const out = [];
  for (let i = 0; i < 4; i++)
    out.push(task(`w48-${i}`, '2026-11-25', i < 3 ? '2026-11-24T10:00:00Z' : '2026-11-27T10:00:00Z'));
  for (let i = 0; i < 4; i++) out.push(task(`w49-${i}`, '2026-12-02', '2026-12-01T10:00:00Z'));
  for (let i = 0; i < 10; i++)
    out.push(task(`w50-${i}`, '2026-12-09', i < 9 ? '2026-12-08T10:00:00Z' : '2026-12-11T10:00:00Z'));
  return `${out.map((e) => JSON.stringify(e)).join('\n')}\n`;
}

describe.each(STORE_KINDS)('the overview grid through the API on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let base: string;
  const tokenOf = (role: 'owner' | 'manager' | 'assistant' | 'coach' | 'viewer') =>
    role === 'owner' ? team.owner.token : team.members[role].token;
  const send = async (method: string, path: string, token: string, json?: unknown) => {
    const res = await call(t, method, `${base}${path}`, { token, ...(json !== undefined ? { json } : {}) });
    expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
    return res;
  };
  const get = async <T>(path: string, token: string): Promise<T> =>
    (await (await send('GET', path, token)).json()) as T;

  beforeAll(async () => {
    t = await startTestServer(kind);
    t.clock.now = Date.parse('2026-11-23T12:00:00Z');
    team = await makeTeam(t, 'overview');
    base = `/api/v1/workspaces/${team.ws}`;
    const manager = tokenOf('manager');
    const assistant = tokenOf('assistant');
    const ingest = await call(t, 'POST', `${base}/events`, { token: team.owner.token, body: tasks() });
    expect(ingest.status).toBe(200);
    const propose = (token: string, id: string, assistantId: string, metric: string) =>
      send('POST', '/kpis', token, { id, assistant: assistantId, metric, direction: 'higher' });
    await propose(manager, 'ot', 'a1', 'on_time_rate');
    await send('POST', '/kpis/ot/agree', assistant);
    await propose(manager, 'gone', 'a1', 'proactivity');
    await send('POST', '/kpis/gone/agree', assistant);
    await send('POST', '/kpis/gone/retire', manager);
    await propose(assistant, 'q', 'a1', 'quality_score');
    await propose(team.owner.token, 'b', 'a2', 'csat');
    t.clock.now = Date.parse('2026-12-07T12:00:00Z');
    await send('POST', '/kpis/ot/targets', assistant, { value: 0.9 });
    await send('POST', '/kpis/ot/targets/agree', manager);
    t.clock.now = Date.parse('2026-12-16T12:00:00Z');
  });
  afterAll(async () => t?.close());

  it('answers each open KPI with only what a cell shows', async () => {
    const cells = await get<Cell[]>('/overview', tokenOf('owner'));
    expect(cells.map((c) => c.id).sort()).toEqual(['b', 'ot', 'q']);
    expect(cells.find((c) => c.id === 'ot')).toEqual({
      id: 'ot',
      name: 'on_time_rate',
      assistant: 'a1',
      metric: 'on_time_rate',
      kpiStatus: 'active',
      inBaseline: false,
      target: 0.9,
      latest: { period: '2026-W50', value: 0.9 },
      status: 'met',
      trend: null,
    });
    expect(cells.find((c) => c.id === 'q')).toMatchObject({
      assistant: 'a1',
      kpiStatus: 'proposed',
      latest: null,
      status: null,
      trend: null,
    });
  });

  it('agrees with GET /kpis for the same KPIs', async () => {
    const [cells, summaries] = await Promise.all([
      get<Cell[]>('/overview', tokenOf('viewer')),
      get<Summary[]>('/kpis', tokenOf('viewer')),
    ]);
    const open = summaries.filter((s) => s.kpi.status === 'active' || s.kpi.status === 'proposed');
    expect(cells.map((c) => c.id)).toEqual(open.map((s) => s.kpi.id));
    for (const s of open)
      expect(cells.find((c) => c.id === s.kpi.id)).toMatchObject({
        kpiStatus: s.kpi.status,
        inBaseline: s.inBaseline,
        target: s.target,
        latest: s.latest,
        status: s.status,
        trend: s.trend ? { direction: s.trend.direction, p: s.trend.p } : null,
      });
  });

  it('shows each role only the assistants it may see', async () => {
    const ids = async (role: 'owner' | 'manager' | 'assistant' | 'coach' | 'viewer') =>
      (await get<Cell[]>('/overview', tokenOf(role))).map((c) => `${c.assistant}/${c.id}`).sort();
    expect(await ids('viewer')).toEqual(['a1/ot', 'a1/q', 'a2/b']);
    for (const role of ['manager', 'assistant', 'coach'] as const)
      expect(await ids(role), role).toEqual(['a1/ot', 'a1/q']);
    expect(await get<Cell[]>('/overview?assistant=a2', tokenOf('owner'))).toHaveLength(1);
    const outside = await call(t, 'GET', `${base}/overview?assistant=a2`, { token: tokenOf('manager') });
    expect(outside.status).toBe(404);
  });
});
