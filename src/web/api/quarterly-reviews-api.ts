/**
 * The quarterly relevance review (SPEC §8): reads and changes of its screen, typed by the shared
 * schemas (src/shared/quarterly-review-schemas.ts).
 */
import type {
  QuarterlyDecisionBody,
  QuarterlyReview,
  QuarterlyReviewSummary,
} from '#shared/quarterly-review-schemas';
import { api } from './api-client.ts';
import { paths } from './paths.ts';
import { useWsMutation, useWsQuery } from './workspace-queries.ts';

const enc = encodeURIComponent;

export function useQuarterlyReviews(ws: string, assistant: string) {
  return useWsQuery<QuarterlyReviewSummary[]>(ws, 'quarterly-reviews', { assistant }, { live: true });
}

export function useQuarterlyReview(ws: string, id: string | undefined) {
  return useWsQuery<QuarterlyReview>(ws, `quarterly-reviews/${enc(id ?? '')}`, undefined, {
    enabled: id !== undefined,
  });
}

export function useOpenQuarterlyReview(ws: string) {
  return useWsMutation<{ assistant: string; quarter: string }, QuarterlyReview>({
    ws,
    request: (json) => api<QuarterlyReview>(paths.ws(ws, 'quarterly-reviews'), { method: 'POST', json }),
    success: (r) => `Review of ${r.quarter} opened`,
  });
}

export function useApplyQuarterlyDecisions(ws: string) {
  return useWsMutation<{ id: string; decisions: QuarterlyDecisionBody[] }, QuarterlyReview>({
    ws,
    request: ({ id, decisions }) =>
      api<QuarterlyReview>(paths.ws(ws, `quarterly-reviews/${enc(id)}/decisions`), {
        method: 'POST',
        json: { decisions },
      }),
    success: 'Decisions applied: proposals now wait for the other side to agree',
  });
}
