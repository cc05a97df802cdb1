/**
 * A Toggl Track webhook event → §3 items (SPEC §10). Time entries arrive whole on every change
 * (`metadata.model` `time_entry`, `metadata.action` `created` / `updated` / `deleted`; `payload`
 * the entry with `start`, `stop`, `duration`, `tags`, `project_id`, `user_id`), so each becomes a
 * full `timeEntry` upsert keyed by the Toggl entry id, or a removal. A running entry (no `stop`,
 * negative duration) is skipped until the update that stops it. Other models and PINGs are skipped.
 */
import { parseInstant } from '#core/time/instant';
import { isObject, type JsonObject, num, obj, str } from '../common/json-fields.ts';
import { parseWebhookJson } from '../common/parse-webhook-json.ts';
import { isPriorityEntry, type TimeEntryRules } from '../common/time-entry-rules.ts';
import { invalidPayload, WebhookContext, type WebhookConvertInit } from '../common/webhook-context.ts';
import type { ConvertOutcome } from '../common/webhook-items.ts';
import { deliveryKeysToggl } from './delivery-key-toggl.ts';

function tagsOf(entry: JsonObject): string[] {
  const raw = Object.hasOwn(entry, 'tags') && Array.isArray(entry.tags) ? entry.tags : [];
  return raw.filter((t): t is string => typeof t === 'string' && t.length > 0);
}

export function convertTogglEvent(
  body: Uint8Array,
  init: WebhookConvertInit,
  rules: TimeEntryRules = {},
): ConvertOutcome {
  const parsed = parseWebhookJson(body);
  if (!parsed.ok) return parsed;
  const e = parsed.value;
  if (!isObject(e)) return invalidPayload('expected a JSON object');
  const keys = deliveryKeysToggl(body);
  if (!keys.ok) return keys;
  const deliveryKey = keys.keys[0] as string;
  const ctx = new WebhookContext('toggl', init);
  const meta = obj(e, 'metadata');
  if (Object.hasOwn(e, 'payload') && e.payload === 'ping') {
    ctx.skip({ reason: 'PING (answered by the route, no data)' });
    return ctx.finish();
  }
  if (!meta) return invalidPayload('no metadata object', 'metadata');
  const model = str(meta, 'model');
  const action = str(meta, 'action');
  if (model !== 'time_entry') {
    ctx.skip({ reason: `Toggl ${model ?? 'unknown'} events carry no §3 data` });
    return ctx.finish();
  }
  const entry = obj(e, 'payload');
  const entryId = (entry && str(entry, 'id')) ?? str(meta, 'time_entry_id');
  if (entryId === undefined) return invalidPayload('no time entry id', 'payload.id');
  const at = ctx.instant(str(e, 'created_at')) ?? ctx.instant(entry ? str(entry, 'at') : undefined);

  if (action === 'deleted' || (entry && str(entry, 'server_deleted_at') !== undefined)) {
    if (!at) return invalidPayload('no created_at', 'created_at');
    ctx.push({
      deliveryKey,
      kind: 'remove',
      type: 'timeEntry',
      id: ctx.idOf(entryId),
      source: 'toggl',
      externalId: entryId,
      at,
    });
    return ctx.finish();
  }
  if (action !== 'created' && action !== 'updated') {
    ctx.skip({ externalId: entryId, reason: `unknown action ${JSON.stringify(action ?? null)}` });
    return ctx.finish();
  }
  if (!entry) return invalidPayload('no time entry in payload', 'payload');
  const start = ctx.instant(str(entry, 'start'));
  const stopText = str(entry, 'stop');
  const duration = num(entry, 'duration');
  if (!start) return invalidPayload('time entry without a readable start', 'payload.start');
  if (stopText === undefined && (duration === undefined || duration < 0)) {
    ctx.skip({ externalId: entryId, reason: 'running time entry: recorded when it stops' });
    return ctx.finish();
  }
  const end =
    stopText !== undefined
      ? ctx.instant(stopText)
      : ctx.at(parseInstant(str(entry, 'start') as string) + (duration as number) * 1000);
  if (!end) return invalidPayload('time entry with an unreadable stop', 'payload.stop');

  const user = str(entry, 'user_id') ?? str(meta, 'event_user_id');
  if (user === undefined) return invalidPayload('time entry without user_id', 'payload.user_id');
  const email = str(entry, 'user_email');
  const assistant = (email ? ctx.mapped('email', email) : undefined) ?? ctx.identity('toggl', user);
  if (assistant === undefined) {
    ctx.skip({ externalId: entryId, reason: `toggl:${user} maps to no assistant` });
    return ctx.finish();
  }
  const tags = tagsOf(entry);
  const projectName = str(entry, 'project_name');
  const projectId = str(entry, 'project_id');
  const clientName = str(entry, 'client_name');
  const event = ctx.event({
    type: 'timeEntry',
    externalId: entryId,
    assistant,
    start,
    end,
    ...(projectName ? { project: projectName } : {}),
    ...(clientName ? { client: clientName } : {}),
    tags,
    priority: isPriorityEntry(rules, { id: projectId, name: projectName }, tags),
  });
  if (event) ctx.push({ deliveryKey, kind: 'upsert', event });
  return ctx.finish();
}
