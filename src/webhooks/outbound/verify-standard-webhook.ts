/**
 * The receiving side of Standard Webhooks, for Tandem's own tests and for anyone consuming
 * Tandem's outbound webhooks with this code: the id and timestamp headers must be well formed, the
 * timestamp within five minutes of now, and one `v1,` entry of `webhook-signature` must match.
 * Entries of other versions are skipped, as the spec asks; a malformed `v1,` entry is a rejection.
 */
import { exceedsBodyCap } from '../common/body-cap.ts';
import { constantTimeEqual } from '../common/constant-time-equal.ts';
import { readHeader, type WebhookHeaders } from '../common/header-value.ts';
import { BASE64_SHA256 } from '../common/signature-formats.ts';
import { reject, VERIFIED, type Verification } from '../common/verification.ts';
import { STANDARD_WEBHOOK_ID, standardWebhookSignature } from './sign-standard-webhook.ts';
import { standardWebhookKey } from './standard-webhook-secret.ts';

export const STANDARD_WEBHOOK_TOLERANCE_SECONDS = 300;
const TIMESTAMP = /^[0-9]{1,12}$/;
/** The spec allows several signatures; more than this is not a rotation but an attempt to guess. */
const MAX_ENTRIES = 8;

export interface StandardWebhookVerifyInput {
  body: Uint8Array;
  headers: WebhookHeaders;
  /** The endpoint's `whsec_…` secret. */
  secret: string;
  /** Epoch milliseconds (the caller's clock). */
  now: number;
}

export function verifyStandardWebhook(input: StandardWebhookVerifyInput): Verification {
  if (exceedsBodyCap(input.body.length)) return reject('body_too_large');
  const key = standardWebhookKey(input.secret);
  if (!key) return reject('no_secret');
  const id = readHeader(input.headers, 'webhook-id');
  if (id.kind !== 'value' || !STANDARD_WEBHOOK_ID.test(id.value)) return reject('malformed_id');
  const ts = readHeader(input.headers, 'webhook-timestamp');
  if (ts.kind === 'missing') return reject('missing_timestamp');
  if (ts.kind === 'repeated' || !TIMESTAMP.test(ts.value)) return reject('malformed_timestamp');
  const skew = Math.floor(input.now / 1000) - Number(ts.value);
  if (!Number.isFinite(input.now) || Math.abs(skew) > STANDARD_WEBHOOK_TOLERANCE_SECONDS)
    return reject('stale_timestamp');
  const sig = readHeader(input.headers, 'webhook-signature', { commaIsData: true });
  if (sig.kind === 'missing') return reject('missing_signature');
  if (sig.kind === 'repeated') return reject('malformed_signature');
  const entries = sig.value.split(' ');
  if (entries.length > MAX_ENTRIES) return reject('malformed_signature');
  const v1 = entries.filter((e) => e.startsWith('v1,'));
  if (v1.length === 0 || v1.some((e) => !BASE64_SHA256.test(e.slice(3))))
    return reject('malformed_signature');
  const expected = standardWebhookSignature(key, id.value, ts.value, input.body);
  // Compare with every entry (no early exit), so timing does not tell which one matched.
  let match = false;
  for (const e of v1) match = constantTimeEqual(e, expected) || match;
  return match ? VERIFIED : reject('bad_signature');
}
