/**
 * Puts an archive's events back (SPEC §13: restore gives identical API answers): every stored
 * column, their created/updated instants, and their `seq` — the position event cursors name —
 * where it is free (claim-seqs.ts); else fresh numbers in the archived order.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '#db/client';
import type { EventColumns } from '#db/queries/event-row';
import { claimSeqs } from './claim-seqs.ts';

const BATCH = 2000;

/** One line of event-times.ndjson: `[type, id, createdAt, updatedAt, seq]` (seq since archives kept it). */
export interface ArchivedEventTimes {
  createdAt: string | null;
  updatedAt: string | null;
  seq: number | null;
}

export function readEventTimes(lines: readonly unknown[]): Map<string, ArchivedEventTimes> {
  const out = new Map<string, ArchivedEventTimes>();
  for (const l of lines) {
    if (!Array.isArray(l)) continue;
    const [type, id, c, u, s] = l as unknown[];
    out.set(`${String(type)}\u0000${String(id)}`, {
      createdAt: typeof c === 'string' ? c : null,
      updatedAt: typeof u === 'string' ? u : null,
      seq: typeof s === 'number' ? s : null,
    });
  }
  return out;
}

/** Inserts the events into the (new, empty) workspace; answers how many. */
export async function restoreEvents(
  tx: Tx,
  workspaceId: string,
  rows: readonly EventColumns[],
  times: ReadonlyMap<string, ArchivedEventTimes>,
): Promise<number> {
  const timed = rows.map((r, n) => ({ r, n, t: times.get(`${r.type}\u0000${r.id}`) }));
  const keep = await claimSeqs(
    tx,
    'events',
    timed.map((x) => x.t?.seq ?? null),
  );
  // Archived order: by seq where the archive has it, else as the lines came.
  timed.sort((a, b) => (a.t?.seq ?? a.n) - (b.t?.seq ?? b.n));
  for (let i = 0; i < timed.length; i += BATCH) {
    const payload = JSON.stringify(
      timed.slice(i, i + BATCH).map(({ r, t }, j) => ({
        n: i + j,
        s: keep ? t?.seq : null,
        k: r.key,
        p: r.private,
        a: r.at,
        f: r.fingerprint,
        d: r.data,
        c: t?.createdAt ?? null,
        u: t?.updatedAt ?? null,
      })),
    );
    const columns = sql`workspace_id, type, key, id, assistant_id, source, external_id, client, excluded,
                        private, at, fingerprint, data, created_at, updated_at`;
    const values = sql`${workspaceId}, t.d->>'type', t.k, t.d->>'id', t.d->>'assistant', t.d->>'source',
                       t.d->>'externalId', t.d->>'client', t.d->>'excluded', t.p, t.a, t.f, t.d,
                       coalesce(t.c, now()), coalesce(t.u, t.c, now())`;
    const source = sql`jsonb_to_recordset(${payload}::jsonb)
                       as t(n int, s bigint, k text, p boolean, a timestamptz, f text, d jsonb, c timestamptz, u timestamptz)`;
    await queryRows(
      tx,
      keep
        ? sql`insert into events (seq, ${columns}) overriding system value
              select t.s, ${values} from ${source} order by t.s`
        : sql`insert into events (${columns}) select ${values} from ${source} order by t.n`,
    );
  }
  return timed.length;
}
