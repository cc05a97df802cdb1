/**
 * Standard Webhooks signing secrets: `whsec_` followed by the base64 of the key bytes. The spec asks
 * for 24 to 64 random bytes; a secret outside that range, or not strict base64, is refused rather
 * than used, so a truncated paste cannot quietly weaken every signature.
 */
import { Buffer } from 'node:buffer';

export const STANDARD_WEBHOOK_SECRET_PREFIX = 'whsec_';
const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The key bytes of a `whsec_…` secret, or undefined when it is not a valid secret. */
export function standardWebhookKey(secret: string): Uint8Array | undefined {
  if (!secret.startsWith(STANDARD_WEBHOOK_SECRET_PREFIX)) return undefined;
  const b64 = secret.slice(STANDARD_WEBHOOK_SECRET_PREFIX.length);
  if (!BASE64.test(b64)) return undefined;
  const key = Buffer.from(b64, 'base64');
  if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) return undefined;
  return new Uint8Array(key);
}

/** A `whsec_…` secret for the given random bytes (the caller draws them: no I/O here). */
export function formatStandardWebhookSecret(randomBytes: Uint8Array): string | undefined {
  if (randomBytes.length < MIN_KEY_BYTES || randomBytes.length > MAX_KEY_BYTES) return undefined;
  return `${STANDARD_WEBHOOK_SECRET_PREFIX}${Buffer.from(randomBytes).toString('base64')}`;
}
