/**
 * The first owner comes from the one-time setup link (no default credentials ever): the link works
 * once, only on an empty store, and the page's form posts from the same origin.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSetupUrl } from '#services/workspaces/setup-token';
import { call, makeTeam, PUBLIC_URL, startTestServer, type TestServer } from './test-store.ts';

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

describe('setup link and plain pages', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('pglite');
  });
  afterAll(async () => t?.close());

  it('creates the first workspace and owner once, then refuses the link', async () => {
    const url = await issueSetupUrl(t.deps);
    expect(url).toMatch(/^http:\/\/localhost:3000\/setup\?token=/);
    const token = new URL(url as string).searchParams.get('token') as string;
    const page = await call(t, 'GET', `/setup?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    const fields = {
      token,
      workspace: 'Acme',
      email: 'founder@example.com',
      password: 'a long enough passphrase',
    };
    const foreign = await call(t, 'POST', '/setup', {
      body: form(fields),
      type: 'application/x-www-form-urlencoded',
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const weak = await call(t, 'POST', '/setup', {
      body: form({ ...fields, password: 'password123' }),
      type: 'application/x-www-form-urlencoded',
      headers: { origin: PUBLIC_URL },
    });
    expect(weak.status).toBe(400);
    const ok = await call(t, 'POST', '/setup', {
      body: form(fields),
      type: 'application/x-www-form-urlencoded',
      headers: { origin: PUBLIC_URL },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.getSetCookie().some((c) => c.startsWith('tandem_session='))).toBe(true);
    const again = await call(t, 'POST', '/setup', {
      body: form(fields),
      type: 'application/x-www-form-urlencoded',
      headers: { origin: PUBLIC_URL },
    });
    expect(again.status).toBe(400);
    expect(await issueSetupUrl(t.deps)).toBeNull();
    const signIn = await call(t, 'POST', '/api/v1/auth/sign-in', {
      json: { email: 'founder@example.com', password: 'a long enough passphrase' },
      headers: { origin: PUBLIC_URL },
    });
    expect(signIn.status).toBe(200);
  });

  it('answers 429 with Retry-After over the per-token rate limit, and serves again next minute', async () => {
    const u = await startTestServer('pglite', { rateLimits: { perTokenPerMinute: 3 } });
    try {
      const team = await makeTeam(u);
      const path = `/api/v1/workspaces/${team.ws}`;
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await call(u, 'GET', path, { token: team.owner.token })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await call(u, 'GET', path, { token: team.owner.token });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await call(u, 'GET', path, { token: team.members.viewer.token })).status).toBe(200);
      u.clock.now += 60_000;
      expect((await call(u, 'GET', path, { token: team.owner.token })).status).toBe(200);
    } finally {
      await u.close();
    }
  }, 120_000);

  it('serves the OpenAPI 3.1 document of every route and a local API reference', async () => {
    const doc = (await (await call(t, 'GET', '/api/v1/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, object>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/workspaces/{ws}/metrics');
    expect(Object.keys(doc.paths)).toContain('/api/v1/workspaces/{ws}/events');
    const html = await (await call(t, 'GET', '/api/docs')).text();
    expect(html).toContain('/api/docs/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    expect((await call(t, 'GET', '/api/docs/swagger-ui-bundle.js')).status).toBe(200);
  });
});
