/**
 * Server state: answers are fresh for 30 s and refetched when the window regains focus; a 4xx
 * is not retried (it will not change by itself). Every mutation invalidates what it changed, so
 * a change shows without a reload; a change someone else makes shows within LIVE_REFRESH_MS on
 * the screens people leave open (KPIs, insights, events), see useWsQuery's `live`.
 */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error.ts';

/** How often a screen left open asks again for what another person may have changed. */
export const LIVE_REFRESH_MS = 60_000;

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});
