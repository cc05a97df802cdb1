/**
 * Clockify's exactly-once key (issue 9 §3). Clockify sends no event or delivery id, so the key
 * hashes the event type (the `Clockify-Webhook-Event-Type` header) and the body: a retry sends the
 * same bytes and is a duplicate; a later change to the same entry differs in its body and is not.
 */
import { type DeliveryKeys, hashKey } from '../common/delivery-keys.ts';

export function deliveryKeysClockify(body: Uint8Array, eventType: string): DeliveryKeys {
  return { ok: true, keys: [`clockify:${hashKey([eventType, body])}`] };
}
