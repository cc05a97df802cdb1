/**
 * Outbound webhooks from Tandem (issue 9 §5: KPI status changed, agreement requested, review
 * signed) signed the Standard Webhooks way: `webhook-id`, `webhook-timestamp` (Unix seconds) and
 * `webhook-signature: v1,<base64 HMAC-SHA256(key, "{id}.{timestamp}.{body}")>`, where the key is
 * the base64 after `whsec_`. With several secrets (during a rotation) each signs, space-separated,
 * and a receiver accepts any one. The same id is sent on every retry of one message, so receivers
 * can deduplicate on it.
 */
import { hmac } from '../common/hmac.ts';
import { standardWebhookKey } from './standard-webhook-secret.ts';

export interface StandardWebhookMessage {
  /** The message id, the same on every retry (e.g. `msg_…`). */
  id: string;
  /** When this attempt is sent, in Unix seconds (the caller's clock). */
  timestamp: number;
  /** The exact bytes sent as the body. */
  body: Uint8Array | string;
}

// A type alias, not an interface, so it is also a plain header record (`WebhookHeaders`).
export type StandardWebhookHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

export type SignResult =
  | { ok: true; headers: StandardWebhookHeaders }
  | { ok: false; error: 'invalid_secret' | 'invalid_id' | 'invalid_timestamp' };

/** Message ids: what the spec's examples use, and nothing that could break the `.`-joined input. */
export const STANDARD_WEBHOOK_ID = /^[A-Za-z0-9_-]{1,255}$/;

/** `v1,` and the base64 signature of one message under one key. */
export function standardWebhookSignature(
  key: Uint8Array,
  id: string,
  timestamp: string,
  body: Uint8Array | string,
) {
  return `v1,${hmac('sha256', key, [`${id}.${timestamp}.`, body]).toString('base64')}`;
}

/** The three headers of a signed message; `secrets` are `whsec_…` values, the first is current. */
export function signStandardWebhook(message: StandardWebhookMessage, secrets: readonly string[]): SignResult {
  if (!STANDARD_WEBHOOK_ID.test(message.id)) return { ok: false, error: 'invalid_id' };
  if (!Number.isSafeInteger(message.timestamp) || message.timestamp < 0)
    return { ok: false, error: 'invalid_timestamp' };
  const keys = secrets.map(standardWebhookKey);
  if (keys.length === 0 || keys.some((k) => k === undefined)) return { ok: false, error: 'invalid_secret' };
  const ts = String(message.timestamp);
  return {
    ok: true,
    headers: {
      'webhook-id': message.id,
      'webhook-timestamp': ts,
      'webhook-signature': keys
        .map((k) => standardWebhookSignature(k as Uint8Array, message.id, ts, message.body))
        .join(' '),
    },
  };
}
