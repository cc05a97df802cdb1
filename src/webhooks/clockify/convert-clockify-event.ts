/**
 * A Clockify webhook → §3 items (SPEC §10). The body is the time entry itself (`id`, `userId`,
 * `timeInterval.start/end`, `projectId`, `project.name`, `tags[].name`, `user`), the event type comes
 * in the `Clockify-Webhook-Event-Type` header. Created, updated, stopped and restored entries become
 * full `timeEntry` upserts keyed by the Clockify entry id; a deleted one is removed; a timer just
 * started is skipped until it stops.
 */
import { arr, isObject, obj, str } from '../common/json-fields.ts';
import { parseWebhookJson } from '../common/parse-webhook-json.ts';
import { isPriorityEntry, type TimeEntryRules } from '../common/time-entry-rules.ts';
import { invalidPayload, WebhookContext, type WebhookConvertInit } from '../common/webhook-context.ts';
import type { ConvertOutcome } from '../common/webhook-items.ts';
import { deliveryKeysClockify } from './delivery-key-clockify.ts';

const UPSERT_TYPES = new Set([
  'NEW_TIME_ENTRY',
  'TIME_ENTRY_UPDATED',
  'TIMER_STOPPED',
  'TIME_ENTRY_RESTORED',
]);
const DELETE_TYPES = new Set(['TIME_ENTRY_DELETED']);

export function convertClockifyEvent(
  body: Uint8Array,
  eventType: string,
  init: WebhookConvertInit,
  rules: TimeEntryRules = {},
  /** When the delivery arrived (epoch ms): a removal needs a time and Clockify's body has none. */
  receivedAt?: number,
): ConvertOutcome {
  const parsed = parseWebhookJson(body);
  if (!parsed.ok) return parsed;
  const e = parsed.value;
  if (!isObject(e)) return invalidPayload('expected a JSON object');
  const deliveryKey = (deliveryKeysClockify(body, eventType) as { keys: string[] }).keys[0] as string;
  const ctx = new WebhookContext('clockify', init);
  const id = str(e, 'id');
  if (id === undefined) return invalidPayload('no time entry id', 'id');

  if (DELETE_TYPES.has(eventType)) {
    if (receivedAt === undefined || !Number.isFinite(receivedAt))
      return invalidPayload('a removal needs the time the delivery arrived');
    ctx.push({
      deliveryKey,
      kind: 'remove',
      type: 'timeEntry',
      id: ctx.idOf(id),
      source: 'clockify',
      externalId: id,
      at: ctx.at(receivedAt),
    });
    return ctx.finish();
  }
  if (eventType === 'NEW_TIMER_STARTED') {
    ctx.skip({ externalId: id, reason: 'timer started: recorded when it stops' });
    return ctx.finish();
  }
  if (!UPSERT_TYPES.has(eventType)) {
    ctx.skip({ externalId: id, reason: `Clockify ${JSON.stringify(eventType)} events carry no §3 data` });
    return ctx.finish();
  }
  const interval = obj(e, 'timeInterval');
  if (!interval) return invalidPayload('no timeInterval', 'timeInterval');
  const start = ctx.instant(str(interval, 'start'));
  if (!start) return invalidPayload('time entry without a readable start', 'timeInterval.start');
  const endText = str(interval, 'end');
  if (endText === undefined) {
    ctx.skip({ externalId: id, reason: 'running time entry: recorded when it stops' });
    return ctx.finish();
  }
  const end = ctx.instant(endText);
  if (!end) return invalidPayload('time entry with an unreadable end', 'timeInterval.end');

  const user = obj(e, 'user');
  const userId = str(e, 'userId') ?? (user ? str(user, 'id') : undefined);
  if (userId === undefined) return invalidPayload('time entry without userId', 'userId');
  const email = user ? str(user, 'email') : undefined;
  const name = user ? str(user, 'name') : undefined;
  const assistant =
    (email ? ctx.mapped('email', email) : undefined) ?? ctx.identity('clockify', userId, name);
  if (assistant === undefined) {
    ctx.skip({ externalId: id, reason: `clockify:${userId} maps to no assistant` });
    return ctx.finish();
  }
  const tags: string[] = [];
  for (const t of arr(e, 'tags')) {
    const n = isObject(t) ? str(t, 'name') : undefined;
    if (n && !tags.includes(n)) tags.push(n);
  }
  const project = obj(e, 'project');
  const projectName = project ? str(project, 'name') : undefined;
  const clientName = project ? str(project, 'clientName') : undefined;
  const event = ctx.event({
    type: 'timeEntry',
    externalId: id,
    assistant,
    start,
    end,
    ...(projectName ? { project: projectName } : {}),
    ...(clientName ? { client: clientName } : {}),
    tags,
    priority: isPriorityEntry(rules, { id: str(e, 'projectId'), name: projectName }, tags),
  });
  if (event) ctx.push({ deliveryKey, kind: 'upsert', event });
  return ctx.finish();
}
