/**
 * Client satisfaction survey requests (SPEC §1 client, §8): a manager or owner asks a client how
 * an assistant's work went through a one-time link. The link carries a 256-bit random token of
 * which only the SHA-256 is stored; it expires (14 days by default) and allows one answer
 * (public-survey.ts). The list shows each request's status and the response rate — answered ÷
 * sent over a range of local dates in the assistant's zone.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { TandemEvent } from '#core/events/event-types';
import { addDays, localDate } from '#core/kpis/local-date';
import type { Tx } from '#db/client';
import { events } from '#db/schema/events';
import { surveyRequests } from '#db/schema/surveys';
import { workspaces } from '#db/schema/workspaces';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import { assistantClock } from '../reviews/review-context.ts';
import { newId, newToken, sha256 } from '../secrets.ts';
import type { Actor, ServiceDeps } from '../service-context.ts';

/** SPEC §8 leaves it open; two weeks gives a client time to answer without keeping links alive. */
export const SURVEY_DEFAULT_EXPIRY_DAYS = 14;
export const SURVEY_MAX_EXPIRY_DAYS = 90;
/** The response rate looks back this many days by default. */
export const RESPONSE_RATE_DEFAULT_DAYS = 90;
/** Survey tokens start with this, so a leaked one is recognisable (and never taken for an API token). */
export const SURVEY_TOKEN_PREFIX = 'svy_';

export type SurveyStatus = 'pending' | 'answered' | 'expired';

export interface SurveyRequest {
  id: string;
  assistant: string;
  client: string | null;
  status: SurveyStatus;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  answeredAt: string | null;
  /** The answer (the survey event), once answered. */
  score: number | null;
  comment: string | null;
}

export interface ResponseRate {
  /** Local dates in the assistant's zone, both included. */
  from: string;
  to: string;
  sent: number;
  answered: number;
  /** answered ÷ sent; null when none was sent. */
  rate: number | null;
}

export interface SurveyRequestList {
  assistant: string;
  requests: SurveyRequest[];
  responseRate: ResponseRate;
}

export interface CreatedSurveyRequest {
  request: SurveyRequest;
  /** The link to send: shown once, never stored. */
  url: string;
}

type Row = typeof surveyRequests.$inferSelect;

export function statusOf(r: Pick<Row, 'answeredAt' | 'expiresAt'>, now: number): SurveyStatus {
  if (r.answeredAt) return 'answered';
  return now >= r.expiresAt.getTime() ? 'expired' : 'pending';
}

function present(r: Row, now: number, answer?: { score: number; comment?: string }): SurveyRequest {
  return {
    id: r.id,
    assistant: r.assistantId,
    client: r.client,
    status: statusOf(r, now),
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    answeredAt: r.answeredAt ? r.answeredAt.toISOString() : null,
    score: answer?.score ?? null,
    comment: answer?.comment ?? null,
  };
}

