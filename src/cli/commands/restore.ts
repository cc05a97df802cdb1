/**
 * `tandem restore [--data DIR] IN` (SPEC §13): restores a workspace archive into a store where that
 * workspace does not exist — embedded or, with DATABASE_URL, PostgreSQL (the way to move).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { restoreWorkspace } from '#services/archive/restore-workspace';
import { readEnv } from '#src/env';
import { AppError } from '#src/errors';
import { type Command, parseOrUsage, UsageError, writeAll } from '../command.ts';
import { openCliStore } from './serve.ts';

const HELP = `Usage: tandem restore [--data DIR] IN

Restores the workspace archive IN (from 'tandem export') into the store: PGlite in DIR, or the
PostgreSQL server in DATABASE_URL when set. Refuses if that workspace already exists there.
Moving from the embedded store to PostgreSQL:
  npx tandem export --data ./data --workspace W ws.tar.gz
  DATABASE_URL=postgres://… npx tandem restore ws.tar.gz

Options:
  --data DIR     embedded store directory (default: TANDEM_DATA_DIR or ./data); DATABASE_URL wins
  -h, --help     show this help

Exit status: 0 ok; 1 the workspace exists there, or the store is held by a running server;
2 usage or an unreadable archive.
`;

export const restoreCommand: Command = {
  name: 'restore',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseOrUsage(() =>
      parseArgs({ args, allowPositionals: true, options: { data: { type: 'string' } } }),
    );
    if (positionals.length !== 1) throw new UsageError('expected exactly one IN archive');
    let bytes: Buffer;
    try {
      bytes = await readFile(resolve(io.cwd, positionals[0] as string));
    } catch (err) {
      await writeAll(io.stderr, `tandem restore: cannot read ${positionals[0]}: ${(err as Error).message}\n`);
      return 2;
    }
    const store = await openCliStore(values.data, io, 'restore');
    if (typeof store === 'number') return store;
    try {
      const r = await restoreWorkspace(
        { db: store.db, now: io.now, publicUrl: readEnv(io.env).TANDEM_PUBLIC_URL },
        bytes,
        { actor: 'cli' },
      );
      await writeAll(io.stdout, `${JSON.stringify(r)}\n`);
      return 0;
    } catch (err) {
      if (err instanceof AppError && (err.code === 'already_exists' || err.code === 'validation_failed')) {
        await writeAll(io.stderr, `tandem restore: ${err.message}\n`);
        return err.code === 'already_exists' ? 1 : 2;
      }
      throw err;
    } finally {
      await store.close();
    }
  },
};
