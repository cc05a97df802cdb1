/**
 * An exclusive lock on a PGlite data directory (two processes on one directory corrupt it
 * silently). The lock file `DIR/tandem.lock` names its holder: pid, host, the process's start
 * time and a random instance id. A lock is live only if that exact process still runs:
 *
 * - on this host, the pid is alive and started when the record says (a reused pid is not the
 *   holder), and it is not our own pid unless this very process holds it — after a container
 *   restart the new process often has the pid of the old one (e.g. 1);
 * - on another host (a shared volume), the holder touches the file every 30 s; a file untouched
 *   for two minutes is stale.
 *
 * Creation is atomic (the record is written to a private file, then hard-linked into place, which
 * fails if the lock exists). Taking over a stale lock is atomic too: the taker first creates a
 * claim file named after the stale record with O_EXCL semantics, re-reads the lock, and only then
 * renames its record over it, so of several processes that find the same stale lock exactly one
 * wins. A claimant that died mid-takeover leaves a claim that is itself claimed one level further.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  linkSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '#src/errors';

export interface DirectoryLock {
  path: string;
  release(): void;
}

/** Who holds a lock, as written in the lock file. */
export interface LockRecord {
  pid: number;
  host: string;
  /** `<boot id>:<start time in clock ticks>` from /proc; null where the platform does not say. */
  started: string | null;
  instance: string;
}

const LOCK_NAME = 'tandem.lock';
const CLAIM_PREFIX = `${LOCK_NAME}.takeover-`;
const HEARTBEAT_MS = 30_000;
/** A lock from another host untouched this long is stale (four missed heartbeats). */
const FOREIGN_STALE_MS = 120_000;
/** Claims and half-written files live for milliseconds; older than this their writer is gone. */
const TRANSIENT_STALE_MS = 10_000;
const MAX_ATTEMPTS = 100;
const MAX_CLAIM_DEPTH = 8;

/** Instances whose lock this process holds: the only case where our own pid means "live". */
const heldHere = new Set<string>();

let bootIdCache: string | undefined;
function bootId(): string {
  if (bootIdCache === undefined) {
    try {
      bootIdCache = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      bootIdCache = '';
    }
  }
  return bootIdCache;
}

/** The start time of a process on this host (Linux /proc), or null when unknown. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name (which may hold spaces) start at field 3;
    // field 22 is the start time in clock ticks since boot (proc(5)).
    const ticks = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .at(22 - 3);
    return ticks ? `${bootId()}:${ticks}` : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface Seen {
  /** The file's exact text: a takeover replaces only the very record it judged stale. */
  text: string;
  record: LockRecord | null;
  mtimeMs: number;
}

function parseRecord(text: string): LockRecord | null {
  const trimmed = text.trim();
  // Locks written by earlier versions hold only the pid; they were always written on this host.
  if (/^\d+$/.test(trimmed))
    return { pid: Number(trimmed), host: hostname(), started: null, instance: `pid:${trimmed}` };
  try {
    const v = JSON.parse(trimmed) as Partial<LockRecord>;
    if (typeof v.pid !== 'number' || typeof v.host !== 'string' || typeof v.instance !== 'string')
      return null;
    return {
      pid: v.pid,
      host: v.host,
      started: typeof v.started === 'string' ? v.started : null,
      instance: v.instance,
    };
  } catch {
    return null;
  }
}

