/**
 * `tandem init [--data DIR] --workspace NAME --owner-email E` (SPEC §13): creates a workspace and
 * its owner on the store `serve` uses and prints `{"workspace","token","setPasswordUrl"}`.
 */
import { parseArgs } from 'node:util';
import { createApiToken } from '#services/auth/api-tokens';
import { createPasswordLink } from '#services/auth/password-reset';
import { createWorkspace } from '#services/workspaces/create-workspace';
import { readEnv } from '#src/env';
import { AppError } from '#src/errors';
import { type Command, parseOrUsage, UsageError, writeAll } from '../command.ts';
import { openCliStore } from './serve.ts';

const HELP = `Usage: tandem init [--data DIR] --workspace NAME --owner-email EMAIL

Creates a workspace and its owner on a new or existing store (the one 'tandem serve' uses) and
prints JSON {"workspace":"<id>","token":"<owner API token>","setPasswordUrl":"…"}. The token is
shown once; the link lets the owner set a password (single use, expires in 3 days).

Options:
  --data DIR            embedded store directory (default: TANDEM_DATA_DIR or ./data);
                        with DATABASE_URL set, that PostgreSQL server is used instead
  --workspace NAME      the workspace's name
  --owner-email EMAIL   the owner's e-mail address
  -h, --help            show this help

Exit status: 0 ok; 1 the e-mail already owns a workspace, or a running server holds the store; 2 usage.
`;

export const initCommand: Command = {
  name: 'init',
  help: HELP,
  async run(args, io) {
    const { values } = parseOrUsage(() =>
      parseArgs({
        args,
        options: {
          data: { type: 'string' },
          workspace: { type: 'string' },
          'owner-email': { type: 'string' },
        },
      }),
    );
    const name = values.workspace?.trim();
    const email = values['owner-email']?.trim();
    if (!name) throw new UsageError('--workspace NAME is required');
    if (!email || !/^[^@\s]+@[^@\s]+$/.test(email))
      throw new UsageError('--owner-email: expected an e-mail address');
    const store = await openCliStore(values.data, io, 'init');
    if (typeof store === 'number') return store;
    try {
      const deps = { db: store.db, now: io.now, publicUrl: readEnv(io.env).TANDEM_PUBLIC_URL };
      const result = await store.db.transaction(async (tx) => {
        const created = await createWorkspace(deps, { name, owner: { email }, refuseIfOwner: true }, tx);
        const token = await createApiToken(tx, created.workspace.id, created.userId, 'init');
        const setPasswordUrl = await createPasswordLink(deps, created.userId, tx);
        return { workspace: created.workspace.id, token: token.token, setPasswordUrl };
      });
      await writeAll(io.stdout, `${JSON.stringify(result)}\n`);
      return 0;
    } catch (err) {
      if (err instanceof AppError && err.code === 'already_exists') {
        await writeAll(io.stderr, `tandem init: ${err.message}; nothing was created.\n`);
        return 1;
      }
      throw err;
    } finally {
      await store.close();
    }
  },
};
