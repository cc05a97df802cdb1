/**
 * Quality sampling through the API (issue 8; SPEC §8, §9 rubric) on every store: each week a random
 * sample of each assistant's completed tasks waits for the manager's side to rate with the role's
 * rubric; a rating is a §3 rating event naming the task (workRef) that quality_score counts.
 *
 * Worked by hand for a1 (Europe/Berlin, UTC+1), clock 2026-11-25T12:00Z (Wednesday of W48): the
 * last complete week is W47 (16–22 November, local). W47 holds t1–t5 completed, t6 completed but
 * excluded, t7 completed but already rated (a rating with workRef t7), t8 completed Sunday
 * 22 November 23:30 local (22:30Z) — still W47 — and t0 completed in W46. The candidates are
 * t1–t5 and t8; a sample of 3 of them is drawn once. a1's role is customer service, whose rubric
 * is accuracy, tone, resolution (SPEC §9). A rating of 4, 5 and 3 made on 25 November has the score
 * (4 + 5 + 3) / 3 = 4, and is W48's only rating: W48's quality_score is 4 with count 1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QualitySample } from '#shared/quality-schemas';
import { toNdjson } from '#test/builders';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

type Role = 'owner' | 'manager' | 'assistant' | 'coach' | 'viewer';

const task = (id: string, completedAt: string, extra: Record<string, unknown> = {}) => ({
  type: 'task',
  id,
  assistant: 'a1',
  title: `Task ${id}`,
  labels: [],
  createdAt: '2026-11-01T08:00:00Z',
  completedAt,
  selfInitiated: false,
  priority: false,
  ...extra,
});
const EVENTS = [
  task('t0', '2026-11-12T10:00:00Z'),
  ...[1, 2, 3, 4, 5].map((n) => task(`t${n}`, `2026-11-${15 + n}T10:00:00Z`)),
  task('t6', '2026-11-18T10:00:00Z', { excluded: 'client changed the brief' }),
  task('t7', '2026-11-18T11:00:00Z'),
  task('t8', '2026-11-22T22:30:00Z'),
  { type: 'rating', id: 'r7', assistant: 'a1', ratedAt: '2026-11-19T10:00:00Z', score: 4, workRef: 't7' },
];
const CANDIDATES = ['t1', 't2', 't3', 't4', 't5', 't8'];

describe.each(STORE_KINDS)('quality sampling on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let base: string;
  let samples: QualitySample[];
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
    team = await makeTeam(t, 'quality');
    base = `/api/v1/workspaces/${team.ws}`;
    t.clock.now = Date.parse('2026-11-25T12:00:00Z');
    expect((await req('PATCH', '/assistants/a1', 'owner', { role: 'Customer service' })).status).toBe(200);
    const sent = await call(t, 'POST', `${base}/events`, { token: tok('owner'), body: toNdjson(EVENTS) });
    expect(sent.status, await sent.clone().text()).toBe(200);
  });
  afterAll(async () => t?.close());

  it("draws 3 of last week's rateable completed tasks once, with the role's rubric", async () => {
    const first = await req<QualitySample[]>('GET', '/quality-samples?assistant=a1', 'manager');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    samples = first.body;
    expect(samples).toHaveLength(3);
    const ids = samples.map((s) => s.task.id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(CANDIDATES).toContain(id);
    for (const s of samples)
      expect(s).toMatchObject({
        assistant: 'a1',
        week: '2026-W47',
        status: 'pending',
        rubric: ['accuracy', 'tone', 'resolution'],
        rating: null,
      });
    // Read again, by anyone: the same sample, not a second draw.
    const again = await req<QualitySample[]>('GET', '/quality-samples', 'owner');
    expect(again.body.map((s) => s.id).sort()).toEqual(samples.map((s) => s.id).sort());
    // The assistant sees their own sample.
    expect((await req<QualitySample[]>('GET', '/quality-samples', 'assistant')).body).toHaveLength(3);
  });

  it('stores a rating as a §3 rating event of the task, counted by quality_score', async () => {
    const s = samples[0] as QualitySample;
    const rated = await req<QualitySample>('POST', `/quality-samples/${s.id}/rating`, 'manager', {
      criteria: { accuracy: 4, tone: 5, resolution: 3 },
      comment: 'Clear and kind; the refund step was missed',
    });
    expect(rated.status, JSON.stringify(rated.body)).toBe(201);
    expect(rated.body).toMatchObject({
      status: 'rated',
      rating: { id: `${s.id}-rating`, criteria: { accuracy: 4, tone: 5, resolution: 3 } },
    });
    const event = await req<{ event: unknown }>('GET', `/events/rating/${s.id}-rating`, 'assistant');
    expect(event.body.event).toMatchObject({ workRef: s.task.id, ratedAt: '2026-11-25T12:00:00.000Z' });
    const metrics = await req<{ metric: string; period: string; value: number; count: number }[]>(
      'GET',
      '/metrics?assistant=a1&period=week&asOf=2026-11-30T00:00:00Z',
      'owner',
    );
    expect(metrics.body.find((m) => m.metric === 'quality_score' && m.period === '2026-W48')).toMatchObject({
      value: 4,
      count: 1,
    });
    // Once decided, a sample is not rated or skipped again.
    expect(
      (await req('POST', `/quality-samples/${s.id}/rating`, 'owner', { criteria: { tone: 5 } })).status,
    ).toBe(409);
    expect((await req('POST', `/quality-samples/${s.id}/skip`, 'owner')).status).toBe(409);
    const skipped = await req<QualitySample>('POST', `/quality-samples/${samples[1]?.id}/skip`, 'owner');
    expect(skipped.body.status).toBe('skipped');
  });

  it('lets only the manager side rate, and refuses bad ratings without storing anything', async () => {
    const id = samples[2]?.id;
    for (const role of ['assistant', 'coach', 'viewer'] as const)
      expect(
        (await req('POST', `/quality-samples/${id}/rating`, role, { criteria: { tone: 4 } })).status,
      ).toBe(403);
    for (const body of [
      { criteria: {} },
      { criteria: { tone: 6 } },
      { criteria: { tone: 2.5 } },
      { criteria: { tone: 4 }, score: 4 },
    ])
      expect(
        (await req('POST', `/quality-samples/${id}/rating`, 'manager', body)).status,
        JSON.stringify(body),
      ).toBe(400);
    const proto = await call(t, 'POST', `${base}/quality-samples/${id}/rating`, {
      token: tok('manager'),
      body: '{"criteria":{"__proto__":{"polluted":1},"tone":4}}',
      type: 'application/json',
    });
    expect(proto.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const still = await req<QualitySample[]>('GET', '/quality-samples?status=pending', 'owner');
    expect(still.body.map((s) => s.id)).toEqual([id]);
    expect((await req('POST', '/quality-samples/qs-nope/skip', 'owner')).status).toBe(404);
  });

  it('follows the workspace setting: 0 draws nothing the next week', async () => {
    expect((await req('PATCH', '', 'owner', { settings: { qualitySampleSize: 21 } })).status).toBe(400);
    const set = await req<{ settings: { qualitySampleSize: number } }>('PATCH', '', 'owner', {
      settings: { qualitySampleSize: 0 },
    });
    expect(set.body.settings.qualitySampleSize).toBe(0);
    t.clock.now = Date.parse('2026-12-02T12:00:00Z');
    const list = await req<QualitySample[]>('GET', '/quality-samples', 'owner');
    expect(list.body.filter((s) => s.week === '2026-W48')).toEqual([]);
  });

  it('audits the draw, the rating and the skip', async () => {
    const audit = await req<{ entries: { action: string; after: unknown }[] }>(
      'GET',
      '/audit?limit=200',
      'owner',
    );
    const actions = audit.body.entries.map((e) => e.action).filter((a) => a.startsWith('quality_sample.'));
    expect(actions.sort()).toEqual([
      'quality_sample.draw',
      'quality_sample.draw',
      'quality_sample.rate',
      'quality_sample.skip',
    ]);
    const draw = audit.body.entries.find(
      (e) => e.action === 'quality_sample.draw' && (e.after as { assistant: string }).assistant === 'a1',
    );
    expect(draw?.after).toMatchObject({ week: '2026-W47', candidates: 6 });
  });
});
