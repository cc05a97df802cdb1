/**
 * Client satisfaction surveys (SPEC §8) on every store: a one-time link answered once becomes a
 * §3 survey event that the csat metric counts, the link's token works for that one action only,
 * and nothing a hostile caller sends stores anything or fails with a 5xx.
 *
 * Worked by hand (SPEC §4 csat = share of responses with score ≥ 4, and the mean): a1 (Berlin)
 * has two survey answers in 2026-W48 with scores 5 and 3 — csat 1/2, mean 4. The client answers
 * the link with 5 on 2026-11-23 (W48): csat 2/3, mean (5 + 3 + 5) / 3 = 13/3, count 3.
 * Response rate: three links sent to a1 on 2026-11-23, one answered → 1/3.
 */

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '#db/schema/events';
import { surveyRequests } from '#db/schema/surveys';
import { createApp, withoutLinkToken } from '#server/app';
import { sessionCookieName } from '#server/middleware/cookies';
import { restoreWorkspace } from '#services/archive/restore-workspace';
import { sendSurveyRequestEmail, surveyRequestEmail } from '#services/surveys/survey-requests';
import type { CreatedSurveyRequest, SurveyRequestList } from '#shared/survey-schemas';
import {
  call,
  makeTeam,
  PUBLIC_URL,
  STORE_KINDS,
  startTestServer,
  type Team,
  type TestServer,
} from './test-store.ts';

const DAY = 86_400_000;
const START = Date.parse('2026-11-23T12:00:00Z');

const survey = (id: string, score: number, respondedAt: string) => ({
  type: 'survey',
  id,
  assistant: 'a1',
  respondedAt,
  score,
});

