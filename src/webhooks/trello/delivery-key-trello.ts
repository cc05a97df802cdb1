/** Trello's exactly-once key: the action's id (issue 9 §3), the same on Trello's retries. */
import type { DeliveryKeys } from '../common/delivery-keys.ts';
import { isObject, obj, str } from '../common/json-fields.ts';
import { parseWebhookJson } from '../common/parse-webhook-json.ts';

const ACTION_ID = /^[0-9a-f]{24}$/;

export function deliveryKeysTrello(body: Uint8Array): DeliveryKeys {
  const p = parseWebhookJson(body);
  if (!p.ok) return p;
  const action = isObject(p.value) ? obj(p.value, 'action') : undefined;
  const id = action ? str(action, 'id') : undefined;
  if (id === undefined || !ACTION_ID.test(id))
    return { ok: false, error: { code: 'invalid_payload', message: 'no action id', field: 'action.id' } };
  return { ok: true, keys: [`trello:action:${id}`] };
}
