/**
 * Loads what the engine needs for a workspace from the store: the assistants in scope and their
 * countable events, reduced to prepared rows. Excluded events and pulses are filtered in SQL (no
 * metric counts them, SPEC §3/§11). With a cache, rows are reused while the workspace's data
 * version is unchanged.
 */

import { and, eq, inArray, isNull, ne, type SQL } from 'drizzle-orm';
import type { PreparedData } from '#core/compute';
import type { AssistantDef, TandemEvent } from '#core/events/event-types';
import { type PreparedRow, prepareEvent } from '#core/metrics/prepared-event';
import type { Db } from '#db/client';
import { assistants } from '#db/schema/assistants';
import { events } from '#db/schema/events';
import { assistantDef } from '../assistants/assistant-record.ts';
import type { AssistantScope } from '../service-context.ts';
import { readDataVersion } from './data-version.ts';
import type { PreparedRowsCache } from './prepared-rows-cache.ts';

async function loadRows(db: Db, workspaceId: string, ids: readonly string[] | 'all'): Promise<PreparedRow[]> {
  const where: SQL[] = [
    eq(events.workspaceId, workspaceId),
    isNull(events.excluded),
    ne(events.type, 'pulse'),
  ];
  if (ids !== 'all') where.push(inArray(events.assistantId, [...ids]));
  const data = await db
    .select({ data: events.data })
    .from(events)
    .where(and(...where));
  const rows: PreparedRow[] = [];
  for (const { data: e } of data) {
    const r = prepareEvent(e as TandemEvent);
    if (r) rows.push(r);
  }
  return rows;
}

async function loadAssistants(db: Db, workspaceId: string): Promise<Map<string, AssistantDef>> {
  const defs = await db.select().from(assistants).where(eq(assistants.workspaceId, workspaceId));
  return new Map(defs.map((d) => [d.id, assistantDef(d)]));
}

export async function loadComputeData(
  db: Db,
  workspaceId: string,
  scope: AssistantScope,
  cache?: PreparedRowsCache,
): Promise<PreparedData> {
  if (cache) return (await loadVersionedComputeData(db, workspaceId, scope, cache)).data;
  return loadUncached(db, workspaceId, scope);
}

async function loadUncached(db: Db, workspaceId: string, scope: AssistantScope): Promise<PreparedData> {
  if (scope !== 'all' && scope.length === 0) return { assistants: new Map(), rows: [] };
  const all = await loadAssistants(db, workspaceId);
  const defs = scope === 'all' ? all : new Map([...all].filter(([id]) => scope.includes(id)));
  return { assistants: defs, rows: await loadRows(db, workspaceId, scope) };
}

/**
 * loadComputeData with the data version the rows were read at (null: no such workspace), so a
 * caller can keep what it computes from them under that version.
 */
export async function loadVersionedComputeData(
  db: Db,
  workspaceId: string,
  scope: AssistantScope,
  cache?: PreparedRowsCache,
): Promise<{ version: string | null; data: PreparedData }> {
  const version = await readDataVersion(db, workspaceId);
  if (!cache || version === null || (scope !== 'all' && scope.length === 0))
    return { version, data: await loadUncached(db, workspaceId, scope) };
  const entry = cache.entry(workspaceId, version);
  if (!entry.assistants) entry.assistants = await loadAssistants(db, workspaceId);
  const wanted =
    scope === 'all' ? [...entry.assistants.keys()] : scope.filter((id) => entry.assistants?.has(id));
  const missing = wanted.filter((id) => !entry.rows.has(id));
  if (missing.length > 0) {
    const rows = await loadRows(
      db,
      workspaceId,
      scope === 'all' && missing.length === wanted.length ? 'all' : missing,
    );
    for (const id of missing) entry.rows.set(id, []);
    for (const r of rows) entry.rows.get(r.assistant)?.push(r);
    cache.grew(workspaceId, entry, rows.length);
  }
  const rows: PreparedRow[] = [];
  const defs = new Map<string, AssistantDef>();
  for (const id of wanted) {
    const def = entry.assistants.get(id);
    if (def) defs.set(id, def);
    for (const r of entry.rows.get(id) ?? []) rows.push(r);
  }
  return { version, data: { assistants: defs, rows } };
}
