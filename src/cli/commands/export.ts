/**
 * `tandem export [--data DIR] --workspace W OUT` (SPEC §13): the whole workspace as one .tar.gz
 * whose events.ndjson is `tandem compute` input. It contains private pulse answers (the owner's
 * backup, SPEC §11).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportWorkspace } from '#services/archive/export-workspace';
import { readEnv } from '#src/env';
import { AppError } from '#src/errors';
import { type Command, parseOrUsage, UsageError, writeAll } from '../command.ts';
import { openCliStore } from './serve.ts';

const HELP = `Usage: tandem export [--data DIR] --workspace W OUT

Writes workspace W (id) as one archive (.tar.gz) to OUT ('-' for standard output): README.txt,
manifest.json, events.ndjson (SPEC §12 input: assistants, then every event), and the members,
identities, clients, assignments, API token hashes, settings and audit log.
The archive CONTAINS PRIVATE PULSE ANSWERS and password hashes: keep it safe.

Options:
  --data DIR        embedded store directory (default: TANDEM_DATA_DIR or ./data); DATABASE_URL wins
  --workspace W     the workspace id
  -h, --help        show this help

Exit status: 0 ok; 1 no such workspace or the store is held by a running server; 2 usage.
`;

export const exportCommand: Command = {
  name: 'export',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseOrUsage(() =>
      parseArgs({
        args,
        allowPositionals: true,
        options: { data: { type: 'string' }, workspace: { type: 'string' } },
      }),
    );
    if (!values.workspace) throw new UsageError('--workspace W is required');
    if (positionals.length !== 1) throw new UsageError('expected exactly one OUT file (or -)');
    const out = positionals[0] as string;
    const store = await openCliStore(values.data, io, 'export');
    if (typeof store === 'number') return store;
    try {
      const bytes = await exportWorkspace(
        { db: store.db, now: io.now, publicUrl: readEnv(io.env).TANDEM_PUBLIC_URL },
        values.workspace,
      );
      if (out === '-')
        await new Promise<void>((ok, fail) => io.stdout.write(bytes, (e) => (e ? fail(e) : ok())));
      else await writeFile(resolve(io.cwd, out), bytes, { mode: 0o600 });
      await writeAll(
        io.stderr,
        `Exported workspace ${values.workspace} (${bytes.length} bytes). It contains private pulse answers.\n`,
      );
      return 0;
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') {
        await writeAll(io.stderr, `tandem export: ${err.message}\n`);
        return 1;
      }
      throw err;
    } finally {
      await store.close();
    }
  },
};
