/**
 * Check-ins and monthly reviews (SPEC §8): the reads and changes the two screens make, typed by
 * the shared schemas (src/shared/review-schemas.ts).
 */
import type { ActionItem, Checkin, CheckinList, Review, ReviewSummary } from '#shared/review-schemas';
import { api } from './api-client.ts';
import { paths } from './paths.ts';
import { useWsMutation, useWsQuery } from './workspace-queries.ts';

const enc = encodeURIComponent;

export function useCheckins(ws: string, assistant: string) {
  return useWsQuery<CheckinList>(ws, 'checkins', { assistant }, { live: true });
}

export function useReviews(ws: string, assistant: string) {
  return useWsQuery<ReviewSummary[]>(ws, 'reviews', { assistant }, { live: true });
}

export function useReview(ws: string, id: string | undefined) {
  return useWsQuery<Review>(ws, `reviews/${enc(id ?? '')}`, undefined, {
    enabled: id !== undefined,
    live: true,
  });
}

/** Where the Markdown of a review downloads from (`GET …/reviews/{id}.md`). */
export function reviewMarkdownUrl(ws: string, id: string): string {
  return `/api/v1/${paths.ws(ws, `reviews/${enc(id)}.md`)}`;
}

/** The review as PDF, with a chart per KPI drawn from the KPI screen's chart options. */
export function reviewPdfUrl(ws: string, id: string): string {
  return `/api/v1/${paths.ws(ws, `reviews/${enc(id)}.pdf`)}`;
}

export function useScheduleCheckin(ws: string) {
  return useWsMutation<{ assistant: string; date?: string }, Checkin>({
    ws,
    request: (json) => api<Checkin>(paths.ws(ws, 'checkins'), { method: 'POST', json }),
    success: (c) => `Check-in scheduled for ${c.date}`,
  });
}

export function useCheckinNotes(ws: string) {
  return useWsMutation<{ id: string; notes: string }, Checkin>({
    ws,
    request: ({ id, notes }) =>
      api<Checkin>(paths.ws(ws, `checkins/${enc(id)}/notes`), { method: 'PUT', json: { notes } }),
    success: 'Notes saved',
  });
}

export function useAddActionItem(ws: string) {
  return useWsMutation<{ checkin: string; text: string; owner: string; dueDate: string }, ActionItem>({
    ws,
    request: ({ checkin, ...json }) =>
      api<ActionItem>(paths.ws(ws, `checkins/${enc(checkin)}/action-items`), { method: 'POST', json }),
    success: 'Action item added',
  });
}

export function useToggleActionItem(ws: string) {
  return useWsMutation<{ id: string; done: boolean }, ActionItem>({
    ws,
    request: ({ id, done }) =>
      api<ActionItem>(paths.ws(ws, `action-items/${enc(id)}`), { method: 'PATCH', json: { done } }),
  });
}

export function useCreateReview(ws: string) {
  return useWsMutation<{ assistant: string; month: string }, Review>({
    ws,
    request: (json) => api<Review>(paths.ws(ws, 'reviews'), { method: 'POST', json }),
    success: (r) => `Review of ${r.month} opened`,
  });
}

/** Comment, amend (after the lock) or sign off. */
export function useReviewAction(ws: string) {
  return useWsMutation<{ id: string; action: 'comments' | 'amendments' | 'sign-off'; text?: string }, Review>(
    {
      ws,
      request: ({ id, action, text }) =>
        api<Review>(paths.ws(ws, `reviews/${enc(id)}/${action}`), {
          method: 'POST',
          ...(text !== undefined ? { json: { text } } : {}),
        }),
      success: (r, v) =>
        v.action === 'sign-off' ? (r.locked ? 'Signed: the review is now locked' : 'Signed off') : 'Saved',
    },
  );
}
