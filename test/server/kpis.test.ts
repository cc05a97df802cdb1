/**
 * The KPI lifecycle through the API (SPEC §5–§7, issue 6), as manager and as assistant, on every
 * store: propose → both agree → baseline (a target is refused with its end date) → suggested target
 * after 14 days → target → status per bucket → the sixth activation refused → retire and replace;
 * 20 concurrent agreements never pass the limit nor activate one KPI twice.
 *
 * Worked by hand: a1 (Europe/Berlin) starts the on-time KPI on Monday 2026-11-23, so the baseline
 * runs to 2026-12-06 and targets apply from 2026-12-07. Baseline weeks: 2026-W48 has 3 of 4 tasks
 * on time (0.75), 2026-W49 4 of 4 (1.0); pooled 7 / 8 = 0.875. Suggested target (rates): 0.875 +
 * 25 % × (1 − 0.875) = 0.90625. 2026-W50 has 9 of 10 on time = 0.9 against the 0.9 target: met.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportWorkspace } from '#services/archive/export-workspace';
import { restoreWorkspace } from '#services/archive/restore-workspace';
import { createApiToken } from '#services/auth/api-tokens';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

interface KpiBody {
  id: string;
  status: string;
  proposedBy: string;
  startDate?: string;
  targets: { value: number; effectiveFrom: string; setBy: string }[];
  replacedBy?: string;
}
interface Change {
  kpi: KpiBody;
  replaced?: KpiBody | null;
  advice: { id: string; title: string; message: string }[];
}
interface ErrorBody {
  error: { code: string; message: string; baselineEnds?: string; targetsFrom?: string; limit?: number };
}

function task(id: string, due: string, completedAt: string) {
  return {
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
  };
}

function tasks(): string {
  const out = [];
  for (let i = 0; i < 4; i++)
    out.push(task(`w48-${i}`, '2026-11-25', i < 3 ? '2026-11-24T10:00:00Z' : '2026-11-27T10:00:00Z'));
  for (let i = 0; i < 4; i++) out.push(task(`w49-${i}`, '2026-12-02', '2026-12-01T10:00:00Z'));
  for (let i = 0; i < 10; i++)
    out.push(task(`w50-${i}`, '2026-12-09', i < 9 ? '2026-12-08T10:00:00Z' : '2026-12-11T10:00:00Z'));
  return `${out.map((e) => JSON.stringify(e)).join('\n')}\n`;
}

describe.each(STORE_KINDS)('KPIs through the API on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let base: string;
  const as = (role: 'manager' | 'assistant' | 'coach' | 'viewer') => team.members[role].token;
  const req = async <T>(method: string, path: string, token: string, json?: unknown) => {
    const res = await call(t, method, `${base}${path}`, { token, ...(json !== undefined ? { json } : {}) });
    return { status: res.status, body: (await res.json()) as T };
  };

  beforeAll(async () => {
    t = await startTestServer(kind);
    t.clock.now = Date.parse('2026-11-23T12:00:00Z');
    team = await makeTeam(t, 'kpis');
    base = `/api/v1/workspaces/${team.ws}`;
    const ingest = await call(t, 'POST', `${base}/events`, { token: team.owner.token, body: tasks() });
    expect(ingest.status).toBe(200);
  });
  afterAll(async () => t?.close());

  it('runs the lifecycle: propose, agree both sides, baseline, suggested target, target, status per bucket', async () => {
    const proposed = await req<Change>('POST', '/kpis', as('assistant'), {
      id: 'ot',
      assistant: 'a1',
      name: 'On-time completion',
      metric: 'on_time_rate',
      direction: 'higher',
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body.kpi).toMatchObject({ id: 'ot', status: 'proposed', proposedBy: 'assistant' });
    expect(proposed.body.advice).toEqual([]);

    const again = await req<ErrorBody>('POST', '/kpis/ot/agree', as('assistant'));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');

    const agreed = await req<Change>('POST', '/kpis/ot/agree', as('manager'));
    expect(agreed.status).toBe(200);
    expect(agreed.body.kpi).toMatchObject({ status: 'active', startDate: '2026-11-23' });

    const early = await req<ErrorBody>('POST', '/kpis/ot/targets', as('manager'), { value: 0.9 });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({
      code: 'baseline_in_progress',
      baselineEnds: '2026-12-06',
      targetsFrom: '2026-12-07',
    });
    expect(early.body.error.message).toContain('2026-12-06');
    const earlySuggestion = await req<ErrorBody>('GET', '/kpis/ot/suggested-target', as('assistant'));
    expect(earlySuggestion.body.error.code).toBe('baseline_in_progress');

    t.clock.now = Date.parse('2026-12-07T12:00:00Z');
    const suggestion = await req<{ value: number; baseline: number; rule: string; effectiveFrom: string }>(
      'GET',
      '/kpis/ot/suggested-target',
      as('manager'),
    );
    expect(suggestion.status).toBe(200);
    expect(suggestion.body.baseline).toBeCloseTo(0.875, 12);
    expect(suggestion.body.value).toBeCloseTo(0.90625, 12);
    expect(suggestion.body.effectiveFrom).toBe('2026-12-07');

    // Both sides agree a target (SPEC §5): the assistant proposes, the manager agrees.
    const target = await req<Change>('POST', '/kpis/ot/targets', as('assistant'), { value: 0.9 });
    expect(target.status).toBe(200);
    expect(target.body.kpi.targets).toEqual([]);
    const agreedTarget = await req<Change>('POST', '/kpis/ot/targets/agree', as('manager'));
    expect(agreedTarget.status).toBe(200);
    expect(agreedTarget.body.kpi.targets).toEqual([
      { value: 0.9, effectiveFrom: '2026-12-07', setAt: '2026-12-07T12:00:00.000Z', setBy: 'assistant' },
    ]);
    const history = await req<unknown[]>('GET', '/kpis/ot/targets', as('coach'));
    expect(history.body).toHaveLength(1);

    t.clock.now = Date.parse('2026-12-14T12:00:00Z');
    const analysis = await req<{
      points: { period: string; value: number | null; target: number | null; status: string | null }[];
      baseline: { from: string; lastDay: string; complete: boolean };
      analysis: { series: unknown[]; trend: unknown };
    }>('GET', '/kpis/ot/analysis', as('viewer'));
    expect(analysis.status).toBe(200);
    expect(analysis.body.points).toEqual([
      { period: '2026-W48', value: 0.75, target: null, status: null },
      { period: '2026-W49', value: 1, target: null, status: null },
      { period: '2026-W50', value: 0.9, target: 0.9, status: 'met' },
    ]);
    expect(analysis.body.baseline).toEqual({
      from: '2026-11-23',
      lastDay: '2026-12-06',
      targetsFrom: '2026-12-07',
      complete: true,
    });
    const asOf = await req<{ points: unknown[] }>(
      'GET',
      `/kpis/ot/analysis?asOf=${encodeURIComponent('2026-12-07T12:00:00Z')}`,
      as('manager'),
    );
    expect(asOf.body.points).toHaveLength(2);

    const list = await req<{ kpi: KpiBody; target: number; status: string; latest: unknown }[]>(
      'GET',
      '/kpis?assistant=a1',
      as('assistant'),
    );
    expect(list.body.map((s) => [s.kpi.id, s.target, s.status])).toEqual([['ot', 0.9, 'met']]);
  });

  it('refuses the sixth activation with the reason and advises too_many, then retires and replaces', async () => {
    let last: Change | null = null;
    for (const n of [2, 3, 4, 5, 6]) {
      const r = await req<Change>('POST', '/kpis', as('manager'), {
        id: `k${n}`,
        assistant: 'a1',
        metric: n % 2 === 0 ? 'quality_score' : 'proactivity',
        direction: 'higher',
      });
      expect(r.status).toBe(201);
      last = r.body;
    }
    expect(last?.advice.map((a) => [a.id, a.title])).toEqual([['too_many', 'Five KPIs are enough']]);
    for (const n of [2, 3, 4, 5])
      expect((await req<Change>('POST', `/kpis/k${n}/agree`, as('assistant'))).status).toBe(200);
    const sixth = await req<ErrorBody>('POST', '/kpis/k6/agree', as('assistant'));
    expect(sixth.status).toBe(409);
    expect(sixth.body.error).toMatchObject({ code: 'kpi_limit_reached', limit: 5 });
    expect(sixth.body.error.message).toContain('limit is 5');

    const retired = await req<Change>('POST', '/kpis/ot/retire', as('manager'));
    expect(retired.body.kpi.status).toBe('retired');
    expect((await req<Change>('POST', '/kpis/k6/agree', as('assistant'))).body.kpi.status).toBe('active');

    const replacement = await req<Change>('POST', '/kpis/k2/replace', as('assistant'), {
      id: 'k7',
      metric: 'csat',
      direction: 'higher',
    });
    expect(replacement.status).toBe(201);
    const done = await req<Change>('POST', '/kpis/k7/agree', as('manager'));
    expect(done.body.kpi.status).toBe('active');
    expect(done.body.replaced).toMatchObject({ id: 'k2', status: 'replaced', replacedBy: 'k7' });
  });

  it('keeps coaches and viewers to reading, and other workspaces out', async () => {
    const coach = await req<ErrorBody>('POST', '/kpis/k3/retire', as('coach'));
    expect(coach.status).toBe(403);
    const other = await makeTeam(t, 'kpis-other');
    const foreign = await call(t, 'GET', `${base}/kpis/k3`, { token: other.owner.token });
    expect(foreign.status).toBe(404);
    const otherBase = `/api/v1/workspaces/${other.ws}`;
    const missing = await call(t, 'GET', `${otherBase}/kpis/k3`, { token: other.owner.token });
    expect(missing.status).toBe(404);
    const notTheirs = await req<ErrorBody>('POST', '/kpis', as('manager'), {
      assistant: 'a2',
      metric: 'csat',
      direction: 'higher',
    });
    expect(notTheirs.status).toBe(404);
  });

  it('answers 400 for bad input and 401 without credentials', async () => {
    const bad = await req<ErrorBody>('POST', '/kpis', as('manager'), {
      assistant: 'a1',
      metric: 'keystrokes',
      direction: 'higher',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const badFilter = await req<ErrorBody>('POST', '/kpis', as('manager'), {
      assistant: 'a1',
      metric: 'on_time_rate',
      filter: { channel: 'email' },
      direction: 'higher',
    });
    expect(badFilter.status).toBe(400);
    const anon = await call(t, 'GET', `${base}/kpis`);
    expect(anon.status).toBe(401);
  });

  it('returns insights in their words, below-target ones opening with the support question', async () => {
    const r = await req<{ id: string; severity: string; title: string; message: string }[]>(
      'GET',
      '/insights?assistant=a1',
      as('assistant'),
    );
    expect(r.status).toBe(200);
    expect(Array.isArray(r.body)).toBe(true);
    for (const i of r.body) {
      expect(i.title.length).toBeGreaterThan(0);
      if (i.severity === 'attention') expect(i.message.startsWith('What support do you need?')).toBe(true);
    }
    const templates = await req<{ id: string }[]>('GET', '/role-templates', as('viewer'));
    expect(templates.body.map((x) => x.id)).toContain('virtual_assistant');
  });

  it('keeps KPIs and targets through export and restore, with identical API answers', async () => {
    const bytes = await exportWorkspace(t.deps, team.ws);
    const t2 = await startTestServer(kind);
    try {
      t2.clock.now = t.clock.now;
      await restoreWorkspace(t2.deps, bytes);
      const token = (await createApiToken(t2.deps.db, team.ws, team.owner.userId, 'restored')).token;
      for (const path of ['/kpis', '/kpis/ot', '/kpis/ot/analysis', '/kpis/k7', '/insights']) {
        const before = await call(t, 'GET', `${base}${path}`, { token: team.owner.token });
        const after = await call(t2, 'GET', `${base}${path}`, { token });
        expect(after.status, path).toBe(200);
        expect(await after.json(), path).toEqual(await before.json());
      }
    } finally {
      await t2.close();
    }
  });

  it('lets 20 concurrent agreements activate at most the limit, and one KPI only once', async () => {
    const fresh = await makeTeam(t, 'kpis-race');
    const b = `/api/v1/workspaces/${fresh.ws}`;
    const manager = fresh.members.manager.token;
    const assistant = fresh.members.assistant.token;
    for (let n = 0; n < 20; n++)
      await call(t, 'POST', `${b}/kpis`, {
        token: manager,
        json: { id: `r${n}`, assistant: 'a1', metric: 'proactivity', direction: 'higher' },
      });
    const many = await Promise.all(
      Array.from({ length: 20 }, (_, n) => call(t, 'POST', `${b}/kpis/r${n}/agree`, { token: assistant })),
    );
    const statuses = many.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(15);
    const list = (await (await call(t, 'GET', `${b}/kpis`, { token: manager })).json()) as { kpi: KpiBody }[];
    const active = list.filter((s) => s.kpi.status === 'active');
    expect(active).toHaveLength(5);

    // Which five won is up to the database's scheduling (on PostgreSQL they truly run in
    // parallel), so free the slot of one that did.
    const freed = (active[0] as { kpi: KpiBody }).kpi.id;
    expect((await call(t, 'POST', `${b}/kpis/${freed}/retire`, { token: manager })).status).toBe(200);
    const proposed = await call(t, 'POST', `${b}/kpis`, {
      token: assistant,
      json: { id: 'once', assistant: 'a1', metric: 'csat', direction: 'higher' },
    });
    expect(proposed.status).toBe(201);
    const same = await Promise.all(
      Array.from({ length: 20 }, () => call(t, 'POST', `${b}/kpis/once/agree`, { token: manager })),
    );
    expect(same.filter((r) => r.status === 200)).toHaveLength(1);
    expect(same.filter((r) => r.status === 409)).toHaveLength(19);
    const audit = (await (
      await call(t, 'GET', `${b}/audit?limit=200`, { token: fresh.owner.token })
    ).json()) as {
      entries: { action: string; target: string }[];
    };
    expect(audit.entries.filter((a) => a.action === 'kpi.agree' && a.target === 'once')).toHaveLength(1);
  }, 60_000);
});
