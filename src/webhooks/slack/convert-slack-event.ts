/**
 * A Slack Events API delivery → §3 items (SPEC §10), by the importer's rule: a message that
 * mentions an assistant, or a DM to them, opens a request; their next message in that thread or
 * conversation answers it. Reads `event_callback` envelopes whose `event` is a `message` (channels,
 * groups, DMs, MPIMs) or an `app_mention`; both of one message give the same request id, so the
 * duplicate is harmless. The DM's other member is the user the events are delivered for
 * (`authorizations[0].user_id` of a user-token subscription), since a DM event does not list members.
 * Edits, deletions, joins and bot messages are skipped, as the importer skips them.
 */
import { arr, isObject, obj, str } from '../common/json-fields.ts';
import { parseWebhookJson } from '../common/parse-webhook-json.ts';
import { invalidPayload, WebhookContext, type WebhookConvertInit } from '../common/webhook-context.ts';
import type { ConvertOutcome, RequestEvent } from '../common/webhook-items.ts';
import { deliveryKeysSlack } from './delivery-key-slack.ts';

const PERSON_SUBTYPES = new Set(['thread_broadcast', 'file_share', 'me_message', 'file_comment']);
const TS = /^[0-9]{1,12}(\.[0-9]{1,9})?$/;
const CONVERSATION = /^[A-Z0-9]{1,64}$/;
const MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g;

function tsMs(ts: string): number {
  const [s = '', frac = ''] = ts.split('.');
  return Number(s) * 1000 + Number(frac.padEnd(3, '0').slice(0, 3));
}

export function convertSlackEvent(body: Uint8Array, init: WebhookConvertInit): ConvertOutcome {
  const parsed = parseWebhookJson(body);
  if (!parsed.ok) return parsed;
  const env = parsed.value;
  if (!isObject(env)) return invalidPayload('expected a JSON object');
  const ctx = new WebhookContext('slack', init);
  const type = str(env, 'type');
  if (type === 'url_verification') {
    ctx.skip({ reason: 'url_verification (answered by the route)' });
    return ctx.finish();
  }
  if (type !== 'event_callback')
    return invalidPayload(`unknown envelope type ${JSON.stringify(type ?? null)}`, 'type');
  const keys = deliveryKeysSlack(body);
  if (!keys.ok) return keys;
  const deliveryKey = keys.keys[0] as string;
  const ev = obj(env, 'event');
  if (!ev) return invalidPayload('no event object', 'event');
  const evType = str(ev, 'type');
  if (evType !== 'message' && evType !== 'app_mention') {
    ctx.skip({ reason: `Slack ${evType ?? 'unknown'} events carry no §3 data` });
    return ctx.finish();
  }
  const subtype = str(ev, 'subtype');
  if (subtype !== undefined && !PERSON_SUBTYPES.has(subtype)) {
    ctx.skip({ reason: `message subtype ${subtype} is not a person writing` });
    return ctx.finish();
  }
  const user = str(ev, 'user');
  const ts = str(ev, 'ts');
  const conversation = str(ev, 'channel');
  if (user === undefined || !/^[UW][A-Z0-9]{1,40}$/.test(user))
    return invalidPayload('no user', 'event.user');
  if (ts === undefined || !TS.test(ts)) return invalidPayload('no readable ts', 'event.ts');
  if (conversation === undefined || !CONVERSATION.test(conversation))
    return invalidPayload('no channel', 'event.channel');
  const threadTs = str(ev, 'thread_ts');
  if (threadTs !== undefined && !TS.test(threadTs))
    return invalidPayload('unreadable thread_ts', 'event.thread_ts');
  const thread = threadTs !== undefined && threadTs !== ts ? threadTs : undefined;
  const at = ctx.at(tsMs(ts));
  const isDm = str(ev, 'channel_type') === 'im' || conversation.startsWith('D');

  const author = ctx.identity('slack', user);
  if (author !== undefined)
    ctx.push({
      deliveryKey,
      kind: 'answerRequests',
      answer: {
        source: 'slack',
        assistant: author,
        conversation,
        ...(thread !== undefined ? { thread } : {}),
        directMessage: isDm,
        at,
      },
    });

  const targets = new Set<string>();
  const text = str(ev, 'text') ?? '';
  for (const m of text.matchAll(MENTION)) targets.add(m[1] as string);
  if (isDm) {
    const auth = arr(env, 'authorizations').find(isObject);
    const owner = auth && auth.is_bot !== true ? str(auth, 'user_id') : undefined;
    if (owner !== undefined) targets.add(owner);
  }
  targets.delete(user);
  for (const t of targets) {
    const a = ctx.identity('slack', t);
    if (a === undefined) {
      ctx.skip({
        externalId: `${conversation}/${ts}/${t}`,
        reason: `mentions slack:${t}, who maps to no assistant`,
      });
      continue;
    }
    if (a === author) continue;
    const event = ctx.event({
      type: 'request',
      externalId: `${conversation}/${ts}/${t}`,
      assistant: a,
      channel: 'slack',
      threadKey: `${conversation}/${thread ?? ts}`,
      from: `slack:${user}`,
      receivedAt: at,
    });
    if (event) ctx.push({ deliveryKey, kind: 'openRequest', event: event as RequestEvent });
  }
  return ctx.finish();
}
