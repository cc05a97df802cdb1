/**
 * `npx tandem demo --data DIR` as an operator runs it (a real process on a fresh embedded store):
 * it fills the demo workspace and prints how to sign in — the owner's e-mail and a single-use
 * set-password link; run again, it names the existing workspace and prints a new link. A
 * --workspace that does not exist is exit 1 with a message; a bad option is exit 2.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DATA = mkdtempSync(join(tmpdir(), 'tandem-demo-'));

function tandem(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'tandem.mjs'), ...args], {
      cwd: ROOT,
      env: { ...process.env, TANDEM_PUBLIC_URL: 'http://localhost:4321', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

afterAll(() => rmSync(DATA, { recursive: true, force: true }));

describe('tandem demo', () => {
  it('fills the demo workspace and prints how to sign in', async () => {
    const r = await tandem(['demo', '--data', DATA]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Demo data loaded into the workspace "Tandem demo" \(ws_[\w-]+\)/);
    expect(r.stdout).toContain('Rosa Villanueva (Asia/Manila)');
    expect(r.stdout).toContain('Inês Marques (Europe/Lisbon)');
    expect(r.stdout).toContain('Camilo Restrepo (America/Bogota)');
    expect(r.stdout).toMatch(/\n {2}(1[6-9]|20) weeks of data: \d+ events, 13 KPIs/);
    expect(r.stdout).toContain('e-mail:   demo.owner@example.com');
    expect(r.stdout).toMatch(/\n {2}http:\/\/localhost:4321\/set-password[?#]token=[\w-]{20,}\n/);
    expect(r.stdout).toContain(`npx tandem serve --data ${DATA}`);
  }, 180_000);

  it('run again, names the existing workspace and prints a new link', async () => {
    const r = await tandem(['demo', '--data', DATA]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/The demo workspace "Tandem demo" \(ws_[\w-]+\) already exists/);
    expect(r.stdout).toMatch(/set-password[?#]token=/);
  }, 180_000);

  it('exits 1 for a workspace that is not there, 2 for a bad option', async () => {
    const missing = await tandem(['demo', '--data', DATA, '--workspace', 'ws_nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('tandem demo: No such workspace');
    const bad = await tandem(['demo', '--bogus']);
    expect(bad.code).toBe(2);
  }, 180_000);
});
