/**
 * Applies the generated SQL migrations (drizzle-kit, `src/db/migrations/`) in journal order, each
 * in its own transaction, recording them in `tandem_migrations`. Plain SQL through `Db`, so the same
 * code runs on PGlite and PostgreSQL; an advisory lock keeps several app instances from racing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from './client.ts';

const DIR = new URL('./migrations/', import.meta.url);
const LOCK_KEY = 727_310_001;

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** The migrations in order, with their statements split at drizzle-kit's breakpoints. */
export function loadMigrations(): { tag: string; hash: string; statements: string[] }[] {
  const journal = JSON.parse(readFileSync(new URL('meta/_journal.json', DIR), 'utf8')) as Journal;
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => {
      const text = readFileSync(new URL(`${tag}.sql`, DIR), 'utf8');
      return {
        tag,
        hash: createHash('sha256').update(text).digest('hex'),
        statements: text
          .split('--> statement-breakpoint')
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
      };
    });
}

export async function runMigrations(db: Db): Promise<void> {
  const migrations = loadMigrations();
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    await tx.execute(
      sql`create table if not exists tandem_migrations (tag text primary key, hash text not null, applied_at timestamptz not null default now())`,
    );
    const done = await queryRows<{ tag: string }>(tx, sql`select tag from tandem_migrations`);
    const applied = new Set(done.map((r) => r.tag));
    for (const m of migrations) {
      if (applied.has(m.tag)) continue;
      for (const s of m.statements) await tx.execute(sql.raw(s));
      await tx.execute(sql`insert into tandem_migrations (tag, hash) values (${m.tag}, ${m.hash})`);
    }
  });
}
