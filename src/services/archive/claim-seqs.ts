/**
 * Restore gives identical API answers (SPEC §13), and `seq` is part of them: event and audit
 * cursors are positions in it, and audit entries show it. `seq` is one identity sequence per table
 * across all workspaces, so an archive's values are kept when none of them is taken in the target
 * store (always so in an empty one, and when moving several workspaces from one store to another);
 * otherwise the rows are numbered afresh in their original order, so listings still come back in
 * the same order, only with other cursors.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '#db/client';

export type SeqTable = 'events' | 'audit_log';

/**
 * Whether `seqs` may be inserted as they are into `table`. When they may, the table's sequence
 * is first moved past them (never back), so that no later insert — this transaction's own or a
 * concurrent one — can be handed one of them.
 */
export async function claimSeqs(tx: Tx, table: SeqTable, seqs: readonly (number | null)[]): Promise<boolean> {
  if (seqs.length === 0) return true;
  let max = 0;
  for (const s of seqs) {
    if (s === null || !Number.isSafeInteger(s) || s <= 0) return false;
    if (s > max) max = s;
  }
  if (new Set(seqs).size !== seqs.length) return false;
  await queryRows(
    tx,
    sql`select setval(pg_get_serial_sequence(${table}, 'seq'),
                      greatest(${max}::bigint, nextval(pg_get_serial_sequence(${table}, 'seq'))))`,
  );
  const taken = await queryRows<{ seq: number }>(
    tx,
    sql`select seq from ${sql.identifier(table)}
        where seq in (select value::bigint from jsonb_array_elements_text(${JSON.stringify(seqs)}::jsonb))
        limit 1`,
  );
  return taken.length === 0;
}
