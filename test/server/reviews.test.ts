/**
 * Monthly reviews through the API (SPEC §8) on every store: the generated agenda, comments, both
 * sign-offs and the lock, amendments beside the signed original (audited, SPEC §11), the Markdown
 * export, the scopes of SPEC §1, and that a private pulse answer never reaches an agenda (SPEC §11).
 *
 * Worked by hand for a1 (Europe/Berlin, UTC+1 after 2026-10-25):
 * - KPI `ot` (weekly on_time_rate) starts 2026-10-01; its target 0.9 is in force from 2026-10-20,
 *   so on November's first day. November's tasks, each due on a date: T1 (due 11-04, done 11-04),
 *   T2 (due 11-11, done 11-10), T3 (due 11-18, done 11-18 10:00 local) are on time; T4 (due 11-25,
 *   done 11-27) is late. Pooled over the month: 3 / 4 = 0.75; below, since 0.9 − 0.75 = 0.15 is more
 *   than 5 % of 0.9 (0.045).
 * - R2 rated 2026-10-31T23:30Z is 00:30 on 1 November in Berlin: November's. S2 (1 December) is not.
 * - Goals: G1 (2026-11) and G2 (2026-Q4, the quarter holding November); G3 (2026-12) is not.
 * - Pulse: only the shared W47 answer; the private W46 answer ('exhausted') nowhere.
 * - The review is read at 2026-12-02T12:00Z: the month is over, the agenda is as of its end,
 *   1 December 00:00 in Berlin = 2026-11-30T23:00Z.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checkin, Review, ReviewSummary } from '#shared/review-schemas';
import { toNdjson } from '#test/builders';
import { REVIEW_PULSES } from './review-pulses.ts';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

type Role = 'owner' | 'manager' | 'assistant' | 'coach' | 'viewer';

const task = (id: string, dueDate: string, completedAt: string) => ({
  type: 'task',
  id,
  assistant: 'a1',
  title: id,
  labels: [],
  createdAt: '2026-11-02T08:00:00Z',
  dueDate,
  completedAt,
  selfInitiated: false,
  priority: false,
});
const EVENTS = [
  task('T1', '2026-11-04', '2026-11-04T10:00:00Z'),
  task('T2', '2026-11-11', '2026-11-10T10:00:00Z'),
  task('T3', '2026-11-18', '2026-11-18T09:00:00Z'),
  task('T4', '2026-11-25', '2026-11-27T09:00:00Z'),
  {
    type: 'rating',
    id: 'R1',
    assistant: 'a1',
    ratedAt: '2026-11-10T10:00:00Z',
    score: 4,
    comment: 'Clear summaries',
    rater: 'Dana',
  },
  {
    type: 'rating',
    id: 'R2',
    assistant: 'a1',
    ratedAt: '2026-10-31T23:30:00Z',
    score: 5,
    comment: 'Late-night save',
  },
  {
    type: 'survey',
    id: 'S1',
    assistant: 'a1',
    respondedAt: '2026-11-20T09:00:00Z',
    score: 5,
    comment: 'Always on time',
    respondent: 'Acme',
  },
  {
    type: 'survey',
    id: 'S2',
    assistant: 'a1',
    respondedAt: '2026-12-01T09:00:00Z',
    score: 3,
    comment: 'December note',
  },
  {
    type: 'proactive',
    id: 'PR1',
    assistant: 'a1',
    occurredAt: '2026-11-12T09:00:00Z',
    description: 'Automated invoice reminders',
  },
  { type: 'goal', id: 'G1', assistant: 'a1', period: '2026-11', title: 'Close the books', status: 'met' },
  {
    type: 'goal',
    id: 'G2',
    assistant: 'a1',
    period: '2026-Q4',
    title: 'Onboard two clients',
    status: 'open',
  },
  { type: 'goal', id: 'G3', assistant: 'a1', period: '2026-12', title: 'Plan January', status: 'open' },
];

describe.each(STORE_KINDS)('monthly reviews on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let base: string;
  let review: Review;
  let itemId: string;
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
    team = await makeTeam(t, 'reviews');
    base = `/api/v1/workspaces/${team.ws}`;
    t.clock.now = Date.parse('2026-10-01T10:00:00Z');
    expect(
      (
        await req('POST', '/kpis', 'manager', {
          id: 'ot',
          assistant: 'a1',
          metric: 'on_time_rate',
          direction: 'higher',
        })
      ).status,
    ).toBe(201);
    expect((await req('POST', '/kpis/ot/agree', 'assistant')).status).toBe(200);
    t.clock.now = Date.parse('2026-10-20T10:00:00Z');
    expect((await req('POST', '/kpis/ot/targets', 'manager', { value: 0.9 })).status).toBe(200);
    expect((await req('POST', '/kpis/ot/targets/agree', 'assistant')).status).toBe(200);
    t.clock.now = Date.parse('2026-11-16T10:00:00Z');
    const sent = await call(t, 'POST', `${base}/events`, { token: tok('owner'), body: toNdjson(EVENTS) });
    expect(sent.status, await sent.clone().text()).toBe(200);
    expect(
      (await call(t, 'POST', `${base}/events`, { token: tok('assistant'), body: toNdjson(REVIEW_PULSES) }))
        .status,
    ).toBe(200);
    const ci = (await req<Checkin>('POST', '/checkins', 'manager', { assistant: 'a1', date: '2026-11-16' }))
      .body;
    await req('PUT', `/checkins/${ci.id}/notes`, 'manager', { notes: 'Briefs are clearer' });
    await req('PUT', `/checkins/${ci.id}/notes`, 'assistant', { notes: 'More lead time on reports' });
    itemId = (
      await req<{ id: string }>('POST', `/checkins/${ci.id}/action-items`, 'assistant', {
        text: 'Draft report template',
        owner: team.members.assistant.userId,
        dueDate: '2026-12-10',
      })
    ).body.id;
    t.clock.now = Date.parse('2026-12-02T12:00:00Z');
  });
  afterAll(async () => t?.close());

  it('opens a review with the agenda of the month', async () => {
    const res = await req<Review>('POST', '/reviews', 'manager', { assistant: 'a1', month: '2026-11' });
    expect(res.status).toBe(201);
    review = res.body;
    const a = review.agenda;
    expect(a).toMatchObject({
      assistant: 'a1',
      month: '2026-11',
      asOf: '2026-11-30T23:00:00.000Z',
      complete: true,
    });
    expect(a.kpis).toHaveLength(1);
    expect(a.kpis[0]).toMatchObject({ id: 'ot', period: 'week', target: 0.9, status: 'below' });
    expect(a.kpis[0]?.value).toBeCloseTo(0.75, 12);
    expect(a.feedback.map((f) => [f.kind, f.score, f.comment])).toEqual([
      ['rating', 5, 'Late-night save'],
      ['rating', 4, 'Clear summaries'],
      ['survey', 5, 'Always on time'],
    ]);
    expect(a.highlights.map((h) => h.description)).toEqual(['Automated invoice reminders']);
    expect(a.goals.map((g) => g.id)).toEqual(['G1', 'G2']);
    expect(a.pulse).toEqual([{ week: '2026-W47', score: 4, comment: 'busy but fine' }]);
    expect(a.checkins).toEqual([
      expect.objectContaining({
        date: '2026-11-16',
        managerNotes: 'Briefs are clearer',
        assistantNotes: 'More lead time on reports',
      }),
    ]);
    expect(a.openItems.map((i) => i.id)).toEqual([itemId]);
    // The coaching prompts are the SPEC §7 insights of the month's end, as GET /insights gives them.
    const insights = await req<{ id: string; title: string }[]>(
      'GET',
      `/insights?assistant=a1&asOf=${a.asOf}`,
      'manager',
    );
    expect(a.prompts.map((p) => [p.id, p.title])).toEqual(insights.body.map((i) => [i.id, i.title]));
    expect(review).toMatchObject({ locked: false, signed: { manager: null, assistant: null } });
  });

  it('refuses a second review of the month and one of a month not started', async () => {
    expect((await req('POST', '/reviews', 'assistant', { assistant: 'a1', month: '2026-11' })).status).toBe(
      409,
    );
    expect((await req('POST', '/reviews', 'manager', { assistant: 'a1', month: '2027-01' })).status).toBe(
      422,
    );
    expect((await req('POST', '/reviews', 'manager', { assistant: 'a1', month: '2026-13' })).status).toBe(
      400,
    );
  });

  it('never puts a private pulse answer on an agenda, for anyone, the assistant included', async () => {
    for (const role of ['owner', 'manager', 'assistant', 'coach', 'viewer'] as const) {
      const json = await call(t, 'GET', `${base}/reviews/${review.id}`, { token: tok(role) });
      expect(json.status).toBe(200);
      expect(await json.text()).not.toContain('exhausted');
      const md = await call(t, 'GET', `${base}/reviews/${review.id}.md`, { token: tok(role) });
      expect(await md.text()).not.toContain('exhausted');
    }
  });

  it('takes comments from both sides and the coach, not from viewers', async () => {
    expect(
      (await req('POST', `/reviews/${review.id}/comments`, 'assistant', { text: 'Proud of November' }))
        .status,
    ).toBe(201);
    expect(
      (await req('POST', `/reviews/${review.id}/comments`, 'coach', { text: 'Try time-blocking' })).status,
    ).toBe(201);
    expect((await req('POST', `/reviews/${review.id}/comments`, 'viewer', { text: 'x' })).status).toBe(403);
    const r = (await req<Review>('GET', `/reviews/${review.id}`, 'viewer')).body;
    expect(r.comments.map((c) => [c.side, c.text])).toEqual([
      ['assistant', 'Proud of November'],
      ['coach', 'Try time-blocking'],
    ]);
  });

  it('locks the review at the second sign-off and freezes the agenda as signed', async () => {
    expect((await req('POST', `/reviews/${review.id}/sign-off`, 'coach')).status).toBe(403);
    const one = await req<Review>('POST', `/reviews/${review.id}/sign-off`, 'manager');
    expect(one.body.locked).toBe(false);
    expect(one.body.signed.manager).toEqual({
      at: '2026-12-02T12:00:00.000Z',
      by: team.members.manager.userId,
    });
    expect((await req('POST', `/reviews/${review.id}/sign-off`, 'manager')).status).toBe(409);
    t.clock.now = Date.parse('2026-12-02T15:00:00Z');
    const two = await req<Review>('POST', `/reviews/${review.id}/sign-off`, 'assistant');
    expect(two.body).toMatchObject({ locked: true, lockedAt: '2026-12-02T15:00:00.000Z' });
    const signed = two.body.agenda;
    // A survey answered in November but stored after the lock does not change what was signed.
    await call(t, 'POST', `${base}/events/survey`, {
      token: tok('owner'),
      json: {
        type: 'survey',
        id: 'S3',
        assistant: 'a1',
        respondedAt: '2026-11-25T09:00:00Z',
        score: 2,
        comment: 'Late addition',
      },
    });
    expect((await req<Review>('GET', `/reviews/${review.id}`, 'manager')).body.agenda).toEqual(signed);
    const comment = await req<{ error: { code: string } }>(
      'POST',
      `/reviews/${review.id}/comments`,
      'manager',
      { text: 'x' },
    );
    expect(comment).toMatchObject({ status: 409, body: { error: { code: 'review_locked' } } });
    expect((await req('POST', `/reviews/${review.id}/sign-off`, 'assistant')).status).toBe(409);
  });

  it('adds an amendment after the lock beside the original, audited', async () => {
    const before = (await req<Review>('GET', `/reviews/${review.id}`, 'owner')).body;
    const res = await req<Review>('POST', `/reviews/${review.id}/amendments`, 'manager', {
      text: 'T4 was late by agreement',
    });
    expect(res.status).toBe(201);
    expect(res.body.amendments.map((e) => [e.side, e.text])).toEqual([
      ['manager', 'T4 was late by agreement'],
    ]);
    const { amendments: _a, ...rest } = res.body;
    const { amendments: _b, ...original } = before;
    expect(rest).toEqual(original);
    const audit = await req<{
      entries: { action: string; target: string; before: unknown; after: unknown }[];
    }>('GET', '/audit?limit=50', 'owner');
    const entry = audit.body.entries.find((e) => e.action === 'review.amend');
    expect(entry?.target).toBe(`review:${review.id}`);
    expect(entry?.before).toMatchObject({ locked: true, lockedAt: '2026-12-02T15:00:00.000Z' });
    expect(entry?.after).toMatchObject({
      kind: 'amendment',
      side: 'manager',
      text: 'T4 was late by agreement',
    });
    expect(audit.body.entries.find((e) => e.action === 'review.sign_and_lock')?.after).toMatchObject({
      locked: true,
    });
    // An open review is commented on, not amended.
    const december = (
      await req<Review>('POST', '/reviews', 'assistant', { assistant: 'a1', month: '2026-12' })
    ).body;
    expect((await req('POST', `/reviews/${december.id}/amendments`, 'manager', { text: 'x' })).status).toBe(
      409,
    );
  });

  it('exports the review as Markdown, by suffix or by query', async () => {
    const bySuffix = await call(t, 'GET', `${base}/reviews/${review.id}.md`, { token: tok('assistant') });
    expect(bySuffix.status).toBe(200);
    expect(bySuffix.headers.get('content-type')).toContain('text/markdown');
    const md = await bySuffix.text();
    const byQuery = await (
      await call(t, 'GET', `${base}/reviews/${review.id}?format=md`, { token: tok('assistant') })
    ).text();
    expect(byQuery).toBe(md);
    expect(md).toContain('# Monthly review — a1, 2026-11');
    expect(md).toContain('| on_time_rate | 75 % | 90 % | below target |');
    expect(md).toContain('- survey 2026-11-20, 5 / 5 from Acme: “Always on time”');
    expect(md).toContain('- 2026-W47: 4 / 5 — busy but fine');
    expect(md).toContain('> More lead time on reports');
    expect(md).toContain('## Amendments after sign-off');
    expect(md).not.toContain('Late addition');
  });

  it('keeps reviews to the assistants a role may see', async () => {
    const other = await req<Review>('POST', '/reviews', 'owner', { assistant: 'a2', month: '2026-11' });
    expect(other.status).toBe(201);
    for (const role of ['manager', 'assistant', 'coach'] as const) {
      expect((await req('GET', `/reviews/${other.body.id}`, role)).status).toBe(404);
      expect((await req('GET', `/reviews/${other.body.id}.md`, role)).status).toBe(404);
      expect((await req('POST', `/reviews/${other.body.id}/comments`, role, { text: 'x' })).status).toBe(404);
      const list = (await req<ReviewSummary[]>('GET', '/reviews', role)).body;
      expect(list.map((r) => r.assistant)).not.toContain('a2');
    }
    expect((await req('POST', '/reviews', 'manager', { assistant: 'a2', month: '2026-10' })).status).toBe(
      404,
    );
    expect((await req<ReviewSummary[]>('GET', '/reviews', 'viewer')).body.map((r) => r.month)).toEqual([
      '2026-12',
      '2026-11',
      '2026-11',
    ]);
  });

  it('describes every check-in and review route in the OpenAPI document', async () => {
    const doc = (await (await call(t, 'GET', '/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
    };
    for (const path of [
      '/api/v1/workspaces/{ws}/checkins',
      '/api/v1/workspaces/{ws}/checkins/{id}/notes',
      '/api/v1/workspaces/{ws}/checkins/{id}/action-items',
      '/api/v1/workspaces/{ws}/action-items/{id}',
      '/api/v1/workspaces/{ws}/reviews/{id}/sign-off',
      '/api/v1/workspaces/{ws}/reviews/{id}/amendments',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
    const get = doc.paths['/api/v1/workspaces/{ws}/reviews/{id}']?.get;
    expect(Object.keys(get?.responses['200']?.content ?? {})).toEqual([
      'application/json',
      'text/markdown',
      'application/pdf',
    ]);
  });
});