function readSeen(path: string): Seen | null {
  try {
    const text = readFileSync(path, 'utf8');
    const mtimeMs = statSync(path).mtimeMs;
    return { text, record: parseRecord(text), mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Whether the process a lock (or claim) file names still runs; `foreignStaleMs` for other hosts. */
function isLive(seen: Seen, foreignStaleMs: number): boolean {
  const age = Date.now() - seen.mtimeMs;
  const r = seen.record;
  // Unreadable: a writer without hard links may be half-way through; give it a moment.
  if (!r) return age < TRANSIENT_STALE_MS;
  if (heldHere.has(r.instance)) return true;
  if (r.host !== hostname()) return age < foreignStaleMs;
  // Our pid, but not a lock this process holds: a previous life of this pid (container restart).
  if (r.pid === process.pid) return false;
  if (!Number.isInteger(r.pid) || r.pid <= 0 || !alive(r.pid)) return false;
  if (r.started !== null) {
    const now = processStartTime(r.pid);
    if (now !== null && now !== r.started) return false;
  }
  return true;
}

/** Creates `path` holding `text` only if it does not exist; false if it does. */
function createExclusive(path: string, from: string, text: string): boolean {
  try {
    linkSync(from, path);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw err;
  }
  // A file system without hard links: O_EXCL create, then write (readers allow for the gap).
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const digest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

type Outcome = 'won' | 'retry';

/** Replaces the stale lock `stale` with ours, unless another process does so first. */
function takeOver(path: string, stale: Seen, own: { file: string; text: string }, chain: string): Outcome {
  const claim = `${path}.takeover-${chain}`;
  if (!createExclusive(claim, own.file, own.text)) {
    const other = readSeen(claim);
    if (!other || isLive(other, TRANSIENT_STALE_MS)) return 'retry';
    if (chain.split('-').length >= MAX_CLAIM_DEPTH) return 'retry';
    // Its claimant died mid-takeover: claim that claim, one level further (still exclusive).
    return takeOver(path, stale, own, `${chain}-${digest(other.text)}`);
  }
  try {
    const now = readSeen(path);
    if (!now || now.text !== stale.text) return 'retry';
    const swap = `${own.file}.swap`;
    writeFileSync(swap, own.text, { mode: 0o600 });
    renameSync(swap, path);
    return 'won';
  } finally {
    removeQuietly(claim);
  }
}

function lockedError(dir: string, r: LockRecord | null): AppError {
  if (!r)
    return new AppError(
      'locked',
      `The data directory ${dir} is being locked by another Tandem process; try again in a moment.`,
      { dir },
    );
  const where = r.host === hostname() ? '' : ` on host ${r.host}`;
  return new AppError(
    'locked',
    `The data directory ${dir} is in use by another Tandem process (pid ${r.pid}${where}). Stop that process first, or use a different --data directory.`,
    { pid: r.pid, host: r.host, dir },
  );
}

function hold(dir: string, path: string, record: LockRecord, text: string): DirectoryLock {
  heldHere.add(record.instance);
  // Claims left by takers that died are litter once the lock is ours.
  for (const name of readdirSync(dir)) if (name.startsWith(CLAIM_PREFIX)) removeQuietly(join(dir, name));
  const ours = (): boolean => readSeen(path)?.text === text;
  const heartbeat = setInterval(() => {
    try {
      if (ours()) {
        const now = new Date();
        utimesSync(path, now, now);
      }
    } catch {
      // A missed beat only matters to another host, after four of them.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    process.removeListener('exit', release);
    heldHere.delete(record.instance);
    try {
      if (ours()) unlinkSync(path);
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.on('exit', release);
  return { path, release };
}

/** Takes the lock or throws AppError('locked') naming the pid (and host) that holds it. */
export function acquireDirectoryLock(dir: string): DirectoryLock {
  const path = join(dir, LOCK_NAME);
  const record: LockRecord = {
    pid: process.pid,
    host: hostname(),
    started: processStartTime(process.pid),
    instance: randomBytes(16).toString('hex'),
  };
  const text = `${JSON.stringify(record)}\n`;
  const file = `${path}.${record.instance}.tmp`;
  writeFileSync(file, text, { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (createExclusive(path, file, text)) return hold(dir, path, record, text);
      const seen = readSeen(path);
      if (!seen) continue; // released meanwhile
      if (isLive(seen, FOREIGN_STALE_MS)) {
        if (seen.record) throw lockedError(dir, seen.record);
      } else if (takeOver(path, seen, { file, text }, digest(seen.text)) === 'won') {
        return hold(dir, path, record, text);
      }
      // Another process is creating or taking over the lock: look again in a moment.
      pause(10 + Math.floor(Math.random() * 20));
    }
    throw lockedError(dir, null);
  } finally {
    removeQuietly(file);
  }
}
