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
    const payload = JSON.stringify(
      batch.map((r) => ({
        type: r.type,
        key: r.key,
        id: r.id,
        assistant_id: r.assistantId,
        source: r.source,
        external_id: r.externalId,
        client: r.client,
        excluded: r.excluded,
        private: r.private,
        at: r.at,
        fingerprint: r.fingerprint,
        data: r.data,
      })),
    );
    let result: { inserted: boolean }[];
    try {
      result = await queryRows<{ inserted: boolean }>(
        db,
        sql`
        insert into events as e (workspace_id, type, key, id, assistant_id, source, external_id, client,
                                 excluded, private, at, fingerprint, data)
        select ${workspaceId}, t.type, t.key, t.id, t.assistant_id, t.source, t.external_id, t.client,
               t.excluded, t.private, t.at, t.fingerprint, t.data
        from jsonb_to_recordset(${payload}::jsonb) as t(type text, key text, id text, assistant_id text,
             source text, external_id text, client text, excluded text, private boolean, at timestamptz,
             fingerprint text, data jsonb)
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
