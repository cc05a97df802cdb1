/**
 * `tandem` — the command-line entry (SPEC §13). Dispatches to one command per file; every command
 * has `--help`; usage errors exit 2.
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
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    await writeAll(full.stdout, topHelp());
    return name === undefined ? 2 : 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    await writeAll(full.stderr, `tandem: unknown command '${name}'\n\n${topHelp()}`);
    return 2;
  }
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
