/**
 * Asana's exactly-once keys (issue 9 §3). Asana events have no id; the same event may come again
 * in a later batch, so each event is keyed by a hash of what identifies it: resource gid, action,
 * created_at, user gid and changed field (and the parent, which tells "added to project A" from
 * "added to project B" in one instant).
 */
import { type DeliveryKeys, hashKey } from '../common/delivery-keys.ts';
import { arr, isObject, type JsonObject, obj, str } from '../common/json-fields.ts';
import { parseWebhookJson } from '../common/parse-webhook-json.ts';

export function asanaEventKey(e: JsonObject): string {
  const gid = (o: JsonObject | undefined) => (o ? (str(o, 'gid') ?? '') : '');
  const change = obj(e, 'change');
  return `asana:${hashKey([
    gid(obj(e, 'resource')),
    str(e, 'action') ?? '',
    str(e, 'created_at') ?? '',
    gid(obj(e, 'user')),
    change ? (str(change, 'field') ?? '') : '',
    gid(obj(e, 'parent')),
  ])}`;
}

/** One key per event of the delivery; an empty batch (Asana's heartbeat) has none. */
export function deliveryKeysAsana(body: Uint8Array): DeliveryKeys {
  const p = parseWebhookJson(body);
  if (!p.ok) return p;
  if (!isObject(p.value) || !Array.isArray(p.value.events))
    return { ok: false, error: { code: 'invalid_payload', message: 'no events array', field: 'events' } };
  return { ok: true, keys: arr(p.value, 'events').filter(isObject).map(asanaEventKey) };
}
