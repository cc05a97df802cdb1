/**
 * The quarterly relevance review (SPEC §8) through the API on every store: the agenda shows each
 * active KPI's quarter against target and whether it was met 3 months running (SPEC §5 raise the
 * bar); one decision per active KPI with a reason is applied through the KPI change paths, all in
 * one transaction; the matrix's scopes hold; export → restore gives the same answers.
 *
 * Worked by hand. a1 (Berlin) agrees four KPIs on 2026-09-01: k-q quality_score (higher), k-p
 * proactivity (higher, weekly), k-r response_time (lower); on 2026-09-20, after the 14-day
 * baseline, k-q's target 4 is agreed. Ratings of 5 on 5 Oct, 5 Nov and 5 Dec: each month's mean is
 * 5 ≥ 4, met in October, November and December — raise the bar. One proactive action on 5 Oct:
 * k-p's October in its weekly terms is 1 ÷ (31 days ÷ 7) = 7/31 per week, with no target. k-new
 * (on_time_rate) is agreed on 2027-01-05, the day of the review, so it is in its baseline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreWorkspace } from '#services/archive/restore-workspace';
import type { QuarterlyReview, QuarterlyReviewSummary } from '#shared/quarterly-review-schemas';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

type Role = 'owner' | 'manager' | 'assistant' | 'coach' | 'viewer';
interface Kpi {
  id: string;
  status: string;
  targets: { value: number }[];
  pendingTarget?: { value: number; proposedBy: string };
  replaces?: string;
  filter?: Record<string, string>;
}

describe.each(STORE_KINDS)('quarterly relevance review on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let base: string;
  let review: QuarterlyReview;
  const tok = (r: Role) => (r === 'owner' ? team.owner.token : team.members[r].token);
  const req = async <T>(method: string, path: string, role: Role, json?: unknown) => {
    const res = await call(t, method, `${base}${path}`, {
      token: tok(role),
      ...(json !== undefined ? { json } : {}),
    });
    return {
      status: res.status,
      body: (await res.json()) as T & { error?: { code: string; issues?: unknown } },
    };
  };
  const agreedKpi = async (id: string, metric: string, direction: string) => {
    expect((await req('POST', '/kpis', 'manager', { id, assistant: 'a1', metric, direction })).status).toBe(
      201,
    );
    expect((await req('POST', `/kpis/${id}/agree`, 'assistant')).status).toBe(200);
  };
  const kpis = async () =>
    new Map(
      (await req<{ kpi: Kpi }[]>('GET', '/kpis?assistant=a1', 'owner')).body.map((k) => [k.kpi.id, k.kpi]),
    );

  beforeAll(async () => {
    t = await startTestServer(kind);
    t.clock.now = Date.parse('2026-09-01T10:00:00Z');
    team = await makeTeam(t, 'quarterly');
    base = `/api/v1/workspaces/${team.ws}`;
    await agreedKpi('k-q', 'quality_score', 'higher');
    await agreedKpi('k-p', 'proactivity', 'higher');
    await agreedKpi('k-r', 'response_time', 'lower');
    t.clock.now = Date.parse('2026-09-20T10:00:00Z');
    expect((await req('POST', '/kpis/k-q/targets', 'manager', { value: 4 })).status).toBe(200);
    expect((await req('POST', '/kpis/k-q/targets/agree', 'assistant')).status).toBe(200);
    const lines = [
      ...['10', '11', '12'].map((m) => ({
        type: 'rating',
        id: `R${m}`,
        assistant: 'a1',
        ratedAt: `2026-${m}-05T10:00:00Z`,
        score: 5,
      })),
      { type: 'proactive', id: 'P1', assistant: 'a1', occurredAt: '2026-10-05T10:00:00Z', description: 'x' },
    ];
    const ingest = await call(t, 'POST', `${base}/events`, {
      token: team.owner.token,
      body: `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`,
    });
    expect(ingest.status).toBe(200);
    t.clock.now = Date.parse('2027-01-05T10:00:00Z');
    await agreedKpi('k-new', 'on_time_rate', 'higher');
  });
  afterAll(async () => t?.close());

  it("opens a quarter's review with each active KPI's months against target and raise-the-bar", async () => {
    const res = await req<QuarterlyReview>('POST', '/quarterly-reviews', 'manager', {
      assistant: 'a1',
      quarter: '2026-Q4',
    });
    expect(res.status).toBe(201);
    review = res.body;
    expect(review).toMatchObject({ assistant: 'a1', quarter: '2026-Q4', appliedAt: null, decisions: [] });
    expect(review.agenda.complete).toBe(true);
    const byId = new Map(review.agenda.kpis.map((k) => [k.id, k]));
    expect([...byId.keys()].sort()).toEqual(['k-new', 'k-p', 'k-q', 'k-r']);
    expect(byId.get('k-q')).toMatchObject({ target: 4, raiseTheBar: true });
    expect(byId.get('k-q')?.months).toEqual(
      ['2026-10', '2026-11', '2026-12'].map((period) => ({
        period,
        value: 5,
        target: 4,
        status: 'met',
        complete: true,
      })),
    );
    const p = byId.get('k-p');
    expect(p?.raiseTheBar).toBe(false);
    expect(p?.months[0]?.value).toBeCloseTo(7 / 31, 12);
    expect(p?.months[0]).toMatchObject({ target: null, status: null });
    const again = await req('POST', '/quarterly-reviews', 'assistant', {
      assistant: 'a1',
      quarter: '2026-Q4',
    });
    expect(again.status).toBe(409);
    expect(
      (await req('POST', '/quarterly-reviews', 'manager', { assistant: 'a1', quarter: '2026-Q5' })).status,
    ).toBe(400);
  });

  it('requires a reason for every decision and a decision for every active KPI, changing nothing otherwise', async () => {
    const all = (reason: string) => ({
      decisions: [
        { decision: 'keep', kpi: 'k-q', reason: 'fine' },
        { decision: 'keep', kpi: 'k-p', reason: 'fine' },
        { decision: 'retire', kpi: 'k-r', reason },
        { decision: 'keep', kpi: 'k-new', reason: 'fine' },
      ],
    });
    for (const reason of ['', '   ']) {
      const res = await req('POST', `/quarterly-reviews/${review.id}/decisions`, 'manager', all(reason));
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('validation_failed');
    }
    const noReason = await req('POST', `/quarterly-reviews/${review.id}/decisions`, 'manager', {
      decisions: [{ decision: 'keep', kpi: 'k-q' }],
    });
    expect(noReason.status).toBe(400);
    const missing = await req<unknown>('POST', `/quarterly-reviews/${review.id}/decisions`, 'manager', {
      decisions: all('x').decisions.slice(0, 3),
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ missing: ['k-new'] });
    const twice = await req('POST', `/quarterly-reviews/${review.id}/decisions`, 'manager', {
      decisions: [...all('x').decisions, { decision: 'keep', kpi: 'k-q', reason: 'again' }],
    });
    expect(twice.status).toBe(400);
    const unknown = await req('POST', `/quarterly-reviews/${review.id}/decisions`, 'manager', {
      decisions: [...all('x').decisions, { decision: 'retire', kpi: 'k-zz', reason: 'x' }],
    });
    expect(unknown.status).toBe(400);
    const proto = await call(t, 'POST', `${base}/quarterly-reviews/${review.id}/decisions`, {
      token: tok('manager'),
      body: '{"decisions":[{"decision":"keep","kpi":"k-q","reason":"x","__proto__":{"admin":true}}]}',
      type: 'application/json',
    });
    expect(proto.status).toBe(400);
    // All or nothing: k-new is in its baseline, so its target is refused — and k-r stays active.
    const partial = await req('POST', `/quarterly-reviews/${review.id}/decisions`, 'manager', {
      decisions: [
        { decision: 'retire', kpi: 'k-r', reason: 'Requests moved to the shared inbox' },
        { decision: 'keep', kpi: 'k-q', reason: 'x' },
        { decision: 'keep', kpi: 'k-p', reason: 'x' },
        { decision: 'adjust_target', kpi: 'k-new', reason: 'x', target: 0.9 },
      ],
    });
    expect(partial.status).toBe(409);
    expect(partial.body.error?.code).toBe('baseline_in_progress');
    const now = await kpis();
    expect(now.get('k-r')?.status).toBe('active');
    expect(
      (await req<QuarterlyReview>('GET', `/quarterly-reviews/${review.id}`, 'owner')).body.appliedAt,
    ).toBeNull();
  });

  it('keeps coaches and viewers to reading and everyone to their assistants', async () => {
    for (const role of ['coach', 'viewer'] as const) {
      expect((await req('GET', `/quarterly-reviews/${review.id}`, role)).status).toBe(200);
      expect(
        (await req('POST', `/quarterly-reviews/${review.id}/decisions`, role, { decisions: [] })).status,
      ).toBe(403);
      expect(
        (await req('POST', '/quarterly-reviews', role, { assistant: 'a1', quarter: '2026-Q3' })).status,
      ).toBe(403);
    }
    const other = await req<QuarterlyReview>('POST', '/quarterly-reviews', 'owner', {
      assistant: 'a2',
      quarter: '2026-Q4',
    });
    expect(other.status).toBe(201);
    for (const role of ['manager', 'assistant', 'coach'] as const) {
      expect((await req('GET', `/quarterly-reviews/${other.body.id}`, role)).status).toBe(404);
      expect((await req('GET', '/quarterly-reviews?assistant=a2', role)).status).toBe(404);
    }
    expect(
      (await req('POST', '/quarterly-reviews', 'manager', { assistant: 'a2', quarter: '2026-Q3' })).status,
    ).toBe(404);
  });

  it('applies the decisions through the KPI change paths in one go, and only once', async () => {
    const res = await req<QuarterlyReview>('POST', `/quarterly-reviews/${review.id}/decisions`, 'manager', {
      decisions: [
        {
          decision: 'adjust_target',
          kpi: 'k-q',
          reason: 'Met three months running: raise the bar',
          target: 4.5,
        },
        {
          decision: 'replace',
          kpi: 'k-p',
          reason: 'Count only the actions the client confirmed',
          with: {
            id: 'k-p2',
            name: 'Confirmed proactive actions',
            metric: 'proactivity',
            direction: 'higher',
          },
        },
        { decision: 'retire', kpi: 'k-r', reason: 'Requests moved to the shared inbox' },
        { decision: 'keep', kpi: 'k-new', reason: 'Just agreed' },
        {
          decision: 'add',
          reason: 'Follow-ups are now part of the role',
          with: {
            id: 'k-follow',
            name: 'Follow-up closure rate',
            metric: 'on_time_rate',
            direction: 'higher',
            filter: { category: 'follow-up' },
          },
        },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.appliedAt).toBe('2027-01-05T10:00:00.000Z');
    expect(res.body.appliedBy).toBe(team.members.manager.userId);
    expect(res.body.decisions.map((d) => [d.decision, d.kpi, d.resultKpi])).toEqual([
      ['adjust_target', 'k-q', null],
      ['replace', 'k-p', 'k-p2'],
      ['retire', 'k-r', null],
      ['keep', 'k-new', null],
      ['add', null, 'k-follow'],
    ]);
    const now = await kpis();
    // A target change and new KPIs are proposals the other side agrees to (SPEC §5).
    expect(now.get('k-q')).toMatchObject({
      status: 'active',
      pendingTarget: { value: 4.5, proposedBy: 'manager' },
    });
    expect(now.get('k-q')?.targets.map((x) => x.value)).toEqual([4]);
    expect(now.get('k-p2')).toMatchObject({ status: 'proposed', replaces: 'k-p' });
    expect(now.get('k-p')?.status).toBe('active');
    expect(now.get('k-r')?.status).toBe('retired');
    expect(now.get('k-follow')).toMatchObject({ status: 'proposed', filter: { category: 'follow-up' } });
    const audit = await req<{ entries: { action: string; target: string; after: unknown }[] }>(
      'GET',
      '/audit?limit=20',
      'owner',
    );
    const actions = audit.body.entries.map((e) => `${e.action} ${e.target}`);
    for (const a of [
      'kpi.target_propose k-q',
      'kpi.replace k-p2',
      'kpi.retire k-r',
      'kpi.propose k-follow',
      `quarterly_review.apply quarterly_review:${review.id}`,
    ])
      expect(actions).toContain(a);
    const again = await req('POST', `/quarterly-reviews/${review.id}/decisions`, 'assistant', {
      decisions: [{ decision: 'keep', kpi: 'k-q', reason: 'x' }],
    });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('quarterly_review_applied');
    const list = await req<QuarterlyReviewSummary[]>('GET', '/quarterly-reviews?assistant=a1', 'viewer');
    expect(list.body.map((r) => [r.quarter, r.appliedAt])).toEqual([['2026-Q4', '2027-01-05T10:00:00.000Z']]);
  });

  it('lets the assistant apply their own review', async () => {
    const own = await req<QuarterlyReview>('POST', '/quarterly-reviews', 'assistant', {
      assistant: 'a1',
      quarter: '2027-Q1',
    });
    expect(own.status).toBe(201);
    const active = own.body.agenda.kpis.map((k) => k.id).sort();
    expect(active).toEqual(['k-new', 'k-p', 'k-q']);
    const res = await req<QuarterlyReview>(
      'POST',
      `/quarterly-reviews/${own.body.id}/decisions`,
      'assistant',
      {
        decisions: active.map((kpi) => ({ decision: 'keep', kpi, reason: 'Still the right focus' })),
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.decisions).toHaveLength(3);
  });

  it('describes its routes in the OpenAPI document', async () => {
    const doc = (await (await call(t, 'GET', '/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const path of [
      '/api/v1/workspaces/{ws}/quarterly-reviews',
      '/api/v1/workspaces/{ws}/quarterly-reviews/{id}',
      '/api/v1/workspaces/{ws}/quarterly-reviews/{id}/decisions',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });

  it('exports and restores the reviews with identical answers', async () => {
    const archive = Buffer.from(
      await (await call(t, 'GET', `${base}/export`, { token: team.owner.token })).arrayBuffer(),
    );
    const u = await startTestServer(kind);
    try {
      u.clock.now = t.clock.now;
      await restoreWorkspace(u.deps, archive);
      const paths = [
        '/quarterly-reviews?assistant=a1',
        '/quarterly-reviews?assistant=a2',
        `/quarterly-reviews/${review.id}`,
      ];
      for (const p of paths) {
        const [x, y] = await Promise.all(
          [t, u].map(async (s) => (await call(s, 'GET', `${base}${p}`, { token: team.owner.token })).json()),
        );
        expect(y, p).toEqual(x);
      }
    } finally {
      await u.close();
    }
  });
});
