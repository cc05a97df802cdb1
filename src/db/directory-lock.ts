/**
 * An exclusive lock on a PGlite data directory: a file holding the owner's pid, created with
 * O_EXCL. A lock whose pid is no longer alive is stale (the holder crashed) and is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '#src/errors';

export interface DirectoryLock {
  path: string;
  release(): void;
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

function holderPid(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the lock or throws AppError('locked') naming the pid that holds it. */
export function acquireDirectoryLock(dir: string): DirectoryLock {
  const path = join(dir, 'tandem.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        try {
          if (holderPid(path) === process.pid) unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on('exit', release);
      return { path, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = holderPid(path);
      if (pid !== null && alive(pid)) {
        throw new AppError(
          'locked',
          `The data directory ${dir} is in use by another Tandem process (pid ${pid}). Stop that process first, or use a different --data directory.`,
          { pid, dir },
        );
      }
      // Stale: the holder died without releasing. Remove and retry.
      try {
        unlinkSync(path);
      } catch {
        // Another process removed it first; retry the exclusive create.
      }
    }
  }
  throw new AppError('locked', `Could not lock the data directory ${dir}`, { dir });
}
