/**
 * The first owner comes from the one-time setup link (no default credentials ever, SPEC §13): the
 * link carries its token in the fragment, works once and only on an empty store. With the web app
 * built, the link opens its setup screen, which posts JSON to /api/v1/setup; without it, a plain
 * page reads the fragment and posts its form from the same origin.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#server/app';
import { issueSetupUrl } from '#services/workspaces/setup-token';
import { REPO } from '../e2e/harness/server.ts';
import { call, linkToken, makeTeam, PUBLIC_URL, startTestServer, type TestServer } from './test-store.ts';

const OWNER = { workspace: 'Acme', email: 'founder@example.com', password: 'a long enough passphrase' };

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** The same server with its web app root pointed elsewhere: an empty directory, or a built app. */
function withWebRoot(t: TestServer, root: string): TestServer {
  return { ...t, app: createApp(t.deps, { webRoot: root }) };
}

function emptyDir(): string {
  return mkdtempSync(join(tmpdir(), 'tandem-noweb-'));
}

function builtApp(): string {
  const root = mkdtempSync(join(tmpdir(), 'tandem-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><title>Tandem</title><div id="root">the web app</div>',
  );
  return root;
}

describe('setup link and plain pages', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('pglite');
  });
  afterAll(async () => t?.close());

  it('prints the token in the fragment and, with the web app built, every link opens the app', async () => {
    const url = await issueSetupUrl(t.deps);
    expect(url).toMatch(/^http:\/\/localhost:3000\/setup#token=[A-Za-z0-9_-]{22,}$/);
    expect(new URL(url as string).search).toBe('');
    const web = withWebRoot(t, builtApp());
    for (const path of ['/setup', '/invite', '/set-password']) {
      const res = await call(web, 'GET', path, { headers: { accept: 'text/html' } });
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain('the web app');
    }
  });

  it('without the web app, serves plain pages whose one script reads the fragment, allowed by its hash', async () => {
    const plain = withWebRoot(t, emptyDir());
    for (const path of ['/setup', '/invite', '/set-password']) {
      const res = await call(plain, 'GET', path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      const page = await res.text();
      expect(page).toContain('<input type="hidden" id="token" name="token" value="">');
      const script = /<script>(.*?)<\/script>/s.exec(page)?.[1] ?? '';
      expect(script).toContain('location.hash');
      const hash = createHash('sha256').update(script).digest('base64');
      expect(res.headers.get('content-security-policy')).toContain(`script-src 'sha256-${hash}'`);
    }
    // A link of an earlier version (`?token=`) still fills the field.
    expect(await (await call(plain, 'GET', '/setup?token=abc')).text()).toContain('value="abc"');
  });

  it('creates the first workspace and owner once through the JSON endpoint the web app calls', async () => {
    const token = linkToken((await issueSetupUrl(t.deps)) as string);
    const post = (json: object, origin = PUBLIC_URL) =>
      call(t, 'POST', '/api/v1/setup', { json, headers: { origin } });
    expect((await post({ ...OWNER, token }, 'https://evil.example')).status).toBe(403);
    const weak = await post({ ...OWNER, token, password: 'password123' });
    expect(weak.status).toBe(400);
    const wrong = await post({ ...OWNER, token: 'not-the-token' });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('invalid_token');
    expect((await post({ ...OWNER, token, extra: 1 })).status).toBe(400);
    const ok = await post({ ...OWNER, token });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { workspace: string; csrfToken: string };
    expect(body.workspace).toMatch(/\S/);
    expect(body.csrfToken).toMatch(/\S/);
    expect(ok.headers.getSetCookie().some((c) => c.startsWith('tandem_session='))).toBe(true);
    const again = await post({ ...OWNER, token });
    expect(again.status).toBe(400);
    expect(await issueSetupUrl(t.deps)).toBeNull();
    const signIn = await call(t, 'POST', '/api/v1/auth/sign-in', {
      json: { email: OWNER.email, password: OWNER.password },
      headers: { origin: PUBLIC_URL },
    });
    expect(signIn.status).toBe(200);
  });

  it('creates the first owner through the plain form too, from the same origin only', async () => {
    const u = await startTestServer('pglite');
    try {
      const token = linkToken((await issueSetupUrl(u.deps)) as string);
      const submit = (fields: Record<string, string>, origin: string) =>
        call(u, 'POST', '/setup', {
          body: form(fields),
          type: 'application/x-www-form-urlencoded',
          headers: { origin },
        });
      expect((await submit({ ...OWNER, token }, 'https://evil.example')).status).toBe(403);
      expect((await submit({ ...OWNER, token, password: 'password123' }, PUBLIC_URL)).status).toBe(400);
      const ok = await submit({ ...OWNER, token }, PUBLIC_URL);
      expect(ok.status).toBe(200);
      expect(ok.headers.getSetCookie().some((c) => c.startsWith('tandem_session='))).toBe(true);
      expect((await submit({ ...OWNER, token }, PUBLIC_URL)).status).toBe(400);
    } finally {
      await u.close();
    }
  }, 120_000);

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
    expect(Object.keys(doc.paths)).toContain('/api/v1/setup');
    const html = await (await call(t, 'GET', '/api/docs')).text();
    expect(html).toContain('/api/docs/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    expect((await call(t, 'GET', '/api/docs/swagger-ui-bundle.js')).status).toBe(200);
  });
});

describe('tandem serve without TANDEM_PUBLIC_URL', () => {
  it('prints a setup link on the port it bound, and the CSRF check accepts that origin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-serve-'));
    const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'warn' };
    delete env.TANDEM_PUBLIC_URL;
    delete env.PORT;
    const child: ChildProcess = spawn(
      process.execPath,
      [join(REPO, 'bin', 'tandem.mjs'), 'serve', '--port', '0', '--data', dir],
      { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    try {
      const started = Date.now();
      while (!/setup#token=\S+\n/.test(out) && Date.now() - started < 60_000 && child.exitCode === null)
        await new Promise((r) => setTimeout(r, 100));
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      expect(port, out).toBeDefined();
      expect(port).not.toBe('3000');
      const link = /(http:\/\/\S+setup#token=\S+)/.exec(out)?.[1] ?? '';
      expect(link.startsWith(`http://localhost:${port}/setup#token=`), out).toBe(true);
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: `http://localhost:${port}` },
        body: JSON.stringify({ ...OWNER, token: linkToken(link) }),
      });
      expect(res.status, await res.clone().text()).toBe(200);
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
