/**
 * Skill gaps and development plans through the API (SPEC §8 "Training and development") on every
 * store: a KPI and a rubric criterion below target 4+ weeks become gaps, a plan records where its
 * gap stood, its progress and its KPI's movement since the start show in the next monthly review
 * (screen data and Markdown), writes are audited, and the scopes hold (coach writes, viewer reads).
 *
 * Worked by hand for a1 (Europe/Berlin, UTC+1 after 2026-10-25):
 * - KPI `ot` (weekly on_time_rate), target 0.9 agreed on 2026-10-20, so in force for weeks starting
 *   from 2026-W44 (26 October). Each of W44–W47 has two tasks due on a date: one done that day (on
 *   time), one done the next day (late): 1 / 2 = 0.5 a week, below 0.9 by more than 5 %.
 * - Ratings: `accuracy` 3 in each of W44–W48 against the default rubric bar 4 (no quality_score
 *   KPI): below (1 > 5 % of 4); `tone` 5 each week: met; `thoroughness` 3 only in W45–W47: three
 *   weeks, no gap.
 * - On Wednesday 2026-11-25 (W48 running) the complete weeks end with W47: `ot` is below W44–W47,
 *   four weeks: a gap since 2026-W44; `accuracy` likewise. A plan for `ot` started then records
 *   W47 = 0.5.
 * - W48 (23–29 November): both tasks on time, 1.0. On 2026-12-02 (W49) `ot` has left its gap
 *   (W48 met) and the plan's movement is 0.5 (W47) → 1.0 (W48), +0.5, better; `accuracy` is below
 *   W44–W48, five weeks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevelopmentOverview, DevelopmentPlan } from '#shared/development-schemas';
import type { Review } from '#shared/review-schemas';
import { toNdjson } from '#test/builders';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

type Role = 'owner' | 'manager' | 'assistant' | 'coach' | 'viewer';

const task = (id: string, dueDate: string, completedAt: string) => ({
  type: 'task',
  id,
  assistant: 'a1',
  title: id,
  labels: [],
  createdAt: '2026-10-20T08:00:00Z',
  dueDate,
  completedAt,
  selfInitiated: false,
  priority: false,
});
const rating = (id: string, ratedAt: string, criteria: Record<string, number>) => ({
  type: 'rating',
  id,
  assistant: 'a1',
  ratedAt,
  criteria,
});

// Two tasks a week, W44–W47: Tuesday's done that day, Wednesday's done on Thursday (late).
const WEEKS = [
  ['10-27', '10-28', '10-29'],
  ['11-03', '11-04', '11-05'],
  ['11-10', '11-11', '11-12'],
  ['11-17', '11-18', '11-19'],
] as const;
const EARLY = [
  ...WEEKS.flatMap(([tue, wed, thu], n) => [
    task(`on${n}`, `2026-${tue}`, `2026-${tue}T10:00:00Z`),
    task(`late${n}`, `2026-${wed}`, `2026-${thu}T10:00:00Z`),
    rating(`r${n}`, `2026-${tue}T12:00:00Z`, {
      accuracy: 3,
      tone: 5,
      ...(n > 0 ? { thoroughness: 3 } : {}),
    }),
  ]),
];
// W48: both on time, and one more accuracy rating.
const W48 = [
  task('on4', '2026-11-24', '2026-11-24T10:00:00Z'),
  task('on5', '2026-11-25', '2026-11-25T10:00:00Z'),
  rating('r4', '2026-11-24T12:00:00Z', { accuracy: 3 }),
];

describe.each(STORE_KINDS)('development plans on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let base: string;
  let plan: DevelopmentPlan;
  const tok = (r: Role) => (r === 'owner' ? team.owner.token : team.members[r].token);
  const req = async <T>(method: string, path: string, role: Role, json?: unknown) => {
    const res = await call(t, method, `${base}${path}`, {
      token: tok(role),
      ...(json !== undefined ? { json } : {}),
    });
    return { status: res.status, body: (await res.json()) as T };
  };

  beforeAll(async () => {
    t = await startTestServer(kind);
    team = await makeTeam(t, 'development');
    base = `/api/v1/workspaces/${team.ws}`;
    t.clock.now = Date.parse('2026-10-01T10:00:00Z');
    const kpi = { id: 'ot', assistant: 'a1', metric: 'on_time_rate', direction: 'higher' };
    expect((await req('POST', '/kpis', 'manager', kpi)).status).toBe(201);
    expect((await req('POST', '/kpis/ot/agree', 'assistant')).status).toBe(200);
    t.clock.now = Date.parse('2026-10-20T10:00:00Z');
    expect((await req('POST', '/kpis/ot/targets', 'manager', { value: 0.9 })).status).toBe(200);
    expect((await req('POST', '/kpis/ot/targets/agree', 'assistant')).status).toBe(200);
    t.clock.now = Date.parse('2026-11-25T12:00:00Z');
    const sent = await call(t, 'POST', `${base}/events`, { token: tok('owner'), body: toNdjson(EARLY) });
    expect(sent.status, await sent.clone().text()).toBe(200);
  });
  afterAll(async () => t?.close());

  it('finds a KPI and a rubric criterion below target four weeks running, and nothing shorter', async () => {
    const { status, body } = await req<DevelopmentOverview>('GET', '/development?assistant=a1', 'assistant');
    expect(status).toBe(200);
    expect(body.gaps.map((g) => [g.kind, g.kpi ?? g.criterion, g.since, g.weeks.length])).toEqual([
      ['kpi', 'ot', '2026-W44', 4],
      ['criterion', 'accuracy', '2026-W44', 4],
    ]);
    const ot = body.gaps[0];
    expect(ot?.weeks.map((w) => [w.week, w.value, w.target, w.status])).toEqual([
      ['2026-W44', 0.5, 0.9, 'below'],
      ['2026-W45', 0.5, 0.9, 'below'],
      ['2026-W46', 0.5, 0.9, 'below'],
      ['2026-W47', 0.5, 0.9, 'below'],
    ]);
    expect(body.gaps[1]?.weeks[0]).toMatchObject({ value: 3, target: 4, status: 'below' });
    expect(body.plans).toEqual([]);
  });

  it('lets the coach start a plan that records where the gap stood', async () => {
    const created = await req<DevelopmentPlan>('POST', '/development-plans', 'coach', {
      assistant: 'a1',
      title: 'Deadlines that hold',
      kpi: 'ot',
      items: [
        {
          kind: 'course',
          title: 'Time-blocking course',
          owner: team.members.assistant.userId,
          dueDate: '2026-12-04',
        },
        {
          kind: 'mentoring',
          title: 'Weekly planning pair',
          owner: team.members.coach.userId,
          dueDate: '2026-12-11',
        },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    plan = created.body;
    expect(plan).toMatchObject({
      assistant: 'a1',
      kpi: 'ot',
      subject: 'on_time_rate',
      startedOn: '2026-11-25',
      status: 'active',
      progress: { done: 0, total: 2 },
      movement: { fromWeek: '2026-W47', from: 0.5, toWeek: '2026-W47', to: 0.5, change: 0, improved: null },
    });
    const overview = (await req<DevelopmentOverview>('GET', '/development?assistant=a1', 'manager')).body;
    expect(overview.gaps.find((g) => g.kpi === 'ot')?.plan).toBe(plan.id);
    expect(overview.gaps.find((g) => g.criterion === 'accuracy')?.plan).toBeNull();
  });

  it('refuses what is not a plan, and a viewer', async () => {
    const bad = async (json: unknown, path: string) => {
      const r = await req<{ error: { code: string; message: string } }>(
        'POST',
        '/development-plans',
        'manager',
        json,
      );
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.error.message).toContain(path);
    };
    await bad({ assistant: 'a1', title: 'x', kpi: 'ot', criterion: 'accuracy' }, 'body.criterion');
    await bad({ assistant: 'a1', title: 'x', kpi: 'nope' }, 'body.kpi');
    await bad(
      {
        assistant: 'a1',
        title: 'x',
        items: [{ kind: 'course', title: 'x', owner: team.members.viewer.userId, dueDate: '2026-12-01' }],
      },
      'items',
    );
    await bad(
      {
        assistant: 'a1',
        title: 'x',
        items: [{ kind: 'webinar', title: 'x', owner: team.owner.userId, dueDate: '2026-12-01' }],
      },
      'kind',
    );
    const proto = await call(t, 'POST', `${base}/development-plans`, {
      token: tok('manager'),
      body: '{"assistant":"a1","title":"x","__proto__":{"status":"completed"}}',
      type: 'application/json',
    });
    expect(proto.status).toBe(400);
    expect((await req('POST', '/development-plans', 'viewer', { assistant: 'a1', title: 'x' })).status).toBe(
      403,
    );
    expect(
      (await req('PATCH', `/development-plans/${plan.id}`, 'viewer', { status: 'completed' })).status,
    ).toBe(403);
    // a2 is not the assistant's own, nor assigned to the coach: out of scope answers 404.
    expect((await req('GET', '/development?assistant=a2', 'assistant')).status).toBe(404);
  });

  it("shows the plan's progress beside the KPI's movement in the next review", async () => {
    const done = await req<{ status: string; doneAt: string | null }>(
      'PATCH',
      `/development-items/${plan.items[0]?.id}`,
      'assistant',
      { status: 'done' },
    );
    expect(done.body).toMatchObject({ status: 'done' });
    expect(done.body.doneAt).not.toBeNull();
    t.clock.now = Date.parse('2026-11-29T12:00:00Z');
    expect(
      (await call(t, 'POST', `${base}/events`, { token: tok('owner'), body: toNdjson(W48) })).status,
    ).toBe(200);
    t.clock.now = Date.parse('2026-12-02T12:00:00Z');
    const overview = (await req<DevelopmentOverview>('GET', '/development?assistant=a1', 'coach')).body;
    // W48 met: the KPI has left its gap; accuracy is five weeks below now.
    expect(overview.gaps.map((g) => [g.kpi ?? g.criterion, g.weeks.length])).toEqual([['accuracy', 5]]);
    expect(overview.plans[0]).toMatchObject({
      progress: { done: 1, total: 2 },
      movement: {
        fromWeek: '2026-W47',
        from: 0.5,
        toWeek: '2026-W48',
        to: 1,
        target: 0.9,
        change: 0.5,
        improved: true,
      },
    });
    const review = await req<Review>('POST', '/reviews', 'manager', { assistant: 'a1', month: '2026-11' });
    expect(review.status, JSON.stringify(review.body)).toBe(201);
    expect(review.body.agenda.development).toEqual([
      expect.objectContaining({
        id: plan.id,
        title: 'Deadlines that hold',
        metric: 'on_time_rate',
        progress: { done: 1, total: 2 },
        movement: expect.objectContaining({ from: 0.5, to: 1, improved: true }),
      }),
    ]);
    const md = await call(t, 'GET', `${base}/reviews/${review.body.id}.md`, { token: tok('assistant') });
    const text = await md.text();
    expect(text).toContain('## Development plans');
    expect(text).toContain(
      '**Deadlines that hold** (on_time_rate), since 2026-11-25, active: 1 of 2 items done · from 50\u00a0% (2026-W47) to 100\u00a0% (2026-W48), target 90\u00a0%: better',
    );
  });

  it('audits every change with before and after', async () => {
    expect(
      (await req('PATCH', `/development-plans/${plan.id}`, 'manager', { status: 'completed' })).status,
    ).toBe(200);
    const audit = await req<{
      entries: { action: string; target: string | null; before: unknown; after: unknown }[];
    }>('GET', '/audit?limit=100', 'owner');
    const mine = audit.body.entries.filter((e) => (e.target ?? '').startsWith('development_'));
    expect(mine.map((e) => e.action).sort()).toEqual([
      'development_item.update',
      'development_plan.create',
      'development_plan.update',
    ]);
    expect(mine.find((e) => e.action === 'development_plan.update')).toMatchObject({
      before: { status: 'active' },
      after: { status: 'completed' },
    });
  });

  it('describes every development route in the OpenAPI document', async () => {
    const doc = (await (await call(t, 'GET', '/api/v1/openapi.json')).json()) as {
      paths: Record<string, object>;
    };
    for (const p of [
      '/api/v1/workspaces/{ws}/development',
      '/api/v1/workspaces/{ws}/development-plans',
      '/api/v1/workspaces/{ws}/development-plans/{id}',
      '/api/v1/workspaces/{ws}/development-plans/{id}/items',
      '/api/v1/workspaces/{ws}/development-items/{id}',
    ])
      expect(doc.paths[p], p).toBeDefined();
  });
});
