/**
 * Exactly-once keys (issue 9 §3). Each provider names its events: Slack `event_id`, Trello
 * `action.id`, Toggl `event_id`; Asana has no id, so an event's key hashes what identifies it
 * (resource, action, created_at, user, changed field); Clockify sends no id either, so its key
 * hashes the event type and the body. Keys are prefixed with the provider so they can share one
 * unique index per workspace. A delivery usually has one key; an Asana delivery has one per event.
 */
import { createHash } from 'node:crypto';
import type { ConvertError } from './webhook-items.ts';

export type DeliveryKeys = { ok: true; keys: string[] } | { ok: false; error: ConvertError };

/** A short, fixed-length key for parts that have no id of their own. */
export function hashKey(parts: readonly (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    // Length-prefix every part so ("ab","c") and ("a","bc") hash differently.
    const bytes = typeof p === 'string' ? new TextEncoder().encode(p) : p;
    h.update(`${bytes.length}:`);
    h.update(bytes);
  }
  return h.digest('hex').slice(0, 40);
}
