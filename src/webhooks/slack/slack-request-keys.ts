/**
 * Which Slack requests a message answers, and which open request stops a new one being opened —
 * the importer's rule (src/importers/slack/convert-slack.ts, SPEC §10) stated over stored events
 * so the service can apply it to what the webhooks stored earlier:
 *
 * - a request made by a thread reply lives in that thread: `thread:<thread_ts>`;
 * - a top-level request in a channel lives at the top level and in the thread it starts:
 *   `top`, `thread:<ts>`; in a DM (conversation ids starting with `D`) only at the top: `top`;
 * - an assistant's thread reply answers their open requests in that thread; a top-level message
 *   answers their open top-level requests of the conversation;
 * - a new request is not opened while the same assistant has an open one sharing a key.
 *
 * Requests are recognised by the keys the importer writes: externalId `<conversation>/<ts>/<user>`,
 * threadKey `<conversation>/<thread_ts or ts>`.
 */
import type { RequestEvent } from '#core/events/event-types';
import type { RequestAnswer } from '../common/webhook-items.ts';

export interface SlackRequestPlace {
  conversation: string;
  ts: string;
  thread?: string;
}

/** Where a stored Slack request sits, read from its externalId and threadKey. */
export function slackRequestPlace(r: RequestEvent): SlackRequestPlace | undefined {
  if (r.source !== 'slack' || r.externalId === undefined) return undefined;
  const parts = r.externalId.split('/');
  if (parts.length !== 3) return undefined;
  const [conversation, ts] = parts as [string, string, string];
  const thread = r.threadKey?.startsWith(`${conversation}/`)
    ? r.threadKey.slice(conversation.length + 1)
    : ts;
  return { conversation, ts, ...(thread !== ts ? { thread } : {}) };
}

export function slackPlaceKeys(p: SlackRequestPlace): string[] {
  if (p.thread !== undefined) return [`thread:${p.thread}`];
  return p.conversation.startsWith('D') ? ['top'] : ['top', `thread:${p.ts}`];
}

const tsMs = (ts: string) => {
  const [s = '', frac = ''] = ts.split('.');
  return Number(s) * 1000 + Number(frac.padEnd(3, '0').slice(0, 3));
};

/** True when `answer` gives `request` its first response (the request is still open). */
export function answersRequest(request: RequestEvent, answer: RequestAnswer): boolean {
  if (request.firstResponseAt !== undefined || request.assistant !== answer.assistant) return false;
  const p = slackRequestPlace(request);
  if (!p || p.conversation !== answer.conversation) return false;
  if (Date.parse(answer.at) < tsMs(p.ts)) return false;
  const keys = slackPlaceKeys(p);
  return answer.thread !== undefined ? keys.includes(`thread:${answer.thread}`) : keys.includes('top');
}

/** True when the open request `open` means `candidate` is not a new request (same assistant, shared key). */
export function blocksNewRequest(open: RequestEvent, candidate: RequestEvent): boolean {
  if (open.firstResponseAt !== undefined || open.assistant !== candidate.assistant) return false;
  if (open.externalId === candidate.externalId) return false;
  const a = slackRequestPlace(open);
  const b = slackRequestPlace(candidate);
  if (!a || !b || a.conversation !== b.conversation) return false;
  const keys = new Set(slackPlaceKeys(a));
  return slackPlaceKeys(b).some((k) => keys.has(k));
}
