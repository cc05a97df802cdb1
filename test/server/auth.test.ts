/**
 * Sign-in and sessions (issue 4 §4, issue 10 §2): cookie attributes, session rotation and
 * sign-out, CSRF, identical answers for unknown e-mail and wrong password, throttling that does
 * not lock out a known browser, password policy, invitations, password links, tokens.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertPasswordAcceptable } from '#services/auth/password-policy';
import {
  call,
  linkToken,
  makeTeam,
  PASSWORD,
  PUBLIC_URL,
  STORE_KINDS,
  startTestServer,
  type Team,
  type TestServer,
} from './test-store.ts';

function cookieFrom(res: Response, name: string): string | undefined {
  const all = res.headers.getSetCookie();
  const c = all.find((x) => x.startsWith(`${name}=`));
  return c?.split(';')[0];
}

async function signIn(t: TestServer, email: string, password: string, extra: Record<string, string> = {}) {
  return call(t, 'POST', '/api/v1/auth/sign-in', {
    json: { email, password },
    headers: { origin: PUBLIC_URL, ...extra },
  });
}

describe('password policy', () => {
  it('accepts long passphrases and refuses short, common or e-mail-based passwords', () => {
    expect(() => assertPasswordAcceptable('correct horse battery staple 42')).not.toThrow();
    expect(() => assertPasswordAcceptable('a'.repeat(9))).toThrow();
    expect(() => assertPasswordAcceptable('password123')).toThrow();
    expect(() => assertPasswordAcceptable('qwertyuiop')).toThrow();
    expect(() => assertPasswordAcceptable('aaaaaaaaaaaa')).toThrow();
    expect(() => assertPasswordAcceptable('jane.doe-2026!', 'jane.doe@example.com')).toThrow();
  });
});

describe('behind TLS', () => {
  it('sets Secure __Host- cookies and HSTS when the public URL is https', async () => {
    const t = await startTestServer('pglite', { publicUrl: 'https://tandem.example.com' });
    try {
      const team = await makeTeam(t, 'tls');
      const res = await call(t, 'POST', '/api/v1/auth/sign-in', {
        json: { email: `owner-${team.name}@example.com`, password: PASSWORD },
        headers: { origin: 'https://tandem.example.com' },
      });
      expect(res.status).toBe(200);
      const session = res.headers.getSetCookie().find((c) => c.startsWith('__Host-tandem_session='));
      expect(session).toMatch(/Secure/);
      expect(session).toMatch(/Path=\//);
      expect(session).not.toMatch(/Domain=/);
      expect(res.headers.get('strict-transport-security')).toContain('max-age=');
      const cookie = session?.split(';')[0] as string;
      expect((await call(t, 'GET', '/api/v1/auth/session', { headers: { cookie } })).status).toBe(200);
    } finally {
      await t.close();
    }
  }, 120_000);
});

describe.each(STORE_KINDS)('sign-in and sessions on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let ownerEmail: string;
  beforeAll(async () => {
    t = await startTestServer(kind, { trustedProxies: ['local'] });
    team = await makeTeam(t, 'auth');
    ownerEmail = `owner-${team.name}@example.com`;
  });
  afterAll(async () => t?.close());

  it('sets an HttpOnly SameSite=Lax session cookie, rotates it at sign-in and kills it at sign-out', async () => {
    const first = await signIn(t, ownerEmail, PASSWORD);
    expect(first.status).toBe(200);
    const raw = first.headers.getSetCookie().find((c) => c.startsWith('tandem_session='));
    expect(raw).toMatch(/HttpOnly/);
    expect(raw).toMatch(/SameSite=Lax/);
    const cookie = cookieFrom(first, 'tandem_session') as string;
    const { csrfToken } = (await first.json()) as { csrfToken: string };
    const again = await signIn(t, ownerEmail, PASSWORD, { cookie });
    const rotated = cookieFrom(again, 'tandem_session') as string;
    expect(rotated).not.toBe(cookie);
    expect((await call(t, 'GET', '/api/v1/auth/session', { headers: { cookie } })).status).toBe(401);
    const s = await call(t, 'GET', '/api/v1/auth/session', { headers: { cookie: rotated } });
    expect(s.status).toBe(200);
    const csrf = ((await s.json()) as { csrfToken: string }).csrfToken;
    expect(csrf).not.toBe(csrfToken);
    const out = await call(t, 'POST', '/api/v1/auth/sign-out', {
      headers: { cookie: rotated, origin: PUBLIC_URL, 'x-csrf-token': csrf },
    });
    expect(out.status).toBe(204);
    expect((await call(t, 'GET', '/api/v1/auth/session', { headers: { cookie: rotated } })).status).toBe(401);
  });

  it('refuses cookie-authenticated changes from a foreign origin or without the CSRF token', async () => {
    const res = await signIn(t, ownerEmail, PASSWORD);
    const cookie = cookieFrom(res, 'tandem_session') as string;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const path = `/api/v1/workspaces/${team.ws}/clients/c9`;
    const json = { name: 'C9' };
    const foreign = await call(t, 'PUT', path, {
      json,
      headers: { cookie, origin: 'https://evil.example', 'x-csrf-token': csrfToken },
    });
    expect(foreign.status).toBe(403);
    const noToken = await call(t, 'PUT', path, { json, headers: { cookie, origin: PUBLIC_URL } });
    expect(noToken.status).toBe(403);
    const noOrigin = await call(t, 'PUT', path, { json, headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(noOrigin.status).toBe(403);
    const ok = await call(t, 'PUT', path, {
      json,
      headers: { cookie, origin: PUBLIC_URL, 'x-csrf-token': csrfToken },
    });
    expect(ok.status).toBe(201);
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const unknown = await signIn(t, 'nobody@example.com', 'whatever whatever');
    const wrong = await signIn(t, ownerEmail, 'whatever whatever');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
  });

  it('throttles guessing per account and IP but lets a browser that signed in before through', async () => {
    const email = `viewer-${team.name}@example.com`;
    const home = { 'x-forwarded-for': '192.0.2.7' };
    const ok = await signIn(t, email, PASSWORD, home);
    const device = cookieFrom(ok, 'tandem_device') as string;
    expect(device).toBeDefined();
    // biome-ignore lint/complexity/useLiteralKeys: reads the throttle's private limits so the test follows them
    for (let i = 0; i < t.deps.throttle['limits'].perAccount; i++)
      await signIn(t, email, 'wrong password here', { 'x-forwarded-for': `10.0.${i >> 8}.${i & 255}` });
    const blocked = await signIn(t, email, PASSWORD, { 'x-forwarded-for': '198.51.100.9' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const known = await signIn(t, email, PASSWORD, { ...home, cookie: device });
    expect(known.status).toBe(200);
  });

  it('accepts an invitation once, and refuses an expired one', async () => {
    const res = await call(t, 'POST', `/api/v1/workspaces/${team.ws}/invitations`, {
      token: team.owner.token,
      json: { email: 'new@example.com', role: 'viewer' },
    });
    expect(res.status).toBe(201);
    const { url } = (await res.json()) as { url: string };
    const token = linkToken(url);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const accept = () =>
      call(t, 'POST', '/api/v1/invitations/accept', { json: { token, password: PASSWORD } });
    expect((await accept()).status).toBe(200);
    expect((await accept()).status).toBe(400);
    const late = await call(t, 'POST', `/api/v1/workspaces/${team.ws}/invitations`, {
      token: team.owner.token,
      json: { email: 'late@example.com', role: 'viewer' },
    });
    const lateToken = linkToken(((await late.json()) as { url: string }).url);
    t.clock.now += 8 * 86_400_000;
    const expired = await call(t, 'POST', '/api/v1/invitations/accept', {
      json: { token: lateToken, password: PASSWORD },
    });
    t.clock.now -= 8 * 86_400_000;
    expect(expired.status).toBe(400);
  });

  it('sets a password from a single-use link and ends the old sessions', async () => {
    const email = `coach-${team.name}@example.com`;
    const before = cookieFrom(await signIn(t, email, PASSWORD), 'tandem_session') as string;
    const link = await call(
      t,
      'POST',
      `/api/v1/workspaces/${team.ws}/members/${team.members.coach.userId}/password-link`,
      {
        token: team.owner.token,
      },
    );
    const token = linkToken(((await link.json()) as { url: string }).url);
    const weak = await call(t, 'POST', '/api/v1/auth/password-reset', {
      json: { token, password: 'password123' },
    });
    expect(weak.status).toBe(400);
    const reset = await call(t, 'POST', '/api/v1/auth/password-reset', {
      json: { token, password: 'a brand new passphrase 7' },
    });
    expect(reset.status).toBe(200);
    expect((await call(t, 'GET', '/api/v1/auth/session', { headers: { cookie: before } })).status).toBe(401);
    expect((await signIn(t, email, 'a brand new passphrase 7')).status).toBe(200);
    const reuse = await call(t, 'POST', '/api/v1/auth/password-reset', {
      json: { token, password: 'another passphrase 8' },
    });
    expect(reuse.status).toBe(400);
  });

  it('shows an API token once, refuses it in a URL, and kills it when revoked or the member is removed', async () => {
    const created = await call(t, 'POST', `/api/v1/workspaces/${team.ws}/tokens`, {
      token: team.members.manager.token,
      json: { name: 'script' },
    });
    const { token, info } = (await created.json()) as { token: string; info: { id: string } };
    const list = await call(t, 'GET', `/api/v1/workspaces/${team.ws}/tokens`, { token });
    expect(JSON.stringify(await list.json())).not.toContain(token);
    expect((await call(t, 'GET', `/api/v1/workspaces/${team.ws}?access_token=${token}`)).status).toBe(401);
    expect(
      (await call(t, 'DELETE', `/api/v1/workspaces/${team.ws}/tokens/${info.id}`, { token })).status,
    ).toBe(204);
    expect((await call(t, 'GET', `/api/v1/workspaces/${team.ws}`, { token })).status).toBe(401);
    const other = team.members.manager.token;
    expect((await call(t, 'GET', `/api/v1/workspaces/${team.ws}`, { token: other })).status).toBe(200);
    const removed = await call(
      t,
      'DELETE',
      `/api/v1/workspaces/${team.ws}/members/${team.members.manager.userId}`,
      {
        token: team.owner.token,
      },
    );
    expect(removed.status).toBe(204);
    expect([401, 404]).toContain(
      (await call(t, 'GET', `/api/v1/workspaces/${team.ws}`, { token: other })).status,
    );
  });

  it('asks who is calling on the API only: pages answer alike whatever credential comes, the API still checks each', async () => {
    const signedIn = await signIn(t, ownerEmail, PASSWORD);
    const cookie = cookieFrom(signedIn, 'tandem_session') as string;
    // A page or the health check is the same for everyone: an unknown token is not looked up there…
    for (const path of ['/healthz', '/setup', '/set-password?token=abc'])
      expect((await call(t, 'GET', path, { token: 'tnd_unknown' })).status).toBe(200);
    // …while the API refuses it, refuses credentials in its URLs, and signs the cookie's person in.
    expect((await call(t, 'GET', '/api/v1/auth/session', { token: 'tnd_unknown' })).status).toBe(401);
    expect(
      (await call(t, 'GET', `/api/v1/auth/session?access_token=${team.owner.token}`, { headers: { cookie } }))
        .status,
    ).toBe(401);
    expect((await call(t, 'GET', '/api/v1/auth/session', { headers: { cookie } })).status).toBe(200);
    expect(
      (await call(t, 'GET', '/api/v1/auth/session', { headers: { cookie: 'tandem_session=forged' } })).status,
    ).toBe(401);
    // An API address spelled another way is still the API: its credentials are checked as above.
    const odd = `/%61pi/v1/workspaces/${team.ws}`;
    expect((await call(t, 'GET', odd, { token: 'tnd_unknown' })).status).toBe(401);
    expect((await call(t, 'GET', `${odd}?token=${team.owner.token}`)).status).toBe(401);
    expect((await call(t, 'GET', odd, { token: team.owner.token })).status).toBe(200);
  });

  it('sends security headers and no-store on API answers, and no stack traces on errors', async () => {
    const res = await call(t, 'GET', `/api/v1/workspaces/${team.ws}`, { token: team.owner.token });
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bad = await call(t, 'POST', `/api/v1/workspaces/${team.ws}/assistants`, {
      token: team.owner.token,
      json: { id: 'a9', timezone: 'Mars/Base', extra: 1 },
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues.map((i) => i.path)).toContain('body.extra');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });
});
