/**
 * Monthly reviews (SPEC §8): one per assistant and month, with a generated agenda; both sides
 * comment (a coach co-authors, SPEC §1) and sign off. The second sign-off locks the review and
 * freezes its agenda as signed; after that nothing of it changes — a later correction is an
 * amendment entry beside the original, audited like every other write (SPEC §11).
 */
import { and, asc, count, eq } from 'drizzle-orm';
import type { Db, Tx } from '#db/client';
import { reviewEntries, reviews } from '#db/schema/reviews';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import { queueOutboundEvent } from '../outbound-webhooks/queue-outbound-event.ts';
import type { Actor, AssistantScope, ServiceDeps } from '../service-context.ts';
import { buildAgenda, type ReviewAgenda } from './review-agenda.ts';
import { assistantClock, newId, type Side, sideOf } from './review-context.ts';

export interface ReviewEntry {
  id: string;
  kind: 'comment' | 'amendment';
  side: Side;
  author: string;
  text: string;
  at: string;
}

export interface Signature {
  at: string;
  by: string;
}

export interface ReviewSummary {
  id: string;
  assistant: string;
  month: string;
  createdBy: string;
  createdAt: string;
  signed: { manager: Signature | null; assistant: Signature | null };
  locked: boolean;
  lockedAt: string | null;
}

export interface ReviewView extends ReviewSummary {
  agenda: ReviewAgenda;
  comments: ReviewEntry[];
  amendments: ReviewEntry[];
}

type Row = typeof reviews.$inferSelect;

const sig = (at: Date | null, by: string | null): Signature | null =>
  at && by ? { at: at.toISOString(), by } : null;

function summaryOf(r: Row): ReviewSummary {
  return {
    id: r.id,
    assistant: r.assistantId,
    month: r.month,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    signed: {
      manager: sig(r.managerSignedAt, r.managerSignedBy),
      assistant: sig(r.assistantSignedAt, r.assistantSignedBy),
    },
    locked: r.lockedAt !== null,
    lockedAt: r.lockedAt ? r.lockedAt.toISOString() : null,
  };
}

export async function loadReviewRow(db: Db | Tx, ws: string, id: string): Promise<Row> {
  const row = (
    await db
      .select()
      .from(reviews)
      .where(and(eq(reviews.workspaceId, ws), eq(reviews.id, id)))
  )[0];
  if (!row) throw new AppError('not_found', `No review ${id}`);
  return row;
}

/** The reviews of the assistants in scope (or one), newest month first. */
export async function listReviews(
  deps: ServiceDeps,
  ws: string,
  scope: AssistantScope,
  assistant?: string,
): Promise<ReviewSummary[]> {
  const rows = await deps.db
    .select()
    .from(reviews)
    .where(
      assistant === undefined
        ? eq(reviews.workspaceId, ws)
        : and(eq(reviews.workspaceId, ws), eq(reviews.assistantId, assistant)),
    )
    .orderBy(asc(reviews.month), asc(reviews.assistantId));
  return rows
    .filter((r) => scope === 'all' || scope.includes(r.assistantId))
    .reverse()
    .map(summaryOf);
}

/** One review: the frozen agenda once locked, else the agenda generated now. */
export async function getReview(deps: ServiceDeps, ws: string, id: string): Promise<ReviewView> {
  const row = await loadReviewRow(deps.db, ws, id);
  const entries = (
    await deps.db
      .select()
      .from(reviewEntries)
      .where(and(eq(reviewEntries.workspaceId, ws), eq(reviewEntries.reviewId, id)))
      .orderBy(asc(reviewEntries.position))
  ).map(
    (e): ReviewEntry => ({
      id: e.id,
      kind: e.kind as ReviewEntry['kind'],
      side: e.side as Side,
      author: e.authorUserId,
      text: e.text,
      at: e.createdAt.toISOString(),
    }),
  );
  const agenda =
    row.agenda !== null
      ? (row.agenda as ReviewAgenda)
      : await buildAgenda(deps, ws, row.assistantId, row.month);
  return {
    ...summaryOf(row),
    agenda,
    comments: entries.filter((e) => e.kind === 'comment'),
    amendments: entries.filter((e) => e.kind === 'amendment'),
  };
}

/** Opens the review of a month that has started; one per assistant and month. */
export async function createReview(
  deps: ServiceDeps,
  actor: Actor,
  input: { assistant: string; month: string },
): Promise<ReviewView> {
  const ws = actor.workspaceId;
  const id = await deps.db.transaction(async (tx) => {
    const { today } = await assistantClock(deps, tx, ws, input.assistant, true);
    if (input.month > today.slice(0, 7))
      throw new AppError('unprocessable', `${input.month} has not started yet`, { month: input.month });
    const taken = (
      await tx
        .select({ id: reviews.id })
        .from(reviews)
        .where(
          and(
            eq(reviews.workspaceId, ws),
            eq(reviews.assistantId, input.assistant),
            eq(reviews.month, input.month),
          ),
        )
    )[0];
    if (taken)
      throw new AppError('already_exists', `The review of ${input.month} exists`, { review: taken.id });
    const row = {
      workspaceId: ws,
      id: newId('rv'),
      assistantId: input.assistant,
      month: input.month,
      createdBy: actor.userId,
      createdAt: new Date(deps.now()),
    };
    await tx.insert(reviews).values(row);
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'review.create',
      target: `review:${row.id}`,
      after: { assistant: row.assistantId, month: row.month },
    });
    return row.id;
  });
  return getReview(deps, ws, id);
}

