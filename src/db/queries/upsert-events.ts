/**
 * Set-based upsert of many events (SPEC §13): one INSERT … ON CONFLICT per batch, the rows passed
 * as a single JSON parameter and expanded by `jsonb_to_recordset`, so a 100k-event ingest is a few
 * dozen statements on either driver. (Per-column `unnest` arrays measured slower on PGlite.) A row whose fingerprint equals the stored one is left alone
 * and counted as unchanged.
 */
import { type SQL, sql } from 'drizzle-orm';
import { AppError } from '#src/errors';
import { type Db, queryRows, type Tx } from '../client.ts';
import { isUniqueViolation } from '../unique-violation.ts';
import type { EventColumns } from './event-row.ts';

export const UPSERT_BATCH = 2000;
/** Keys per lookup statement: only key and fingerprint travel, so a batch can be larger. */
const LOOKUP_BATCH = 10000;

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * The batch as one JSON array for `jsonb_to_recordset`. Built as text: the event's own JSON is
 * spliced in as it came (EventColumns.json) and only the key needs escaping — the instant is ISO
 * and the fingerprint base64url — so a 100k-event ingest does not stringify every event again.
 */
function batchPayload(batch: readonly EventColumns[]): string {
  const parts: string[] = new Array(batch.length);
  for (let i = 0; i < batch.length; i++) {
    const r = batch[i] as EventColumns;
    parts[i] =
      `{"k":${JSON.stringify(r.key)},"p":${r.private},"a":${r.at === null ? 'null' : `"${r.at}"`},` +
      `"f":"${r.fingerprint}","d":${r.json ?? JSON.stringify(r.data)}}`;
  }
  return `[${parts.join(',')}]`;
}

/**
 * The stored event holding the §3 key `t.k` (type `type`), as a lateral subquery answering `cols`
 * of `e`. Two arms, each a one-row index probe: events_key_uq is partial (only events with an
 * externalId, schema/events.ts), and an `i:<id>` key is found by its id through events_id_uq; the
 * other arm's one-time filter is false. Written as one `or`, the planner — with the statistics of
 * an embedded store that never analyzes — hashed every event of the workspace and tested each
 * pair: a second 50,000-row import into a workspace holding 50,000 events took 54 s per 2,000
 * rows instead of 0.15 s (found by test/server/import-crash.test.ts).
 */
function heldKey(workspaceId: string, type: SQL, cols: SQL): SQL {
  return sql`
    select ${cols} from events e
    where t.k like 'x:%' and e.workspace_id = ${workspaceId} and e.type = ${type}
      and e.external_id is not null and e.key = t.k
    union all
    select ${cols} from events e
    where t.k like 'i:%' and e.workspace_id = ${workspaceId} and e.type = ${type}
      and e.external_id is null and e.id = substr(t.k, 3)`;
}

const RECORD = sql.raw('t(k text, p boolean, a timestamptz, f text, d jsonb)');

/** Runs a statement of the upsert, reporting a unique violation as the §3 key conflict it is. */
async function write(db: Db | Tx, query: SQL): Promise<void> {
  try {
    await db.execute(query);
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError(
        'conflict',
        'An event reuses the type and id of a stored event that has a different source/externalId',
      );
    throw err;
  }
}

/**
 * Per row, what the store holds under its key (SPEC §3): `n` nothing, `u` an equal event
 * (same fingerprint: unchanged, SPEC §13), `c` a different one. One index lookup per row, only
 * keys and fingerprints sent.
 */
async function storedState(db: Db | Tx, workspaceId: string, rows: readonly EventColumns[]): Promise<string> {
  let state = '';
  for (let i = 0; i < rows.length; i += LOOKUP_BATCH) {
    const batch = rows.slice(i, i + LOOKUP_BATCH);
    const parts: string[] = new Array(batch.length);
    for (let j = 0; j < batch.length; j++) {
      const r = batch[j] as EventColumns;
      parts[j] = `{"n":${j},"y":"${r.type}","k":${JSON.stringify(r.key)},"f":"${r.fingerprint}"}`;
    }
    const found = await queryRows<{ s: string | null }>(
      db,
      sql`
      select string_agg(case when s.f is null then 'n' when s.f = t.f then 'u' else 'c' end, '' order by t.n) as s
      from jsonb_to_recordset(${`[${parts.join(',')}]`}::jsonb) as t(n int, y text, k text, f text)
      left join lateral (${heldKey(workspaceId, sql`t.y`, sql`e.fingerprint as f`)}) s on true`,
    );
    const got = found[0]?.s ?? '';
    if (got.length !== batch.length) throw new Error('event lookup answered the wrong number of rows');
    state += got;
  }
  return state;
}

/**
 * Stores the rows (validated, one per §3 key): new keys are inserted, a changed event replaces
 * the stored one, an equal one is left alone and counted unchanged (SPEC §13). The stored state
 * is read first so that new rows take a plain INSERT — ON CONFLICT's speculative insertion cost
 * PGlite about a third more per row — and unchanged rows are never sent again. A transaction-level
 * advisory lock per workspace keeps two writers from racing between that read and the writes.
 */
export async function upsertEvents(
  db: Db | Tx,
  workspaceId: string,
  rows: EventColumns[],
): Promise<UpsertCounts> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`tandem.events:${workspaceId}`}, 0))`);
  const state = await storedState(db, workspaceId, rows);
  const fresh: EventColumns[] = [];
  const changed: EventColumns[] = [];
  for (let i = 0; i < rows.length; i++) {
    const c = state.charCodeAt(i);
    if (c === 110 /* n */) fresh.push(rows[i] as EventColumns);
    else if (c === 99 /* c */) changed.push(rows[i] as EventColumns);
  }
  for (let i = 0; i < fresh.length; i += UPSERT_BATCH) {
    await write(
      db,
      sql`
      insert into events (workspace_id, type, key, id, assistant_id, source, external_id, client,
                          excluded, private, at, fingerprint, data)
      select ${workspaceId}, t.d->>'type', t.k, t.d->>'id', t.d->>'assistant', t.d->>'source',
             t.d->>'externalId', t.d->>'client', t.d->>'excluded', t.p, t.a, t.f, t.d
      from jsonb_to_recordset(${batchPayload(fresh.slice(i, i + UPSERT_BATCH))}::jsonb) as ${RECORD}`,
    );
  }
  for (let i = 0; i < changed.length; i += UPSERT_BATCH) {
    await write(
      db,
      sql`
      update events as e set
        id = t.d->>'id', assistant_id = t.d->>'assistant', source = t.d->>'source',
        external_id = t.d->>'externalId', client = t.d->>'client', excluded = t.d->>'excluded',
        private = t.p, at = t.a, fingerprint = t.f, data = t.d, updated_at = now()
      from jsonb_to_recordset(${batchPayload(changed.slice(i, i + UPSERT_BATCH))}::jsonb) as ${RECORD}
      cross join lateral (${heldKey(workspaceId, sql`t.d->>'type'`, sql`e.seq`)}) held
      where e.seq = held.seq`,
    );
  }
  return {
    inserted: fresh.length,
    updated: changed.length,
    unchanged: rows.length - fresh.length - changed.length,
  };
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
      cross join lateral (${heldKey(workspaceId, sql`t.y`, sql`e.assistant_id`)}) held
      where held.assistant_id not in (select jsonb_array_elements_text(${allowedJson}::jsonb))
      order by t.n limit 1`,
    );
    const first = hit[0];
    if (first) return i + Number(first.n);
  }
  return -1;
}
