/**
 * Durability at start (issue 10 item 1): on PostgreSQL an acknowledged write must survive a crash
 * of the server or the machine, which needs `fsync`, `synchronous_commit` and `full_page_writes`
 * on. A server tuned for speed (or a test database) may have turned one off; Tandem still runs
 * then, but says so loudly in the log and in GET /healthz. PGlite is safe against a process
 * crash, not against power loss (docs/server.md), and is not checked.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from './client.ts';

export interface DurabilitySettings {
  fsync: string;
  synchronous_commit: string;
  full_page_writes: string;
}

export interface Durability {
  /** `unchecked` on PGlite. */
  status: 'on' | 'off' | 'unchecked';
  settings: DurabilitySettings | null;
  warnings: string[];
}

const WHY: Record<keyof DurabilitySettings, string> = {
  fsync: 'a power loss or OS crash can corrupt the database',
  synchronous_commit: 'a crash can lose changes Tandem already acknowledged',
  full_page_writes: 'a crash during a write can leave torn pages',
};

/** The warnings for a server's settings: one per setting that is off (`local`/`remote_*` commit is on). */
export function durabilityWarnings(s: DurabilitySettings): string[] {
  const out: string[] = [];
  for (const key of ['fsync', 'synchronous_commit', 'full_page_writes'] as const) {
    if (s[key].trim().toLowerCase() === 'off')
      out.push(`PostgreSQL ${key} is off: ${WHY[key]}. Turn it on for production data.`);
  }
  return out;
}

/** Reads the three settings from the server, as a new session of Tandem's sees them. */
export async function readDurabilitySettings(db: Db): Promise<DurabilitySettings> {
  const one = async (name: 'fsync' | 'synchronous_commit' | 'full_page_writes') => {
    // SHOW takes no bind parameters; the names are fixed above.
    const rows = await queryRows<Record<string, string>>(db, sql.raw(`show ${name}`));
    return String(rows[0]?.[name] ?? '');
  };
  return {
    fsync: await one('fsync'),
    synchronous_commit: await one('synchronous_commit'),
    full_page_writes: await one('full_page_writes'),
  };
}

export async function checkDurability(db: Db, kind: 'pglite' | 'postgres'): Promise<Durability> {
  if (kind === 'pglite') return { status: 'unchecked', settings: null, warnings: [] };
  const settings = await readDurabilitySettings(db);
  const warnings = durabilityWarnings(settings);
  return { status: warnings.length > 0 ? 'off' : 'on', settings, warnings };
}
