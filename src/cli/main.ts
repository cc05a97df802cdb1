/**
 * `tandem` — the command-line entry (SPEC §13). Dispatches to one command per file, loaded only
 * when it runs; every command has `--help`; usage errors exit 2 with their message on stderr.
 */

import { processEnv } from '#src/env';
import { type CliIo, UsageError, writeAll } from './command.ts';
import { COMMANDS } from './commands/index.ts';

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: tandem <command> [options]\n\nOutcome-based KPIs for remote and virtual assistants.\n\nCommands:\n${lines.join('\n')}\n\nRun 'tandem <command> --help' for a command's options.\n`;
}

/** Runs the CLI with the real process streams unless others are given; resolves to the exit code. */
export async function main(argv: string[], io?: Partial<CliIo>): Promise<number> {
  const full: CliIo = {
    stdin: io?.stdin ?? process.stdin,
    stdout: io?.stdout ?? process.stdout,
    stderr: io?.stderr ?? process.stderr,
    now: io?.now ?? (() => Date.now()),
    env: io?.env ?? processEnv(),
    cwd: io?.cwd ?? process.cwd(),
  };
  const [name, ...rest] = argv;
  if (name === undefined) {
    // No command is a usage error: exit 2 with the help on stderr, stdout left empty (SPEC §13).
    await writeAll(full.stderr, topHelp());
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    await writeAll(full.stdout, topHelp());
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    await writeAll(full.stderr, `tandem: unknown command '${name}'\n\n${topHelp()}`);
    return 2;
  }
  const cmd = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    await writeAll(full.stdout, cmd.help);
    return 0;
  }
  try {
    return await cmd.run(rest, full);
  } catch (err) {
    if (err instanceof UsageError) {
      await writeAll(full.stderr, `tandem ${cmd.name}: ${err.message}\n\n${cmd.help}`);
      return 2;
    }
    throw err;
  }
}