/** The token of a survey link `…/s/{token}`. */
const tokenOf = (url: string): string => {
  const m = /\/s\/([^/?#]+)$/.exec(url);
  if (!m?.[1]) throw new Error(`no token in ${url}`);
  return m[1];
};

/** A token of the right shape that was never issued. */
const randomToken = (): string => `svy_${randomBytes(32).toString('base64url')}`;

describe.each(STORE_KINDS)('client surveys on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let base: string;

  const create = async (token: string, json: unknown) => {
    const res = await call(t, 'POST', `${base}/surveys`, { token, json });
    return {
      status: res.status,
      body: (await res.json()) as CreatedSurveyRequest & { error?: { code: string } },
    };
  };
  const publicPath = (token: string) => `/api/v1/public/surveys/${token}`;
  const answer = async (token: string, json: unknown) => {
    const res = await call(t, 'POST', publicPath(token), { json });
    return { status: res.status, body: (await res.json()) as { ok?: true; error?: { code: string } }, res };
  };
  const csatW48 = async () => {
    const res = await call(t, 'GET', `${base}/metrics?period=week&asOf=2026-11-30T00:00:00Z&assistant=a1`, {
      token: team.owner.token,
    });
    const rows = (await res.json()) as {
      metric: string;
      period: string;
      value: number;
      mean: number;
      count: number;
    }[];
    return rows.find((r) => r.metric === 'csat' && r.period === '2026-W48');
  };
  const surveyEventCount = async () =>
    (
      await t.store.db
        .select({ id: events.id })
        .from(events)
        .where(and(eq(events.workspaceId, team.ws), eq(events.type, 'survey')))
    ).length;

  beforeAll(async () => {
    t = await startTestServer(kind);
    t.clock.now = START;
    team = await makeTeam(t, 'surveys');
    base = `/api/v1/workspaces/${team.ws}`;
    await call(t, 'PATCH', `${base}/assistants/a1`, {
      token: team.owner.token,
      json: { name: 'Maria Lopez' },
    });
    await call(t, 'PUT', `${base}/clients/c1`, { token: team.owner.token, json: { name: 'Acme' } });
    const ingest = await call(t, 'POST', `${base}/events`, {
      token: team.owner.token,
      body: `${[survey('S1', 5, '2026-11-23T09:00:00Z'), survey('S2', 3, '2026-11-23T10:00:00Z')]
        .map((e) => JSON.stringify(e))
        .join('\n')}\n`,
    });
    expect(ingest.status).toBe(200);
  });
  afterAll(async () => t?.close());

  it('stores the answer as a survey event that the csat metric counts, and marks the link answered', async () => {
    expect(await csatW48()).toMatchObject({ value: 0.5, mean: 4, count: 2 });
    const made = await create(team.members.manager.token, { assistant: 'a1', client: 'c1' });
    expect(made.status).toBe(201);
    expect(made.body.url.startsWith(`${PUBLIC_URL}/s/svy_`)).toBe(true);
    expect(made.body.request).toMatchObject({
      assistant: 'a1',
      client: 'c1',
      status: 'pending',
      expiresAt: new Date(START + 14 * DAY).toISOString(),
    });
    const token = tokenOf(made.body.url);
    // ≥ 128 bits: 43 base64url characters are 256 bits; only the hash is stored.
    expect(token.length - 'svy_'.length).toBe(43);
    const stored = await t.store.db
      .select()
      .from(surveyRequests)
      .where(eq(surveyRequests.id, made.body.request.id));
    expect(stored[0]?.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token.slice(4));

    const page = await call(t, 'GET', publicPath(token));
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await page.json()).toEqual({ assistant: 'Maria', workspace: team.name });

    const done = await answer(token, { score: 5, comment: 'Fast and careful' });
    expect(done.status).toBe(200);
    expect(done.res.headers.get('referrer-policy')).toBe('no-referrer');
    const csat = await csatW48();
    expect(csat?.value).toBeCloseTo(2 / 3, 12);
    expect(csat?.mean).toBeCloseTo(13 / 3, 12);
    expect(csat?.count).toBe(3);

    const ev = await call(t, 'GET', `${base}/events/survey/${made.body.request.id}`, {
      token: team.owner.token,
    });
    expect(((await ev.json()) as { event: unknown }).event).toEqual({
      type: 'survey',
      id: made.body.request.id,
      assistant: 'a1',
      respondedAt: new Date(START).toISOString(),
      score: 5,
      comment: 'Fast and careful',
      client: 'c1',
      source: 'survey-link',
    });
    const list = await call(t, 'GET', `${base}/surveys?assistant=a1`, {
      token: team.members.assistant.token,
    });
    const body = (await list.json()) as SurveyRequestList;
    expect(body.requests[0]).toMatchObject({ status: 'answered', score: 5, comment: 'Fast and careful' });
  });

  it('refuses a second submission, and stores nothing for it', async () => {
    const made = await create(team.owner.token, { assistant: 'a1' });
    const token = tokenOf(made.body.url);
    expect((await answer(token, { score: 4 })).status).toBe(200);
    const before = await surveyEventCount();
    const again = await answer(token, { score: 1, comment: 'changed my mind' });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('survey_answered');
    const read = await call(t, 'GET', publicPath(token));
    expect(read.status).toBe(409);
    expect(await surveyEventCount()).toBe(before);
    // Two at once: exactly one is stored.
    const racing = await create(team.owner.token, { assistant: 'a1' });
    const rt = tokenOf(racing.body.url);
    const both = await Promise.all([answer(rt, { score: 5 }), answer(rt, { score: 2 })]);
    expect(both.map((b) => b.status).sort()).toEqual([200, 409]);
    expect(await surveyEventCount()).toBe(before + 1);
  });

  it('refuses an expired link from the instant it expires', async () => {
    t.clock.now = START;
    const made = await create(team.owner.token, { assistant: 'a1', expiresInDays: 3 });
    const token = tokenOf(made.body.url);
    t.clock.now = START + 3 * DAY - 1;
    expect((await call(t, 'GET', publicPath(token))).status).toBe(200);
    t.clock.now = START + 3 * DAY;
    const before = await surveyEventCount();
    const late = await answer(token, { score: 5 });
    expect(late.status).toBe(410);
    expect(late.body.error?.code).toBe('survey_expired');
    expect((await call(t, 'GET', publicPath(token))).status).toBe(410);
    expect(await surveyEventCount()).toBe(before);
    const list = (await (
      await call(t, 'GET', `${base}/surveys?assistant=a1`, { token: team.owner.token })
    ).json()) as SurveyRequestList;
    expect(list.requests.find((r) => r.id === made.body.request.id)?.status).toBe('expired');
    t.clock.now = START;
  });

  it('shows the response rate over a range: answered ÷ sent', async () => {
    // a2 (New York): three links on 2026-11-23, one answered.
    const links = [];
    for (let i = 0; i < 3; i++) links.push(await create(team.owner.token, { assistant: 'a2' }));
    expect((await answer(tokenOf(links[0]!.body.url), { score: 3 })).status).toBe(200);
    const get = async (q: string) =>
      (await (
        await call(t, 'GET', `${base}/surveys?assistant=a2${q}`, { token: team.members.viewer.token })
      ).json()) as SurveyRequestList;
    const all = await get('');
    expect(all.responseRate).toEqual({
      from: '2026-08-26',
      to: '2026-11-23',
      sent: 3,
      answered: 1,
      rate: 1 / 3,
    });
    expect(all.requests.map((r) => r.status).sort()).toEqual(['answered', 'pending', 'pending']);
    expect((await get('&from=2026-11-24&to=2026-11-30')).responseRate).toMatchObject({ sent: 0, rate: null });
    expect((await get('&from=2026-11-23&to=2026-11-23')).responseRate.rate).toBe(1 / 3);
    const bad = await call(t, 'GET', `${base}/surveys?assistant=a2&from=2026-12-01&to=2026-11-01`, {
      token: team.owner.token,
    });
    expect(bad.status).toBe(400);
  });

  it('lets owners and managers create links, and keeps every role to its assistants', async () => {
    for (const role of ['assistant', 'coach', 'viewer'] as const)
      expect((await create(team.members[role].token, { assistant: 'a1' })).status).toBe(403);
    expect((await create(team.members.manager.token, { assistant: 'a2' })).status).toBe(404);
    for (const role of ['manager', 'assistant', 'coach'] as const) {
      const res = await call(t, 'GET', `${base}/surveys?assistant=a2`, { token: team.members[role].token });
      expect(res.status).toBe(404);
    }
    expect((await create(team.owner.token, { assistant: 'a1', client: 'nobody' })).status).toBe(400);
    expect((await create(team.owner.token, { assistant: 'zz' })).status).toBe(404);
    expect((await create(team.owner.token, { assistant: 'a1', expiresInDays: 0 })).status).toBe(400);
    expect((await create(team.owner.token, { assistant: 'a1', token: 'x' })).status).toBe(400);
  });

  it('refuses bad answers with a 400 and stores nothing', async () => {
    const made = await create(team.owner.token, { assistant: 'a1' });
    const token = tokenOf(made.body.url);
    const before = await surveyEventCount();
    const bad: unknown[] = [
      {},
      { score: 0 },
      { score: 6 },
      { score: 3.5 },
      { score: '5' },
      { score: null },
      { score: 4, comment: 'x'.repeat(2001) },
      { score: 4, comment: 42 },
      { score: 4, respondent: 'someone' },
      { score: 4, assistant: 'a2' },
      [4],
    ];
    for (const json of bad) {
      const res = await answer(token, json);
      expect(res.status, JSON.stringify(json).slice(0, 60)).toBe(400);
      expect(res.body.error?.code).toBe('validation_failed');
    }
    // `__proto__` as a key (JSON.parse makes it an own property): refused as unknown, no pollution.
    for (const raw of ['{"score":4,"__proto__":{"polluted":true}}', '{"__proto__":{"score":5}}']) {
      const res = await call(t, 'POST', publicPath(token), { body: raw, type: 'application/json' });
      expect(res.status).toBe(400);
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    }
    const huge = await call(t, 'POST', publicPath(token), {
      body: JSON.stringify({ score: 4, comment: 'x'.repeat(2 * 1024 * 1024) }),
      type: 'application/json',
    });
    expect(huge.status).toBe(413);
    const notJson = await call(t, 'POST', publicPath(token), { body: 'score=4', type: 'text/plain' });
    expect(notJson.status).toBeGreaterThanOrEqual(400);
    expect(notJson.status).toBeLessThan(500);
    expect(await surveyEventCount()).toBe(before);
    // The longest comment allowed is stored whole, and the link still works after all the above.
    const ok = await answer(token, { score: 4, comment: 'y'.repeat(2000) });
    expect(ok.status).toBe(200);
    expect(await surveyEventCount()).toBe(before + 1);
  });

  it('refuses 10,000 random tokens without a 5xx, storing nothing', async () => {
    const before = await surveyEventCount();
    const statuses = new Map<number, number>();
    const tokens: string[] = [];
    for (let i = 0; i < 10_000; i++)
      tokens.push(
        i % 10 === 9
          ? encodeURIComponent(randomBytes(1 + (i % 200)).toString('latin1'))
          : i % 10 === 8
            ? randomBytes(24).toString('hex')
            : randomToken(),
      );
    for (let i = 0; i < tokens.length; i += 50)
      await Promise.all(
        tokens.slice(i, i + 50).map(async (tok, j) => {
          const res =
            (i + j) % 2 === 0
              ? await call(t, 'POST', publicPath(tok), { json: { score: 5 } })
              : await call(t, 'GET', publicPath(tok));
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }),
      );
    expect([...statuses.keys()].filter((s) => s < 400 || s >= 500)).toEqual([]);
    expect(statuses.get(404)).toBeGreaterThan(8_900);
    expect(await surveyEventCount()).toBe(before);
  }, 240_000);

  it('refuses the token on every other endpoint: in the path, as a bearer token and as a session cookie', async () => {
    const made = await create(team.owner.token, { assistant: 'a1' });
    const token = tokenOf(made.body.url);
    const control = randomToken();
    const cookie = sessionCookieName(PUBLIC_URL);
    const seen = new Set<string>();
    const failures: string[] = [];
    let tried = 0;
    for (const r of t.app.routes) {
      if (r.method === 'ALL') continue;
      const key = `${r.method} ${r.path}`;
      if (seen.has(key) || r.path === '/api/v1/public/surveys/:token') continue;
      seen.add(key);
      // Every parameter the token; and, for workspace routes, the workspace real and the rest the token.
      const paths = [(tok: string) => r.path.replace(/:(\w+)/g, () => encodeURIComponent(tok))];
      if (r.path.includes(':ws'))
        paths.push((tok: string) =>
          r.path.replace(/:(\w+)/g, (_, k: string) => (k === 'ws' ? team.ws : encodeURIComponent(tok))),
        );
      for (const path of paths)
        for (const how of ['bearer', 'cookie', 'body'] as const) {
          const send = (tok: string) =>
            call(t, r.method, path(tok), {
              headers:
                how === 'bearer'
                  ? { authorization: `Bearer ${tok}` }
                  : how === 'cookie'
                    ? { cookie: `${cookie}=${tok}`, 'x-csrf-token': tok, origin: PUBLIC_URL }
                    : {},
              ...(r.method === 'GET' || r.method === 'HEAD'
                ? {}
                : { json: { token: tok, password: 'correct horse battery staple 42' } }),
            });
          const [real, fake] = [await send(token), await send(control)];
          tried++;
          // The token opens nothing: the answer is the same as for a token never issued.
          if (real.status >= 500 || real.status !== fake.status)
            failures.push(`${key} (${how}): ${real.status}, a never-issued token ${fake.status}`);
        }
    }
    expect(tried).toBeGreaterThan(300);
    expect(failures).toEqual([]);
    // …and the link itself still works for its one action.
    expect((await call(t, 'GET', publicPath(token))).status).toBe(200);
    expect((await answer(token, { score: 4 })).status).toBe(200);
  }, 240_000);

  it('serves the survey page with no referrer and keeps the token out of the request log', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tandem-survey-web-'));
    try {
      writeFileSync(join(root, 'index.html'), '<!doctype html><title>Tandem</title><div id="root"></div>');
      const app = createApp(t.deps, { webRoot: root });
      const token = randomToken();
      const res = await app.request(`/s/${token}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect((await app.request('/sign-in')).headers.get('referrer-policy')).toBe('same-origin');
      expect(withoutLinkToken(`/s/${token}`)).toBe('/s/[token]');
      expect(withoutLinkToken(`/api/v1/public/surveys/${token}`)).toBe('/api/v1/public/surveys/[token]');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('exports and restores the links: lists equal, a pending link still answers once, a used one stays used', async () => {
    const pending = await create(team.owner.token, { assistant: 'a1', client: 'c1' });
    const used = await create(team.owner.token, { assistant: 'a1' });
    expect((await answer(tokenOf(used.body.url), { score: 2 })).status).toBe(200);
    const archive = Buffer.from(
      await (await call(t, 'GET', `${base}/export`, { token: team.owner.token })).arrayBuffer(),
    );
    const u = await startTestServer(kind);
    try {
      u.clock.now = t.clock.now;
      await restoreWorkspace(u.deps, archive);
      for (const a of ['a1', 'a2']) {
        const path = `${base}/surveys?assistant=${a}`;
        const [x, y] = await Promise.all(
          [t, u].map(async (s) => (await call(s, 'GET', path, { token: team.owner.token })).json()),
        );
        expect(y).toEqual(x);
      }
      const onRestored = (tok: string, json: unknown) => call(u, 'POST', publicPath(tok), { json });
      expect((await onRestored(tokenOf(used.body.url), { score: 5 })).status).toBe(409);
      expect((await onRestored(tokenOf(pending.body.url), { score: 5 })).status).toBe(200);
      expect((await onRestored(tokenOf(pending.body.url), { score: 5 })).status).toBe(409);
    } finally {
      await u.close();
    }
  });

  it('describes the survey routes in the OpenAPI document, the public pair without credentials', async () => {
    const doc = (await (await call(t, 'GET', '/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown[]; tags?: string[] }>>;
    };
    const own = doc.paths['/api/v1/workspaces/{ws}/surveys'];
    expect(Object.keys(own ?? {}).sort()).toEqual(['get', 'post']);
    expect(own?.post?.security).toEqual([{ bearer: [] }, { session: [] }]);
    const pub = doc.paths['/api/v1/public/surveys/{token}'];
    expect(Object.keys(pub ?? {}).sort()).toEqual(['get', 'post']);
    expect(pub?.get?.security).toBeUndefined();
    expect(pub?.post?.tags).toEqual(['surveys']);
  });

  it('builds the survey e-mail and hands it to the mail queue it is given', async () => {
    const mail = surveyRequestEmail({
      url: 'http://localhost:3000/s/svy_abc',
      assistantName: 'Maria <b>',
      workspaceName: 'Acme & Co',
      expiresAt: '2026-12-07T12:00:00.000Z',
    });
    expect(mail.subject).toBe('How did Maria <b> do? A one-minute question from Acme & Co');
    expect(mail.text).toContain('http://localhost:3000/s/svy_abc');
    expect(mail.text).toContain('until 2026-12-07');
    expect(mail.html).toContain('Maria &#60;b&#62;');
    expect(mail.html).toContain('Acme &#38; Co');
    expect(mail.html).not.toContain('<b>');
    const created = await create(team.owner.token, { assistant: 'a1' });
    const sent: { to: string; subject: string; text: string }[] = [];
    await sendSurveyRequestEmail(
      t.deps,
      team.ws,
      { to: 'client@example.com', created: created.body },
      async (m) => {
        sent.push(m);
      },
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: 'client@example.com',
      subject: `How did Maria do? A one-minute question from ${team.name}`,
    });
    expect(sent[0]?.text).toContain(created.body.url);
  });
});
