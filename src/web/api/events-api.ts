/** Events (SPEC §3): list with filters, create one, mark excluded with a reason or count it again. */

import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { EventType, TandemEvent } from '#core/events/event-types';
import type { EventItem, EventPage } from '#shared/api-schemas';
import { api } from './api-client.ts';
import { enc, paths } from './paths.ts';
import { LIVE_REFRESH_MS } from './query-client.ts';
import { useWsMutation, wsKey } from './workspace-queries.ts';

export type EventItemResponse = z.infer<typeof EventItem>;

export interface EventFilters {
  type?: string | undefined;
  assistant?: string | undefined;
  client?: string | undefined;
  excluded?: 'true' | 'false' | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Pages of events, newest first as the server orders them; `limit` per page. */
export function useEvents(ws: string, filters: EventFilters, limit = 50, opts: { enabled?: boolean } = {}) {
  // Live like the KPIs (query-client.ts): an event another person logs or excludes shows up.
  return useInfiniteQuery({
    refetchInterval: LIVE_REFRESH_MS,
    queryKey: wsKey(ws, 'events', filters, limit),
    queryFn: ({ pageParam, signal }) =>
      api<EventPage>(paths.ws(ws, 'events'), { query: { ...filters, limit, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: opts.enabled ?? true,
  });
}

/** A new id for an event entered by hand. */
export function newEventId(type: EventType): string {
  return `${type}-${crypto.randomUUID()}`;
}

/** Stores one event; every metric that counts it refreshes. */
export function useCreateEvent(ws: string, success?: string) {
  return useWsMutation({
    ws,
    request: (e: TandemEvent) => api<EventItemResponse>(paths.ws(ws, `events/${enc(e.type)}`), { json: e }),
    ...(success ? { success } : {}),
  });
}

/** Stores one event as a new event, or in place of the stored one with its type and id. */
export function useSaveEvent(ws: string, success?: string) {
  return useWsMutation({
    ws,
    request: ({ event, replace }: { event: TandemEvent; replace: boolean }) =>
      replace
        ? api<EventItemResponse>(paths.ws(ws, `events/${enc(event.type)}/${enc(event.id)}`), {
            method: 'PUT',
            json: event,
          })
        : api<EventItemResponse>(paths.ws(ws, `events/${enc(event.type)}`), { json: event }),
    ...(success ? { success } : {}),
  });
}

/** Marks an event excluded with a reason (kept on record, counted nowhere), or counts it again. */
export function useExclusion(ws: string) {
  return useWsMutation({
    ws,
    request: ({ type, id, reason }: { type: string; id: string; reason: string | null }) =>
      reason === null
        ? api<EventItemResponse>(paths.ws(ws, `events/${enc(type)}/${enc(id)}/exclusion`), {
            method: 'DELETE',
          })
        : api<EventItemResponse>(paths.ws(ws, `events/${enc(type)}/${enc(id)}/exclusion`), {
            method: 'PUT',
            json: { reason },
          }),
    success: (_r, v) => (v.reason === null ? 'The event counts again' : 'Excluded: no metric counts it now'),
  });
}
