/**
 * Query keys and hooks for one workspace's data. Every key starts with ['ws', ws], and every
 * change invalidates the workspace's keys, so numbers that depend on the change (metrics after a
 * new event, an assistant's KPIs after an agreement) refresh without a reload.
 */

import { notifications } from '@mantine/notifications';
import { type QueryKey, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from './api-client.ts';
import { errorMessage } from './api-error.ts';
import { paths } from './paths.ts';
import { LIVE_REFRESH_MS } from './query-client.ts';

/** The key of a workspace resource: ['ws', ws, ...parts]. */
export function wsKey(ws: string, ...parts: unknown[]): QueryKey {
  return ['ws', ws, ...parts];
}

/**
 * GET `workspaces/{ws}/<rest>` as query options: what useWsQuery reads, and what a route's loader
 * starts before the screen's code has arrived (router.tsx), under the same key.
 */
export function wsQueryOptions<T>(ws: string, rest: string, query?: Query) {
  return queryOptions({
    queryKey: wsKey(ws, rest, query ?? {}),
    queryFn: ({ signal }) => api<T>(paths.ws(ws, rest), { ...(query ? { query } : {}), signal }),
  });
}

/**
 * GET `workspaces/{ws}/<rest>` as a query. `live`: asked again every LIVE_REFRESH_MS while the
 * page is visible, for numbers another person changes (an assistant agrees, logs, imports).
 */
export function useWsQuery<T>(
  ws: string,
  rest: string,
  query?: Query,
  opts: { enabled?: boolean; live?: boolean } = {},
) {
  return useQuery({
    ...wsQueryOptions<T>(ws, rest, query),
    enabled: opts.enabled ?? true,
    refetchInterval: opts.live ? LIVE_REFRESH_MS : false,
  });
}

interface WsMutationOptions<TVars, TResult> {
  ws: string;
  request: (vars: TVars) => Promise<TResult>;
  /** Shown as a notification on success. */
  success?: string | ((result: TResult, vars: TVars) => string);
  onSuccess?: (result: TResult, vars: TVars) => void;
}

/** A change in the workspace: on success, every workspace query refetches. */
export function useWsMutation<TVars, TResult = unknown>({
  ws,
  request,
  success,
  onSuccess,
}: WsMutationOptions<TVars, TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async (result, vars) => {
      await qc.invalidateQueries({ queryKey: ['ws', ws] });
      await qc.invalidateQueries({ queryKey: ['session'] });
      if (success) {
        notifications.show({
          color: 'teal',
          message: typeof success === 'string' ? success : success(result, vars),
        });
      }
      onSuccess?.(result, vars);
    },
  });
}

/** A notification for a failure that has no form of its own to be shown in. */
export function notifyError(action: string, error: unknown): void {
  notifications.show({ color: 'orange', title: `Could not ${action}`, message: errorMessage(error) });
}
