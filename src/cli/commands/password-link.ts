/**
 * `tandem password-link [--data DIR] --email E`: a single-use set-password link for an existing
 * account, printed as JSON like `tandem init`'s. The way back in for a locked-out sole owner —
 * nobody else can send them a link, and `init` refuses an existing owner. Audited (SPEC §11).
 */
import { parseArgs } from 'node:util';
import { issuePasswordLinkForEmail } from '#services/auth/password-link-for-email';
import { readEnv } from '#src/env';
import { AppError } from '#src/errors';
import { type Command, parseOrUsage, UsageError, writeAll } from '../command.ts';
import { openCliStore } from './serve.ts';

const HELP = `Usage: tandem password-link [--data DIR] --email EMAIL

Prints JSON {"email","setPasswordUrl","expiresAt"}: a single-use link (valid for 3 days) with
which the account EMAIL sets a new password; every session of that account ends when it is used.
For an owner who forgot their password and has no other owner to send them a link. The link is
recorded in the audit log of every workspace the account belongs to.

With the embedded store, stop the running server first (only one process may open it); with
DATABASE_URL set, it works while the server runs.

Options:
  --data DIR      embedded store directory (default: TANDEM_DATA_DIR or ./data);
                  with DATABASE_URL set, that PostgreSQL server is used instead
  --email EMAIL   the account's e-mail address
  -h, --help      show this help

Environment: TANDEM_PUBLIC_URL (the link's address; default http://localhost:<PORT or 3000>).
Exit status: 0 ok; 1 a running server holds the embedded store; 2 usage, or no account has EMAIL.
`;

export const passwordLinkCommand: Command = {
  name: 'password-link',
  help: HELP,
  async run(args, io) {
    const { values } = parseOrUsage(() =>
      parseArgs({ args, options: { data: { type: 'string' }, email: { type: 'string' } } }),
    );
    const email = values.email?.trim();
    if (!email || !/^[^@\s]+@[^@\s]+$/.test(email))
      throw new UsageError('--email: expected an e-mail address');
    const store = await openCliStore(values.data, io, 'password-link');
    if (typeof store === 'number') return store;
    try {
      const deps = { db: store.db, now: io.now, publicUrl: readEnv(io.env).TANDEM_PUBLIC_URL };
      const link = await issuePasswordLinkForEmail(deps, email, 'cli');
      await writeAll(
        io.stdout,
        `${JSON.stringify({ email: link.email, setPasswordUrl: link.setPasswordUrl, expiresAt: link.expiresAt.toISOString() })}\n`,
      );
      return 0;
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') {
        await writeAll(io.stderr, `tandem password-link: ${err.message}; no link was made.\n`);
        return 2;
      }
      throw err;
    } finally {
      await store.close();
    }
  },
};
