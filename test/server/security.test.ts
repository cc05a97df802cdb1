/**
 * The security promises of SECURITY.md (issue 10 item 2), on each store. Where another file proves
 * a promise already it is named here and not repeated:
 * - session id rotation at sign-in, a dead cookie after sign-out, HttpOnly/SameSite, CSRF token
 *   and Origin on cookie changes, identical sign-in answers (body and status), Secure `__Host-`
 *   cookies and HSTS behind TLS, a revoked or removed member's API token: test/server/auth.test.ts;
 * - CSV and XLSX export injection: test/server/reports.test.ts ("formula text escaped") and
 *   src/services/reports/escape-spreadsheet-text.test.ts;
 * - the password policy's rules one by one: test/server/auth.test.ts ("password policy").
 * This file adds what those leave open: headers on pages and errors and no HSTS without TLS, the
 * three rate limits and whose X-Forwarded-For is believed, a removed member's session, a foreign
 * Origin at sign-in, sign-in timing, tokens in a URL, and the password policy through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#server/app';
import type { AppDeps } from '#server/app-env';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '#server/middleware/rate-limit';
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

function cookieFrom(res: Response, name: string): string {
  const c = res.headers.getSetCookie().find((x) => x.startsWith(`${name}=`));
  if (!c) throw new Error(`no ${name} cookie`);
  return c.split(';')[0] as string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

describe.each(STORE_KINDS)('security promises on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let other: Team;
  beforeAll(async () => {
    // A real scrypt cost (2^14), so a sign-in that skipped the hash would show in its timing.
    t = await startTestServer(kind, { trustedProxies: ['local'], scryptN: 16_384 });
    team = await makeTeam(t, 'sec');
    other = await makeTeam(t, 'sec-other');
  }, 180_000);
  afterAll(async () => t?.close());

  /** The same store behind an app with other rate limits or proxies (fresh counters each time). */
  const appWith = (over: Partial<RateLimits>, trustedProxies: string[] = []) =>
    createApp({
      ...t.deps,
      trustedProxies,
      rateLimits: { ...DEFAULT_RATE_LIMITS, ...over },
    } satisfies AppDeps);
  const get = (
    app: ReturnType<typeof createApp>,
    path: string,
    opts: { token?: string; ip?: string } = {},
  ): Promise<Response> =>
    Promise.resolve(
      app.request(path, {
        headers: {
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...(opts.ip ? { 'x-forwarded-for': opts.ip } : {}),
        },
      }),
    );
  /** Seconds to the end of the current one-minute window, as Retry-After must say. */
  const untilNextWindow = () => Math.ceil((60_000 - (t.clock.now % 60_000)) / 1000);

  describe('headers', () => {
    it('sends CSP with frame-ancestors, nosniff and a referrer policy on pages and API errors, no-store on API JSON, and no HSTS without TLS', async () => {
      const page = await call(t, 'GET', '/setup');
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(page.headers.get('content-security-policy')).toContain("object-src 'none'");
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('referrer-policy')).toBe('same-origin');
      expect(page.headers.get('strict-transport-security')).toBeNull();

      for (const res of [
        await call(t, 'GET', `/api/v1/workspaces/${team.ws}/assistants`, { token: team.owner.token }),
        await call(t, 'GET', `/api/v1/workspaces/${team.ws}/nothing-here`, { token: team.owner.token }),
        await call(t, 'GET', `/api/v1/workspaces/${team.ws}`),
      ]) {
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(res.headers.get('content-security-policy')).toBe(
          "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        );
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        // http:// public URL: HSTS would be a lie (test/server/auth.test.ts "behind TLS" has it on https).
        expect(res.headers.get('strict-transport-security')).toBeNull();
      }
    });
  });

  describe('rate limits (429 with Retry-After)', () => {
    it('per API token: the fourth request of a minute is refused for that token only, and the next minute lets it through', async () => {
      const app = appWith({ perTokenPerMinute: 3 });
      const path = `/api/v1/workspaces/${team.ws}`;
      for (let i = 0; i < 3; i++)
        expect((await get(app, path, { token: team.members.viewer.token })).status).toBe(200);
      const refused = await get(app, path, { token: team.members.viewer.token });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe(String(untilNextWindow()));
      expect(refused.headers.get('cache-control')).toBe('no-store');
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
      // Another token of the same workspace and address is not held back.
      expect((await get(app, path, { token: team.members.coach.token })).status).toBe(200);
      t.clock.now += untilNextWindow() * 1000;
      expect((await get(app, path, { token: team.members.viewer.token })).status).toBe(200);
    });

    it('per workspace: its members share one budget; another workspace is not affected', async () => {
      const app = appWith({ perWorkspacePerMinute: 5 });
      const path = (ws: string) => `/api/v1/workspaces/${ws}/assistants`;
      const tokens = [
        team.owner.token,
        team.owner.token,
        team.members.manager.token,
        team.members.viewer.token,
      ];
      for (const token of tokens) expect((await get(app, path(team.ws), { token })).status).toBe(200);
      expect((await get(app, path(team.ws), { token: team.members.coach.token })).status).toBe(200);
      const refused = await get(app, path(team.ws), { token: team.members.assistant.token });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBe(untilNextWindow());
      expect((await get(app, path(other.ws), { token: other.owner.token })).status).toBe(200);
    });

    it('per client IP, counted before the caller is known: unknown tokens meet it too', async () => {
      const app = appWith({ perIpPerMinute: 4 });
      for (let i = 0; i < 4; i++)
        expect((await get(app, '/api/v1/auth/session', { token: `tdm_guess${i}` })).status).toBe(401);
      const refused = await get(app, `/api/v1/workspaces/${team.ws}`, { token: team.owner.token });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBe(untilNextWindow());
    });

    it('believes X-Forwarded-For only from a configured proxy, and then only its last untrusted hop', async () => {
      const path = `/api/v1/workspaces/${team.ws}`;
      const token = team.owner.token;
      // The peer is not a trusted proxy: every address it claims is the peer's own budget.
      const direct = appWith({ perIpPerMinute: 3 });
      for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3'])
        expect((await get(direct, path, { token, ip })).status).toBe(200);
      expect((await get(direct, path, { token, ip: '192.0.2.4' })).status).toBe(429);

      // Behind the configured proxy each client has its own budget.
      const proxied = appWith({ perIpPerMinute: 3 }, ['local']);
      for (let i = 0; i < 3; i++)
        expect((await get(proxied, path, { token, ip: '203.0.113.1' })).status).toBe(200);
      expect((await get(proxied, path, { token, ip: '203.0.113.1' })).status).toBe(429);
      expect((await get(proxied, path, { token, ip: '203.0.113.2' })).status).toBe(200);
      // A client that writes its own X-Forwarded-For gets the proxy's hop appended: still itself.
      expect((await get(proxied, path, { token, ip: '198.51.100.77, 203.0.113.1' })).status).toBe(429);
      // A chain of trusted proxies is walked back to the first untrusted address.
      const chain = appWith({ perIpPerMinute: 3 }, ['local', '10.0.0.5']);
      for (let i = 0; i < 3; i++)
        expect((await get(chain, path, { token, ip: '203.0.113.9, 10.0.0.5' })).status).toBe(200);
      expect((await get(chain, path, { token, ip: '203.0.113.9' })).status).toBe(429);
    });
  });

  describe('sessions and sign-in', () => {
    const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
      call(t, 'POST', '/api/v1/auth/sign-in', {
        json: { email, password },
        headers: { origin: PUBLIC_URL, ...headers },
      });

    it("refuses a removed member's next request with their still-valid session cookie", async () => {
      const email = `viewer-${team.name}@example.com`;
      const cookie = cookieFrom(
        await signIn(email, PASSWORD, { 'x-forwarded-for': '192.0.2.50' }),
        'tandem_session',
      );
      const path = `/api/v1/workspaces/${team.ws}/assistants`;
      expect((await call(t, 'GET', path, { headers: { cookie } })).status).toBe(200);
      const removed = await call(
        t,
        'DELETE',
        `/api/v1/workspaces/${team.ws}/members/${team.members.viewer.userId}`,
        {
          token: team.owner.token,
        },
      );
      expect(removed.status).toBe(204);
      const after = await call(t, 'GET', path, { headers: { cookie } });
      expect([403, 404]).toContain(after.status);
      expect(await after.text()).not.toContain('"a1"');
    });

    it('refuses a sign-in posted from a foreign Origin (login CSRF), before looking at the password', async () => {
      const res = await signIn(`owner-${team.name}@example.com`, PASSWORD, {
        origin: 'https://evil.example',
      });
      expect(res.status).toBe(403);
      expect(res.headers.getSetCookie().some((c) => c.startsWith('tandem_session='))).toBe(false);
      const ok = await signIn(`owner-${team.name}@example.com`, PASSWORD, {
        'x-forwarded-for': '192.0.2.51',
      });
      expect(ok.status).toBe(200);
    });

    it('takes as long for an unknown e-mail as for a wrong password: both pay the password hash', async () => {
      // Alternating, each from an address of its own so throttling never answers early; medians
      // over 9 rounds each. Without the dummy hash an unknown e-mail answers in a few ms while a
      // wrong password costs scrypt at 2^14 (tens of ms): a ratio far outside [0.5, 2].
      const known = `coach-${team.name}@example.com`;
      const unknownMs: number[] = [];
      const wrongMs: number[] = [];
      for (let i = 0; i < 11; i++) {
        const ip = { 'x-forwarded-for': `198.18.${i}.1` };
        let s = performance.now();
        const u = await signIn(`nobody-${i}@example.com`, 'not the password at all', ip);
        const uMs = performance.now() - s;
        s = performance.now();
        const w = await signIn(known, 'not the password at all', { 'x-forwarded-for': `198.18.${i}.2` });
        const wMs = performance.now() - s;
        expect(u.status).toBe(401);
        expect(w.status).toBe(401);
        expect(await u.json()).toEqual(await w.json());
        // The first two rounds warm up (the dummy hash is computed once per cost).
        if (i >= 2) {
          unknownMs.push(uMs);
          wrongMs.push(wMs);
        }
      }
      const ratio = median(unknownMs) / median(wrongMs);
      expect(
        ratio,
        `unknown ${median(unknownMs).toFixed(1)} ms, wrong ${median(wrongMs).toFixed(1)} ms`,
      ).toBeGreaterThan(0.5);
      expect(ratio).toBeLessThan(2);
    }, 120_000);
  });

  describe('credentials in a URL', () => {
    it('never accepts an API token in the query string: 401, whichever name carries it', async () => {
      const path = `/api/v1/workspaces/${team.ws}`;
      for (const name of ['token', 'access_token', 'api_key', 'apikey', 'bearer', 'auth']) {
        const res = await call(t, 'GET', `${path}?${name}=${team.owner.token}`);
        expect(res.status, name).toBe(401);
        const body = (await res.json()) as { error: { code: string; field: string } };
        expect(body.error.code).toBe('unauthenticated');
        expect(body.error.field).toBe(`query.${name}`);
      }
      // Even next to a valid Authorization header: the token in the URL has leaked already.
      expect((await call(t, 'GET', `${path}?access_token=x`, { token: team.owner.token })).status).toBe(401);
      expect((await call(t, 'GET', path, { token: team.owner.token })).status).toBe(200);
    });
  });

  describe('password policy through the API', () => {
    const invite = async (email: string): Promise<string> => {
      const res = await call(t, 'POST', `/api/v1/workspaces/${team.ws}/invitations`, {
        token: team.owner.token,
        json: { email, role: 'viewer' },
      });
      expect(res.status).toBe(201);
      return linkToken(((await res.json()) as { url: string }).url);
    };
    const accept = (token: string, password: string) =>
      call(t, 'POST', '/api/v1/invitations/accept', { json: { token, password } });

    it('accepts long passphrases (spaces and any script, up to 256 characters) and refuses common or short passwords', async () => {
      const token = await invite('policy@example.com');
      for (const weak of ['password123', 'Football123', 'correcthorsebatterystaple', 'short one']) {
        const res = await accept(token, weak);
        expect(res.status, weak).toBe(400);
        const body = (await res.json()) as { error: { code: string; field: string } };
        expect(body.error.code).toBe('validation_failed');
        expect(body.error.field).toBe('password');
      }
      expect((await accept(token, 'é'.repeat(10) + 'x'.repeat(247))).status).toBe(400);
      // The link was not used up by the refusals: a passphrase of 256 characters goes in.
      const passphrase = 'über den wolken ☁ muss die freiheit wohl grenzenlos sein '.repeat(5).slice(0, 256);
      expect([...passphrase]).toHaveLength(256);
      expect((await accept(token, passphrase)).status).toBe(200);
      const again = await call(t, 'POST', '/api/v1/auth/sign-in', {
        json: { email: 'policy@example.com', password: passphrase },
        headers: { origin: PUBLIC_URL, 'x-forwarded-for': '192.0.2.60' },
      });
      expect(again.status).toBe(200);
    });
  });
});
