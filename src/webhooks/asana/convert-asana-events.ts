/**
 * An Asana webhook delivery (`{"events":[…]}`) → §3 items (SPEC §10). Asana's events are compact:
 * they name the resource, the action, the time, the user and the changed field, but carry no
 * values (`new_value` only for fields whose value is another resource, such as the assignee). So a
 * task event becomes `refreshTask`: the service fetches the task from Asana's API
 * (`GET /tasks/{gid}`) and converts it with `convertAsanaTask`. A deleted task is removed. Events
 * on stories, projects, sections and other resources are skipped.
 */
import { parseInstant } from '#core/time/instant';
import { arr, isObject, obj, str } from '../common/json-fields.ts';
import { parseWebhookJson } from '../common/parse-webhook-json.ts';
import { invalidPayload, WebhookContext, type WebhookConvertInit } from '../common/webhook-context.ts';
import type { ConvertOutcome } from '../common/webhook-items.ts';
import { asanaEventKey } from './delivery-key-asana.ts';

const GID = /^[0-9]{1,32}$/;

export function convertAsanaEvents(body: Uint8Array, init: WebhookConvertInit): ConvertOutcome {
  const parsed = parseWebhookJson(body);
  if (!parsed.ok) return parsed;
  if (!isObject(parsed.value) || !Array.isArray(parsed.value.events))
    return invalidPayload('expected {"events": [...]}', 'events');
  const ctx = new WebhookContext('asana', init);
  // Several events of one task in a batch need one fetch: keep the first item per task, merge fields.
  const refreshes = new Map<string, { fields: Set<string>; index: number }>();
  arr(parsed.value, 'events').forEach((e, i) => {
    if (!isObject(e)) {
      ctx.skip({ reason: `events[${i}] is not an object` });
      return;
    }
    const resource = obj(e, 'resource');
    const gid = resource ? str(resource, 'gid') : undefined;
    const type = resource ? str(resource, 'resource_type') : undefined;
    const action = str(e, 'action');
    const at = ctx.instant(str(e, 'created_at'));
    if (gid === undefined || !GID.test(gid) || !at) {
      ctx.skip({ reason: `events[${i}] has no readable resource gid or created_at` });
      return;
    }
    if (type !== 'task') {
      ctx.skip({ externalId: gid, reason: `Asana ${type ?? 'unknown'} events carry no §3 data` });
      return;
    }
    const deliveryKey = asanaEventKey(e);
    if (action === 'deleted') {
      ctx.push({
        deliveryKey,
        kind: 'remove',
        type: 'task',
        id: ctx.idOf(gid),
        source: 'asana',
        externalId: gid,
        at,
      });
      return;
    }
    const change = obj(e, 'change');
    const field = change ? str(change, 'field') : undefined;
    const known = refreshes.get(gid);
    if (known) {
      if (field) known.fields.add(field);
      const item = ctx.items[known.index];
      if (item?.kind === 'refreshTask') {
        item.fields = [...known.fields];
        if (parseInstant(at) > parseInstant(item.at)) item.at = at;
      }
      return;
    }
    refreshes.set(gid, { fields: new Set(field ? [field] : []), index: ctx.items.length });
    ctx.push({
      deliveryKey,
      kind: 'refreshTask',
      source: 'asana',
      externalId: gid,
      at,
      fields: field ? [field] : [],
    });
  });
  return ctx.finish();
}
