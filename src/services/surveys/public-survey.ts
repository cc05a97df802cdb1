/**
 * The client's side of a survey link (SPEC §1: a client has only a tokenized link, no account).
 * The token is good for exactly this: reading what the page shows — the assistant's first name
 * and the workspace's name, nothing else — and one answer, stored as the §3 survey event through
 * the event store's own insert (so every metric sees it) while the request is marked answered in
 * the same transaction. An unknown, malformed, used or expired token stores nothing.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { TandemEvent } from '#core/events/event-types';
import { surveyRequests } from '#db/schema/surveys';
import { workspaces } from '#db/schema/workspaces';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import { insertNewEvent, validated } from '../events/save-event.ts';
import { sha256 } from '../secrets.ts';
import type { ServiceDeps } from '../service-context.ts';
import { firstName, SURVEY_TOKEN_PREFIX, statusOf } from './survey-requests.ts';

/** The audit log's actor for what a survey link does: a client has no account (SPEC §1). */
export const SURVEY_ACTOR = 'survey-link';

/** A token as `newToken` makes them: the prefix and 43 base64url characters (256 bits). */
const TOKEN_SHAPE = new RegExp(`^${SURVEY_TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`);

export interface PublicSurvey {
  /** The assistant's first name (null when none is on record). */
  assistant: string | null;
  workspace: string;
}

export interface SurveyAnswer {
  score: number;
  comment?: string | undefined;
}

function unknownLink(): AppError {
  return new AppError('not_found', 'This survey link is not valid. Please check that it was copied whole.');
}

type Row = typeof surveyRequests.$inferSelect;

/** The request a token names, refused unless it can still be answered. */
function assertOpen(row: Row | undefined, now: number): Row {
  if (!row) throw unknownLink();
  const status = statusOf(row, now);
  if (status === 'answered')
    throw new AppError('survey_answered', 'This survey has already been answered. Thank you!');
  if (status === 'expired')
    throw new AppError('survey_expired', 'This survey link has expired. Please ask for a new one.', {
      expiredAt: row.expiresAt.toISOString(),
    });
  return row;
}

const hashOf = (token: string): string | null => (TOKEN_SHAPE.test(token) ? sha256(token) : null);

/** What the survey page shows for a token. */
export async function publicSurvey(deps: ServiceDeps, token: string): Promise<PublicSurvey> {
  const hash = hashOf(token);
  if (!hash) throw unknownLink();
  const row = assertOpen(
    (await deps.db.select().from(surveyRequests).where(eq(surveyRequests.tokenHash, hash)))[0],
    deps.now(),
  );
  const a = await deps.db.query.assistants.findFirst({
    where: (t, { and: all, eq: is }) => all(is(t.workspaceId, row.workspaceId), is(t.id, row.assistantId)),
  });
  const w = (
    await deps.db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, row.workspaceId))
  )[0];
  if (!w) throw unknownLink();
  return { assistant: firstName(a?.name ?? null), workspace: w.name };
}

/** Stores the one answer a link allows as a survey event and marks the request answered. */
export async function answerSurvey(deps: ServiceDeps, token: string, answer: SurveyAnswer): Promise<void> {
  const hash = hashOf(token);
  if (!hash) throw unknownLink();
  await deps.db.transaction(async (tx) => {
    // The row lock makes a second, concurrent submission wait and then see the first answer.
    const now = deps.now();
    const row = assertOpen(
      (await tx.select().from(surveyRequests).where(eq(surveyRequests.tokenHash, hash)).for('update'))[0],
      now,
    );
    const respondedAt = new Date(now).toISOString();
    const event: TandemEvent = validated({
      type: 'survey',
      id: row.id,
      assistant: row.assistantId,
      respondedAt,
      score: answer.score,
      ...(answer.comment !== undefined && answer.comment.trim() !== '' ? { comment: answer.comment } : {}),
      ...(row.client !== null ? { client: row.client } : {}),
      source: 'survey-link',
    });
    await insertNewEvent(tx, row.workspaceId, SURVEY_ACTOR, event);
    const marked = await tx
      .update(surveyRequests)
      .set({ answeredAt: new Date(now), eventId: event.id })
      .where(
        and(
          eq(surveyRequests.workspaceId, row.workspaceId),
          eq(surveyRequests.id, row.id),
          isNull(surveyRequests.answeredAt),
        ),
      )
      .returning({ id: surveyRequests.id });
    if (marked.length !== 1)
      throw new AppError('survey_answered', 'This survey has already been answered. Thank you!');
    await writeAudit(tx, {
      workspaceId: row.workspaceId,
      actor: SURVEY_ACTOR,
      action: 'survey.answer',
      target: `survey:${row.id}`,
      after: { assistant: row.assistantId, event: event.id, score: answer.score },
    });
  });
}
