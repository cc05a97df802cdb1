/** Slack's exactly-once key: the envelope's `event_id` (issue 9 §3), the same on Slack's retries. */
import type { DeliveryKeys } from '../common/delivery-keys.ts';
import { isObject, str } from '../common/json-fields.ts';
import { parseWebhookJson } from '../common/parse-webhook-json.ts';

const EVENT_ID = /^[A-Za-z0-9]{1,64}$/;

export function deliveryKeysSlack(body: Uint8Array): DeliveryKeys {
  const p = parseWebhookJson(body);
  if (!p.ok) return p;
  const id = isObject(p.value) ? str(p.value, 'event_id') : undefined;
  if (id === undefined || !EVENT_ID.test(id))
    return { ok: false, error: { code: 'invalid_payload', message: 'no event_id', field: 'event_id' } };
  return { ok: true, keys: [`slack:event:${id}`] };
}
