/**
 * Listing and reading stored events, scoped to the assistants the caller may see. A private pulse
 * answer is returned only to the assistant who gave it (SPEC §11) — to no one else, owners included.
 */

import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { EventType, TandemEvent } from '#core/events/event-types';
import { events } from '#db/schema/events';
import { AppError } from '#src/errors';
import type { AssistantScope, ServiceDeps } from '../service-context.ts';

export interface EventFilters {
  type?: EventType | undefined;
  assistant?: string | undefined;
  client?: string | undefined;
  source?: string | undefined;
  excluded?: boolean | undefined;
  /** Own-time range [from, to) in epoch ms. */
  from?: number | undefined;
  to?: number | undefined;
}

export interface StoredEvent {
  seq: number;
  event: TandemEvent;
  updatedAt: Date;
}

/**
 * Rows the caller may see: in scope, and no one else's private pulse (SPEC §11). Every write looks
 * events up through this same rule, so a hidden row answers 404 to changes as it does to reads.
 */
export function visibility(ws: string, scope: AssistantScope, self: string | null): SQL[] {
  const where: SQL[] = [eq(events.workspaceId, ws)];
  if (scope !== 'all') where.push(inArray(events.assistantId, [...scope]));
  const priv =
    self === null ? eq(events.private, false) : or(eq(events.private, false), eq(events.assistantId, self));
  if (priv) where.push(priv);
  return where;
}

export async function listEvents(
  deps: ServiceDeps,
  ws: string,
  scope: AssistantScope,
  self: string | null,
  f: EventFilters,
  page: { limit: number; after?: number | undefined },
): Promise<{ items: StoredEvent[]; next: number | null }> {
  if (scope !== 'all' && scope.length === 0) return { items: [], next: null };
  const where = visibility(ws, scope, self);
  if (f.type) where.push(eq(events.type, f.type));
  if (f.assistant) where.push(eq(events.assistantId, f.assistant));
  if (f.client) where.push(eq(events.client, f.client));
  if (f.source) where.push(eq(events.source, f.source));
  if (f.excluded === true) where.push(isNotNull(events.excluded));
  if (f.excluded === false) where.push(isNull(events.excluded));
  if (f.from !== undefined) where.push(gte(events.at, new Date(f.from)));
  if (f.to !== undefined) where.push(lt(events.at, new Date(f.to)));
  if (page.after !== undefined) where.push(gt(events.seq, page.after));
  const rows = await deps.db
    .select({ seq: events.seq, data: events.data, updatedAt: events.updatedAt })
    .from(events)
    .where(and(...where))
    .orderBy(asc(events.seq))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit).map((r) => ({ seq: r.seq, event: r.data, updatedAt: r.updatedAt }));
  const last = items[items.length - 1];
  return { items, next: rows.length > page.limit && last ? last.seq : null };
}

export async function getEvent(
  deps: ServiceDeps,
  ws: string,
  scope: AssistantScope,
  self: string | null,
  type: EventType,
  id: string,
): Promise<StoredEvent> {
  const where = visibility(ws, scope, self);
  where.push(eq(events.type, type), eq(events.id, id));
  const rows = await deps.db
    .select({ seq: events.seq, data: events.data, updatedAt: events.updatedAt })
    .from(events)
    .where(and(...where))
    .limit(1);
  const r = rows[0];
  if (!r) throw new AppError('not_found', `No ${type} event ${id}`);
  return { seq: r.seq, event: r.data, updatedAt: r.updatedAt };
}