/** Runs a write on a review under its assistant's row lock, re-reading the review under it. */
async function withReview<T>(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  write: (row: Row, tx: Tx) => Promise<T>,
): Promise<T> {
  return deps.db.transaction(async (tx) => {
    const { assistantId } = await loadReviewRow(tx, actor.workspaceId, id);
    await assistantClock(deps, tx, actor.workspaceId, assistantId, true);
    return write(await loadReviewRow(tx, actor.workspaceId, id), tx);
  });
}

async function addEntry(
  deps: ServiceDeps,
  tx: Tx,
  actor: Actor,
  row: Row,
  kind: ReviewEntry['kind'],
  text: string,
): Promise<void> {
  // The caller holds the assistant's row lock: no other entry of this review is written meanwhile.
  const [{ n } = { n: 0 }] = await tx
    .select({ n: count() })
    .from(reviewEntries)
    .where(and(eq(reviewEntries.workspaceId, actor.workspaceId), eq(reviewEntries.reviewId, row.id)));
  const entry = {
    workspaceId: actor.workspaceId,
    position: Number(n) + 1,
    id: newId(kind === 'comment' ? 'rc' : 'ra'),
    reviewId: row.id,
    kind,
    side: sideOf(actor),
    authorUserId: actor.userId,
    text,
    createdAt: new Date(deps.now()),
  };
  await tx.insert(reviewEntries).values(entry);
  await writeAudit(tx, {
    workspaceId: actor.workspaceId,
    actor: actor.userId,
    action: `review.${kind === 'comment' ? 'comment' : 'amend'}`,
    target: `review:${row.id}`,
    // An amendment records the review as it stood (locked, as signed) beside the change.
    before: kind === 'amendment' ? summaryOf(row) : null,
    after: { id: entry.id, kind, side: entry.side, text },
  });
}

/** A comment before the lock; once locked, comments are refused (`review_locked`): amend instead. */
export async function commentReview(deps: ServiceDeps, actor: Actor, id: string, text: string) {
  await withReview(deps, actor, id, async (row, tx) => {
    if (row.lockedAt)
      throw new AppError('review_locked', 'The review is signed by both sides: add an amendment', {
        review: id,
      });
    await addEntry(deps, tx, actor, row, 'comment', text);
  });
  return getReview(deps, actor.workspaceId, id);
}

/** An amendment to a locked review: a separate, audited entry; the original stays as signed. */
export async function amendReview(deps: ServiceDeps, actor: Actor, id: string, text: string) {
  await withReview(deps, actor, id, async (row, tx) => {
    if (!row.lockedAt)
      throw new AppError('conflict', 'The review is not signed by both sides yet: comment instead', {
        review: id,
      });
    await addEntry(deps, tx, actor, row, 'amendment', text);
  });
  return getReview(deps, actor.workspaceId, id);
}

/**
 * Signs the review for the caller's side (owners sign as the manager, SPEC §1). The second
 * sign-off locks it, freezing the agenda both sides signed.
 */
export async function signReview(deps: ServiceDeps, actor: Actor, id: string): Promise<ReviewView> {
  const side = sideOf(actor);
  if (side === 'coach') throw new AppError('forbidden', 'A coach comments on reviews; the two sides sign');
  // Generated before the transaction: the agenda reads through the store's own connection.
  const first = await loadReviewRow(deps.db, actor.workspaceId, id);
  const agenda = first.agenda ?? (await buildAgenda(deps, actor.workspaceId, first.assistantId, first.month));
  await withReview(deps, actor, id, async (row, tx) => {
    if (row.lockedAt) throw new AppError('review_locked', 'The review is already signed by both sides');
    const mine = side === 'manager' ? row.managerSignedAt : row.assistantSignedAt;
    if (mine) throw new AppError('conflict', `The ${side} side has already signed`, { side });
    const now = new Date(deps.now());
    const next: Row =
      side === 'manager'
        ? { ...row, managerSignedAt: now, managerSignedBy: actor.userId }
        : { ...row, assistantSignedAt: now, assistantSignedBy: actor.userId };
    if (next.managerSignedAt && next.assistantSignedAt) {
      next.lockedAt = now;
      next.agenda = agenda;
    }
    await tx
      .update(reviews)
      .set({
        managerSignedAt: next.managerSignedAt,
        managerSignedBy: next.managerSignedBy,
        assistantSignedAt: next.assistantSignedAt,
        assistantSignedBy: next.assistantSignedBy,
        lockedAt: next.lockedAt,
        agenda: next.agenda,
      })
      .where(and(eq(reviews.workspaceId, actor.workspaceId), eq(reviews.id, id)));
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: next.lockedAt ? 'review.sign_and_lock' : 'review.sign',
      target: `review:${id}`,
      before: summaryOf(row),
      after: summaryOf(next),
    });
    // Issue 9 item 5: the fully signed review goes to the outbound webhooks, in this transaction.
    // The summary only (who signed, when): the agenda may hold a shared pulse, which stays in
    // Tandem (SPEC §11).
    if (next.lockedAt) {
      const { createdBy: _c, createdAt: _a, ...review } = summaryOf(next);
      await queueOutboundEvent(
        tx,
        {
          workspaceId: actor.workspaceId,
          type: 'review.signed',
          key: `review.signed:${actor.workspaceId}:${id}`,
          at: now.getTime(),
          data: { review },
        },
        now.getTime(),
      );
    }
  });
  return getReview(deps, actor.workspaceId, id);
}
