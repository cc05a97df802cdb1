/**
 * Monthly reviews (SPEC §8): a generated agenda, comments from both sides (and coaches, SPEC §1),
 * two sign-offs that lock it, amendments after the lock, and the review as Markdown
 * (`GET …/reviews/{id}.md` or `?format=md`) or PDF with a chart per KPI (`GET …/reviews/{id}.pdf`
 * or `?format=pdf`), with the same permission as reading it.
 */
import { z } from 'zod';
import {
  amendReview,
  commentReview,
  createReview,
  getReview,
  listReviews,
  loadReviewRow,
  signReview,
} from '#services/reviews/monthly-reviews';
import { reviewMarkdown } from '#services/reviews/review-markdown';
import { reviewPdf } from '#services/reviews/review-pdf';
import {
  CreateReviewBody,
  Review,
  ReviewListQuery,
  ReviewQuery,
  ReviewSummary,
  ReviewTextBody,
} from '#shared/review-schemas';
import { type AppContext, actorOf, memberOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { actorScope, assertCan } from '../policies/assert-can.ts';
import type { Action } from '../policies/permission-matrix.ts';
import { route } from '../route-kit.ts';
import { json, jsonBody, WsIdParams, WsParams } from './params.ts';

const BASE = '/api/v1/workspaces/{ws}/reviews';
const tags = ['reviews'];
const MD_SUFFIX = '.md';
const PDF_SUFFIX = '.pdf';

/** Checks the caller may do `action` on the review's assistant (404 outside the scope). */
async function reviewFor(c: AppContext, ws: string, id: string, action: Action): Promise<void> {
  const row = await loadReviewRow(c.get('deps').db, ws, id);
  assertCan(memberOf(c), action, row.assistantId);
}

const list = route({
  method: 'get',
  path: BASE,
  tags,
  summary: 'The monthly reviews I may see, newest month first',
  request: { params: WsParams, query: ReviewListQuery },
  responses: { 200: json(z.array(ReviewSummary)) },
});
const create = route({
  method: 'post',
  path: BASE,
  tags,
  summary: "Open an assistant's monthly review (one per month, once the month has started)",
  request: { params: WsParams, body: jsonBody(CreateReviewBody) },
  responses: { 201: json(Review, 'Created') },
});
const get = route({
  method: 'get',
  path: `${BASE}/{id}`,
  tags,
  summary:
    'One review with its agenda (frozen once both signed); `?format=md` or an id ending in `.md` answers Markdown, `?format=pdf` or `.pdf` a PDF with a chart per KPI',
  request: { params: WsIdParams, query: ReviewQuery },
  responses: {
    200: {
      description: 'The review, as JSON, Markdown or PDF',
      content: {
        'application/json': { schema: Review },
        'text/markdown': { schema: { type: 'string' } },
        'application/pdf': { schema: { type: 'string', format: 'binary' } },
      },
    },
  },
});
const text = (path: string, summary: string) =>
  route({
    method: 'post',
    path: `${BASE}/{id}/${path}`,
    tags,
    summary,
    request: { params: WsIdParams, body: jsonBody(ReviewTextBody) },
    responses: { 201: json(Review, 'Created') },
  });
const comment = text('comments', 'Comment on a review before it is locked (409 review_locked after)');
const amend = text(
  'amendments',
  'Amend a locked review: a separate, audited entry; the signed original stays as it was',
);
const signOff = route({
  method: 'post',
  path: `${BASE}/{id}/sign-off`,
  tags,
  summary: "Sign off for the caller's side; the second sign-off locks the review",
  request: { params: WsIdParams },
  responses: { 200: json(Review) },
});

export function registerReviewRoutes(app: TandemApp): void {
  app.openapi(list, async (c) => {
    const { ws } = c.req.valid('param');
    const { assistant } = c.req.valid('query');
    const scope =
      assistant === undefined
        ? actorScope(memberOf(c), 'review.read')
        : assertCan(memberOf(c), 'review.read', assistant);
    return c.json(await listReviews(c.get('deps'), ws, scope, assistant), 200);
  });
  app.openapi(create, async (c) => {
    const body = c.req.valid('json') as z.infer<typeof CreateReviewBody>;
    assertCan(memberOf(c), 'review.write', body.assistant);
    return c.json(await createReview(c.get('deps'), actorOf(c), body), 201);
  });
  app.openapi(get, async (c) => {
    const { ws, id: raw } = c.req.valid('param');
    const suffix = [MD_SUFFIX, PDF_SUFFIX].find((x) => raw.endsWith(x));
    const id = suffix ? raw.slice(0, -suffix.length) : raw;
    await reviewFor(c, ws, id, 'review.read');
    const format = suffix === MD_SUFFIX ? 'md' : suffix === PDF_SUFFIX ? 'pdf' : c.req.valid('query').format;
    if (format === 'md') {
      const md = await reviewMarkdown(c.get('deps'), ws, id);
      c.header('content-type', 'text/markdown; charset=utf-8');
      c.header('content-disposition', `attachment; filename="review-${id}.md"`);
      return c.body(md, 200);
    }
    if (format === 'pdf') {
      const pdf = await reviewPdf(c.get('deps'), ws, id);
      c.header('content-type', 'application/pdf');
      c.header('content-disposition', `attachment; filename="review-${id}.pdf"`);
      return c.body(new Uint8Array(pdf), 200);
    }
    return c.json(await getReview(c.get('deps'), ws, id), 200);
  });
  app.openapi(comment, async (c) => {
    const { ws, id } = c.req.valid('param');
    await reviewFor(c, ws, id, 'review.comment');
    return c.json(await commentReview(c.get('deps'), actorOf(c), id, c.req.valid('json').text), 201);
  });
  app.openapi(amend, async (c) => {
    const { ws, id } = c.req.valid('param');
    await reviewFor(c, ws, id, 'review.write');
    return c.json(await amendReview(c.get('deps'), actorOf(c), id, c.req.valid('json').text), 201);
  });
  app.openapi(signOff, async (c) => {
    const { ws, id } = c.req.valid('param');
    await reviewFor(c, ws, id, 'review.write');
    return c.json(await signReview(c.get('deps'), actorOf(c), id), 200);
  });
}