/** The address of the public survey page for a token (SPEC §13: links use TANDEM_PUBLIC_URL). */
export function surveyUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/s/${token}`;
}

async function assertClient(tx: Tx, ws: string, client: string): Promise<void> {
  const found = await tx.query.clients.findFirst({
    where: (t, { and: all, eq: is }) => all(is(t.workspaceId, ws), is(t.id, client)),
  });
  if (!found)
    throw new AppError('validation_failed', `body.client: no client ${client}`, {
      issues: [{ path: 'body.client', message: `no client ${client}` }],
    });
}

/** Creates a one-time survey link for an assistant (and optionally a client); audited. */
export async function createSurveyRequest(
  deps: ServiceDeps,
  actor: Actor,
  input: { assistant: string; client?: string | undefined; expiresInDays?: number | undefined },
): Promise<CreatedSurveyRequest> {
  const ws = actor.workspaceId;
  const token = newToken(SURVEY_TOKEN_PREFIX);
  const now = deps.now();
  const days = input.expiresInDays ?? SURVEY_DEFAULT_EXPIRY_DAYS;
  const row = await deps.db.transaction(async (tx) => {
    await assistantClock(deps, tx, ws, input.assistant);
    if (input.client !== undefined) await assertClient(tx, ws, input.client);
    const values: Row = {
      workspaceId: ws,
      id: newId('sv'),
      assistantId: input.assistant,
      client: input.client ?? null,
      tokenHash: sha256(token),
      createdBy: actor.userId,
      createdAt: new Date(now),
      expiresAt: new Date(now + days * 86_400_000),
      answeredAt: null,
      eventId: null,
    };
    await tx.insert(surveyRequests).values(values);
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'survey.request',
      target: `survey:${values.id}`,
      after: {
        assistant: values.assistantId,
        client: values.client,
        expiresAt: values.expiresAt.toISOString(),
      },
    });
    return values;
  });
  return { request: present(row, now), url: surveyUrl(deps.publicUrl, token) };
}

/**
 * One assistant's survey requests, newest first, and the response rate over [from, to] (local
 * dates of sending in the assistant's zone; default the last 90 days up to today): answered ÷ sent.
 */
export async function listSurveyRequests(
  deps: ServiceDeps,
  ws: string,
  assistant: string,
  range: { from?: string | undefined; to?: string | undefined } = {},
): Promise<SurveyRequestList> {
  const { time, today } = await assistantClock(deps, deps.db, ws, assistant);
  const to = range.to ?? today;
  const from = range.from ?? addDays(to, -(RESPONSE_RATE_DEFAULT_DAYS - 1));
  if (from > to)
    throw new AppError('validation_failed', 'query.from: after query.to', {
      issues: [{ path: 'query.from', message: 'after query.to' }],
    });
  const rows = await deps.db
    .select()
    .from(surveyRequests)
    .where(and(eq(surveyRequests.workspaceId, ws), eq(surveyRequests.assistantId, assistant)))
    .orderBy(desc(surveyRequests.createdAt), desc(surveyRequests.id));
  const eventIds = rows.flatMap((r) => (r.eventId ? [r.eventId] : []));
  const answers = new Map<string, { score: number; comment?: string }>();
  if (eventIds.length > 0) {
    const found = await deps.db
      .select({ id: events.id, data: events.data })
      .from(events)
      .where(and(eq(events.workspaceId, ws), eq(events.type, 'survey'), inArray(events.id, eventIds)));
    for (const e of found) {
      const d = e.data as Extract<TandemEvent, { type: 'survey' }>;
      answers.set(e.id, { score: d.score, ...(d.comment !== undefined ? { comment: d.comment } : {}) });
    }
  }
  const now = deps.now();
  const requests = rows.map((r) => present(r, now, r.eventId ? answers.get(r.eventId) : undefined));
  const inRange = rows.filter((r) => {
    const t = r.createdAt.getTime();
    const d = localDate(t, time.zoneAt(t));
    return d >= from && d <= to;
  });
  const answered = inRange.filter((r) => r.answeredAt !== null).length;
  return {
    assistant,
    requests,
    responseRate: {
      from,
      to,
      sent: inRange.length,
      answered,
      rate: inRange.length === 0 ? null : answered / inRange.length,
    },
  };
}

export interface SurveyMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The e-mail that carries a survey link to a client: who asks, about whom, the link and until
 * when it works. Plain text and HTML say the same; every name is escaped in the HTML.
 */
export function surveyRequestEmail(input: {
  url: string;
  assistantName: string;
  workspaceName: string;
  expiresAt: string;
}): { subject: string; text: string; html: string } {
  const until = input.expiresAt.slice(0, 10);
  const subject = `How did ${input.assistantName} do? A one-minute question from ${input.workspaceName}`;
  const text = [
    'Hello,',
    '',
    `${input.workspaceName} would like to know how satisfied you are with the work of ${input.assistantName}.`,
    'One question (1 to 5) and an optional comment, no account needed:',
    '',
    input.url,
    '',
    `The link works once, until ${until}. Please do not forward it.`,
    '',
    'Thank you!',
  ].join('\n');
  const a = escapeHtml(input.assistantName);
  const w = escapeHtml(input.workspaceName);
  const u = escapeHtml(input.url);
  const html = [
    '<p>Hello,</p>',
    `<p>${w} would like to know how satisfied you are with the work of ${a}.</p>`,
    '<p>One question (1 to 5) and an optional comment, no account needed:</p>',
    `<p><a href="${u}" rel="noreferrer">${u}</a></p>`,
    `<p>The link works once, until ${escapeHtml(until)}. Please do not forward it.</p>`,
    '<p>Thank you!</p>',
  ].join('\n');
  return { subject, text, html };
}

/**
 * Sends a survey link by e-mail through the mail queue it is given (`enqueue`), right after the
 * link was created — the token exists only then. The names come from the store.
 */
export async function sendSurveyRequestEmail(
  deps: ServiceDeps,
  ws: string,
  input: { to: string; created: CreatedSurveyRequest },
  enqueue: (mail: SurveyMail) => Promise<void>,
): Promise<void> {
  const { request, url } = input.created;
  const w = (
    await deps.db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, ws))
  )[0];
  const a = await deps.db.query.assistants.findFirst({
    where: (t, { and: all, eq: is }) => all(is(t.workspaceId, ws), is(t.id, request.assistant)),
  });
  if (!w || !a) throw new AppError('not_found', 'No such assistant');
  const mail = surveyRequestEmail({
    url,
    assistantName: firstName(a.name) ?? 'your assistant',
    workspaceName: w.name,
    expiresAt: request.expiresAt,
  });
  await enqueue({ to: input.to, ...mail });
}

/** The first word of a name: what a client is shown of an assistant (SPEC §11: nothing more). */
export function firstName(name: string | null): string | null {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first : null;
}
