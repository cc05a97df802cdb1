/**
 * The shape of one `tandem` command. Commands get their arguments and the process streams as
 * values, so tests run them in process; they return the exit code (0 ok, 2 bad input or usage).
 */
import type { Readable, Writable } from 'node:stream';

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** The current instant (ms); commands never read the clock themselves. */
  now: () => number;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export interface Command {
  name: string;
  /** The full `--help` text. */
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/**
 * A command as `tandem` lists it: its name and one-line summary, and its module loaded only when
 * it is the one run, so `tandem compute` never loads the server, the store or the importers.
 */
export interface CommandEntry {
  name: string;
  /** One line for `tandem --help`. */
  summary: string;
  load(): Promise<Command>;
}

/** Thrown by argument parsing; main prints it with the usage and exits 2. */
export class UsageError extends Error {}

/** Writes a string and resolves once it is flushed (large outputs to pipes). */
export function writeAll(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

/** Runs an argument parser; its complaint (an unknown option, a missing value) is a UsageError (exit 2). */
export function parseOrUsage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
