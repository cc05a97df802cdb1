/**
 * Set-based upsert of many events (SPEC §13): one INSERT … ON CONFLICT per batch, the rows passed
 * as a single JSON parameter and expanded by `jsonb_to_recordset`, so a 100k-event ingest is a few
 * dozen statements on either driver. A row whose fingerprint equals the stored one is left alone
 * and counted as unchanged.
 */
import { sql } from 'drizzle-orm';
import { AppError } from '#src/errors';
import { type Db, queryRows, type Tx } from '../client.ts';
import { isUniqueViolation } from '../unique-violation.ts';
import type { EventColumns } from './event-row.ts';

export const UPSERT_BATCH = 2000;

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export async function upsertEvents(
  db: Db | Tx,
  workspaceId: string,
  rows: EventColumns[],
): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < rows.length; i += UPSERT_BATCH) {
    const batch = rows.slice(i, i + UPSERT_BATCH);
    // Only what the event itself does not hold travels beside it; the rest is read from `data`.
    const payload = JSON.stringify(
      batch.map((r) => ({ k: r.key, p: r.private, a: r.at, f: r.fingerprint, d: r.data })),
    );
    let result: { inserted: boolean }[];
    try {
      result = await queryRows<{ inserted: boolean }>(
        db,
        sql`
        insert into events as e (workspace_id, type, key, id, assistant_id, source, external_id, client,
                                 excluded, private, at, fingerprint, data)
        select ${workspaceId}, t.d->>'type', t.k, t.d->>'id', t.d->>'assistant', t.d->>'source',
               t.d->>'externalId', t.d->>'client', t.d->>'excluded', t.p, t.a, t.f, t.d
        from jsonb_to_recordset(${payload}::jsonb) as t(k text, p boolean, a timestamptz, f text, d jsonb)
        on conflict (workspace_id, type, key) do update set
          id = excluded.id, assistant_id = excluded.assistant_id, source = excluded.source,
          external_id = excluded.external_id, client = excluded.client, excluded = excluded.excluded,
          private = excluded.private, at = excluded.at, fingerprint = excluded.fingerprint,
          data = excluded.data, updated_at = now()
        where e.fingerprint <> excluded.fingerprint
        returning (e.xmax::text = '0') as inserted`,
      );
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AppError(
          'conflict',
          'An event reuses the type and id of a stored event that has a different source/externalId',
        );
      throw err;
    }
    let inserted = 0;
    for (const r of result) if (r.inserted) inserted++;
    counts.inserted += inserted;
    counts.updated += result.length - inserted;
    counts.unchanged += batch.length - result.length;
  }
  return counts;
}

/**
 * The index of the first row whose storage key (SPEC §3) is already held by a stored event of an
 * assistant outside `allowed`, or -1. A scoped writer must not overwrite — or move into their
 * scope — an event they may not change; one query per batch keeps the ingest set-based.
 */
export async function firstKeyHeldOutside(
  db: Db | Tx,
  workspaceId: string,
  rows: readonly EventColumns[],
  allowed: readonly string[],
): Promise<number> {
  const allowedJson = JSON.stringify(allowed);
  for (let i = 0; i < rows.length; i += UPSERT_BATCH) {
    const payload = JSON.stringify(
      rows.slice(i, i + UPSERT_BATCH).map((r, n) => ({ n, y: r.type, k: r.key })),
    );
    const hit = await queryRows<{ n: number }>(
      db,
      sql`
      select t.n from jsonb_to_recordset(${payload}::jsonb) as t(n int, y text, k text)
      join events e on e.workspace_id = ${workspaceId} and e.type = t.y and e.key = t.k
      where e.assistant_id not in (select jsonb_array_elements_text(${allowedJson}::jsonb))
      order by t.n limit 1`,
    );
    const first = hit[0];
    if (first) return i + Number(first.n);
  }
  return -1;
}
