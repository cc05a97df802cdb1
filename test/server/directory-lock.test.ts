/**
 * Two processes on one PGlite directory corrupt it silently, so the directory is locked: a second
 * process is refused with the holder's pid and a non-zero exit. A lock is stale when the process
 * it names is gone — including a dead process whose pid is now ours (a container restart) or was
 * reused by another program — and of several processes finding one stale lock, exactly one wins.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { acquireDirectoryLock, type LockRecord, processStartTime } from '#db/directory-lock';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const hasProc = existsSync('/proc/self/stat');

function lockDir(): string {
  return mkdtempSync(join(tmpdir(), 'tandem-lock-'));
}

function holder(dir: string): LockRecord {
  return JSON.parse(readFileSync(join(dir, 'tandem.lock'), 'utf8')) as LockRecord;
}

function writeLock(dir: string, record: Partial<LockRecord> & { pid: number }): void {
  const full = { host: hostname(), started: null, instance: 'earlier', ...record };
  writeFileSync(join(dir, 'tandem.lock'), `${JSON.stringify(full)}\n`);
}

function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout);
}

describe('the PGlite directory lock', () => {
  it('refuses a second holder, naming the pid, and releases on close', () => {
    const dir = lockDir();
    const lock = acquireDirectoryLock(dir);
    expect(holder(dir).pid).toBe(process.pid);
    expect(holder(dir).host).toBe(hostname());
    expect(() => acquireDirectoryLock(dir)).toThrow(new RegExp(`pid ${process.pid}`));
    lock.release();
    expect(existsSync(join(dir, 'tandem.lock'))).toBe(false);
    acquireDirectoryLock(dir).release();
    // Nothing but the lock itself is ever left behind.
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes over a lock whose process is gone, in the old pid-only format too', () => {
    for (const content of [
      `${deadPid()}\n`,
      JSON.stringify({ pid: deadPid(), host: hostname(), instance: 'x' }),
    ]) {
      const dir = lockDir();
      writeFileSync(join(dir, 'tandem.lock'), content);
      const lock = acquireDirectoryLock(dir);
      expect(holder(dir).pid).toBe(process.pid);
      lock.release();
    }
  });

  it('takes over a lock naming our own pid that this process does not hold (a restarted container)', () => {
    const dir = lockDir();
    writeLock(dir, { pid: process.pid, started: processStartTime(process.pid) });
    const lock = acquireDirectoryLock(dir);
    expect(holder(dir).instance).not.toBe('earlier');
    lock.release();
    const legacy = lockDir();
    writeFileSync(join(legacy, 'tandem.lock'), `${process.pid}\n`);
    acquireDirectoryLock(legacy).release();
  });

  it.skipIf(!hasProc)('tells a live holder from a reused pid by its start time', async () => {
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      const pid = sleeper.pid as number;
      const live = lockDir();
      writeLock(live, { pid, started: processStartTime(pid) });
      expect(() => acquireDirectoryLock(live)).toThrow(new RegExp(`pid ${pid}`));
      const reused = lockDir();
      writeLock(reused, { pid, started: 'another-boot:12345' });
      acquireDirectoryLock(reused).release();
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('trusts a lock from another host while it is kept fresh, and takes it over after two minutes', () => {
    const dir = lockDir();
    writeLock(dir, { pid: 1, host: 'other-host.example' });
    expect(() => acquireDirectoryLock(dir)).toThrow(/pid 1 on host other-host\.example/);
    const old = new Date(Date.now() - 3 * 60_000);
    utimesSync(join(dir, 'tandem.lock'), old, old);
    acquireDirectoryLock(dir).release();
  });

  it('lets exactly one of several processes take over the same stale lock', async () => {
    const dir = lockDir();
    writeLock(dir, { pid: deadPid() });
    const start = Date.now() + 4000;
    // Each child waits for the same instant, tries once, and holds a win long enough for the rest to see it.
    const script = `
      import { register } from 'tsx/esm/api';
      register();
      const { acquireDirectoryLock } = await import('./src/db/directory-lock.ts');
      while (Date.now() < ${start}) {}
      try {
        const lock = acquireDirectoryLock(${JSON.stringify(dir)});
        process.stdout.write('won');
        setTimeout(() => lock.release(), 4000);
      } catch (err) {
        process.stdout.write(err.code ?? String(err));
      }`;
    const run = (child: ChildProcess): Promise<string> =>
      new Promise((done) => {
        let out = '';
        child.stdout?.on('data', (d: Buffer) => {
          out += d.toString();
        });
        child.on('exit', () => done(out));
      });
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        run(
          spawn(process.execPath, ['--input-type=module', '-e', script], {
            cwd: REPO,
            stdio: ['ignore', 'pipe', 'inherit'],
          }),
        ),
      ),
    );
    expect(results.filter((r) => r === 'won')).toHaveLength(1);
    expect(results.filter((r) => r === 'locked')).toHaveLength(4);
  }, 60_000);

  // The takeover protocol, step by step: a taker first claims the stale record exclusively
  // (`tandem.lock.takeover-<first 16 hex of its SHA-256>`), so a second taker waits instead of
  // replacing the lock the first one is installing; a claim whose taker died is claimed past.
  const claimOf = (dir: string): string =>
    join(
      dir,
      `tandem.lock.takeover-${createHash('sha256')
        .update(readFileSync(join(dir, 'tandem.lock'), 'utf8'))
        .digest('hex')
        .slice(0, 16)}`,
    );

  it('leaves a stale lock alone while a live process is taking it over', () => {
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      const dir = lockDir();
      writeLock(dir, { pid: deadPid() });
      const before = readFileSync(join(dir, 'tandem.lock'), 'utf8');
      const pid = sleeper.pid as number;
      writeFileSync(
        claimOf(dir),
        JSON.stringify({ pid, host: hostname(), started: processStartTime(pid), instance: 'taker' }),
      );
      expect(() => acquireDirectoryLock(dir)).toThrow(/being locked by another Tandem process/);
      expect(readFileSync(join(dir, 'tandem.lock'), 'utf8')).toBe(before);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('takes over past a claim whose taker died, and clears the claims', () => {
    const dir = lockDir();
    writeLock(dir, { pid: deadPid() });
    writeFileSync(claimOf(dir), JSON.stringify({ pid: deadPid(), host: hostname(), instance: 'crashed' }));
    const lock = acquireDirectoryLock(dir);
    expect(holder(dir).pid).toBe(process.pid);
    expect(readdirSync(dir)).toEqual(['tandem.lock']);
    lock.release();
  });

  it('makes a second tandem process exit non-zero with a clear message', () => {
    const dir = lockDir();
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
