/**
 * `tandem password-link`: the way back in for a locked-out sole owner (whom `tandem init` refuses
 * and no other owner can send a link). It prints a single-use set-password link as JSON, refuses an
 * unknown e-mail with exit 2, says clearly when a running server holds the embedded store, and is
 * recorded in the audit log.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { main } from '#cli/main';
import { openStore } from '#db/client';
import { acquireDirectoryLock } from '#db/directory-lock';
import { createApp } from '#server/app';
import { createAppDeps } from '#server/app-deps';
import { linkToken, PUBLIC_URL } from './test-store.ts';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const env = { TANDEM_PUBLIC_URL: PUBLIC_URL };

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await main(args, { stdout, stderr, env, cwd, now: () => NOW });
  return { code, out, err };
}

describe('tandem password-link', () => {
  it('prints a one-time set-password link for an existing owner, audited, and refuses an unknown e-mail', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-pwlink-'));
    const data = join(dir, 'data');
    const init = await run(
      ['init', '--data', data, '--workspace', 'Acme', '--owner-email', 'boss@example.com'],
      dir,
    );
    expect(init.code, init.err).toBe(0);
    const { workspace, token } = JSON.parse(init.out) as { workspace: string; token: string };
    // init refuses the existing owner: it is no way back in.
    expect(
      (await run(['init', '--data', data, '--workspace', 'Again', '--owner-email', 'boss@example.com'], dir))
        .code,
    ).toBe(1);

    const issued = await run(['password-link', '--data', data, '--email', ' Boss@Example.com '], dir);
    expect(issued.code, issued.err).toBe(0);
    const link = JSON.parse(issued.out) as { email: string; setPasswordUrl: string; expiresAt: string };
    expect(link.email).toBe('boss@example.com');
    expect(link.setPasswordUrl).toMatch(/^http:\/\/localhost:3000\/set-password#token=[A-Za-z0-9_-]{22,}$/);
    // Password links live three days: 2026-11-23T12:00Z + 72 h.
    expect(link.expiresAt).toBe('2026-11-26T12:00:00.000Z');

    const unknown = await run(['password-link', '--data', data, '--email', 'nobody@example.com'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.out).toBe('');
    expect(unknown.err).toContain('nobody@example.com');

    const lock = acquireDirectoryLock(data);
    try {
      const held = await run(['password-link', '--data', data, '--email', 'boss@example.com'], dir);
      expect(held.code).toBe(1);
      expect(held.err).toContain(`pid ${process.pid}`);
      expect(held.err).toContain("A running 'tandem serve' holds the embedded store");
    } finally {
      lock.release();
    }

    const store = await openStore({ dataDir: data });
    try {
      const deps = await createAppDeps(store, {
        publicUrl: PUBLIC_URL,
        logger: pino({ level: 'silent' }),
        now: () => NOW,
        scryptN: 1024,
      });
      const app = createApp(deps);
      const post = (path: string, json: object) =>
        app.request(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: PUBLIC_URL },
          body: JSON.stringify(json),
        });
      const password = 'back in after a long weekend';
      const reset = { token: linkToken(link.setPasswordUrl), password };
      expect((await post('/api/v1/auth/password-reset', reset)).status).toBe(200);
      expect((await post('/api/v1/auth/password-reset', reset)).status).toBe(400);
      expect((await post('/api/v1/auth/sign-in', { email: 'boss@example.com', password })).status).toBe(200);
      const audit = (await (
        await app.request(`/api/v1/workspaces/${workspace}/audit`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as { entries: { actor: string; action: string }[] };
      expect(audit.entries).toContainEqual(
        expect.objectContaining({ actor: 'cli', action: 'account.password-link' }),
      );
    } finally {
      await store.close();
    }
  }, 180_000);

  it('has --help and refuses a missing e-mail with exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-pwlink-'));
    const help = await run(['password-link', '--help'], dir);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: tandem password-link [--data DIR] --email EMAIL');
    const bad = await run(['password-link', '--data', join(dir, 'data')], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--email');
  });
});
