/**
 * Two processes on one PGlite directory corrupt it silently, so the directory is locked: a second
 * process is refused with the holder's pid and a non-zero exit; a lock left by a dead process is
 * taken over.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDirectoryLock } from '#db/directory-lock';

describe('the PGlite directory lock', () => {
  it('refuses a second holder, naming the pid, and releases on close', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-lock-'));
    const lock = acquireDirectoryLock(dir);
    expect(readFileSync(join(dir, 'tandem.lock'), 'utf8').trim()).toBe(String(process.pid));
    expect(() => acquireDirectoryLock(dir)).toThrow(new RegExp(`pid ${process.pid}`));
    lock.release();
    acquireDirectoryLock(dir).release();
  });

  it('takes over a lock whose process is gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-lock-'));
    const dead = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    writeFileSync(join(dir, 'tandem.lock'), `${dead}\n`);
    const lock = acquireDirectoryLock(dir);
    expect(readFileSync(join(dir, 'tandem.lock'), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });

  it('makes a second tandem process exit non-zero with a clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-lock-'));
    const lock = acquireDirectoryLock(dir);
    try {
      const r = spawnSync(
        process.execPath,
        ['bin/tandem.mjs', 'init', '--data', dir, '--workspace', 'X', '--owner-email', 'x@example.com'],
        { encoding: 'utf8', timeout: 60_000 },
      );
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`pid ${process.pid}`);
      expect(r.stdout).toBe('');
    } finally {
      lock.release();
    }
  }, 60_000);

  it('exits 2 on usage errors and prints help for every server command', () => {
    for (const cmd of ['serve', 'init', 'export', 'restore']) {
      const help = spawnSync(process.execPath, ['bin/tandem.mjs', cmd, '--help'], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(help.status, cmd).toBe(0);
      expect(help.stdout).toContain(`Usage: tandem ${cmd}`);
    }
    const bad = spawnSync(process.execPath, ['bin/tandem.mjs', 'init', '--workspace', 'X'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--owner-email');
  }, 120_000);
});
