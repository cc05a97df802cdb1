/**
 * One `Db` over either store (ARCHITECTURE.md, Storage): PGlite in a data directory by default, or
 * a PostgreSQL server through a `pg` pool when a URL is given. The embedded store takes an
 * exclusive lock on its directory first, because two processes on one PGlite directory corrupt it
 * silently. Migrations are applied on open.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDirectoryLock, type DirectoryLock } from './directory-lock.ts';
import { runMigrations } from './migrate.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; services take `Db | Tx` where they may run inside one. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Store {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages (a directory, `memory`, or the server URL without password). */
  location: string;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** PostgreSQL URL; when set the data directory is not used. */
  databaseUrl?: string | undefined;
  /** PGlite directory; `undefined` with no URL keeps the store in memory (tests). */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}

/** Opens (and migrates) the store; throws AppError('locked') when another process holds the directory. */
export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle client that loses its server must not crash the process; the pool reconnects.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    try {
      await runMigrations(db);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return { db, kind: 'postgres', location: redactUrl(opts.databaseUrl), close: () => pool.end() };
  }
  let lock: DirectoryLock | null = null;
  let client: PGlite;
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    lock = acquireDirectoryLock(opts.dataDir);
    try {
      client = await PGlite.create(join(opts.dataDir, 'pglite'));
    } catch (err) {
      lock.release();
      throw err;
    }
  } else {
    client = await PGlite.create();
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  try {
    await runMigrations(db);
  } catch (err) {
    await client.close();
    lock?.release();
    throw err;
  }
  return {
    db,
    kind: 'pglite',
    location: opts.dataDir ?? 'memory',
    async close() {
      await client.close();
      lock?.release();
    },
  };
}

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`. */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
