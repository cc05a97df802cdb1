/**
 * Loads what the engine needs for a workspace from the store: the assistants in scope and their
 * countable events, already reduced to prepared rows. Excluded events and pulses are filtered in
 * SQL (no metric counts them, SPEC §3/§11), so they never reach JavaScript.
 */

import { and, eq, inArray, isNull, ne, type SQL } from 'drizzle-orm';
import type { PreparedData } from '#core/compute';
import type { TandemEvent } from '#core/events/event-types';
import { type PreparedRow, prepareEvent } from '#core/metrics/prepared-event';
import type { Db } from '#db/client';
import { assistants } from '#db/schema/assistants';
import { events } from '#db/schema/events';
import { assistantDef } from '../assistants/assistant-record.ts';
import type { AssistantScope } from '../service-context.ts';

export async function loadComputeData(
  db: Db,
  workspaceId: string,
  scope: AssistantScope,
): Promise<PreparedData> {
  if (scope !== 'all' && scope.length === 0) return { assistants: new Map(), rows: [] };
  const aWhere: SQL[] = [eq(assistants.workspaceId, workspaceId)];
  const eWhere: SQL[] = [
    eq(events.workspaceId, workspaceId),
    isNull(events.excluded),
    ne(events.type, 'pulse'),
  ];
  if (scope !== 'all') {
    aWhere.push(inArray(assistants.id, [...scope]));
    eWhere.push(inArray(events.assistantId, [...scope]));
  }
  const [defs, data] = await Promise.all([
    db
      .select()
      .from(assistants)
      .where(and(...aWhere)),
    db
      .select({ data: events.data })
      .from(events)
      .where(and(...eWhere)),
  ]);
  const rows: PreparedRow[] = [];
  for (const { data: e } of data) {
    const r = prepareEvent(e as TandemEvent);
    if (r) rows.push(r);
  }
  return { assistants: new Map(defs.map((d) => [d.id, assistantDef(d)])), rows };
}
