/** Toggl's exactly-once key: the event's `event_id` (issue 9 §3), the same on every retry. */
import { type DeliveryKeys, hashKey } from '../common/delivery-keys.ts';
import { isObject, str } from '../common/json-fields.ts';
import { parseWebhookJson } from '../common/parse-webhook-json.ts';

export function deliveryKeysToggl(body: Uint8Array): DeliveryKeys {
  const p = parseWebhookJson(body);
  if (!p.ok) return p;
  const id = isObject(p.value) ? str(p.value, 'event_id') : undefined;
  // A PING has event_id 0 for every subscription: key it by its body so each one is answered.
  if (id === undefined || id === '0')
    return id === '0'
      ? { ok: true, keys: [`toggl:ping:${hashKey([body])}`] }
      : { ok: false, error: { code: 'invalid_payload', message: 'no event_id', field: 'event_id' } };
  return { ok: true, keys: [`toggl:event:${id}`] };
}
