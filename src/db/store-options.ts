/**
 * Where the commands' store lives (SPEC §13): the PostgreSQL server in DATABASE_URL when set,
 * else PGlite in `--data DIR`, TANDEM_DATA_DIR, or `./data` — the same store for serve, init,
 * export and restore.
 */
import { resolve } from 'node:path';
import type { OpenStoreOptions } from './client.ts';

export function storeOptions(opts: {
  data?: string | undefined;
  databaseUrl?: string | undefined;
  dataDirEnv?: string | undefined;
  cwd: string;
}): OpenStoreOptions {
  if (opts.databaseUrl) return { databaseUrl: opts.databaseUrl };
  return { dataDir: resolve(opts.cwd, opts.data ?? opts.dataDirEnv ?? 'data') };
}
