/**
 * Toggl Track webhook signature (issue 9 §2; Toggl's "Validating received events"):
 * `X-Webhook-Signature-256: sha256=<hex HMAC-SHA256(subscription secret, body)>`. The PING that
 * carries a `validation_code` is signed too, and is answered only after this says ok.
 */
import { exceedsBodyCap } from '../common/body-cap.ts';
import { constantTimeEqual } from '../common/constant-time-equal.ts';
import { readHeader, type WebhookHeaders } from '../common/header-value.ts';
import { hmac } from '../common/hmac.ts';
import { HEX_SHA256 } from '../common/signature-formats.ts';
import { reject, VERIFIED, type Verification } from '../common/verification.ts';

export const TOGGL_SIGNATURE_HEADER = 'X-Webhook-Signature-256';

export interface TogglVerifyInput {
  body: Uint8Array;
  headers: WebhookHeaders;
  /** The subscription's secret (set when creating it, or shown under Integrations → Webhooks). */
  secret: string;
}

/** `sha256=` and the hex HMAC Toggl sends for `body` (exported for tests and tooling). */
export function togglSignature(secret: string, body: Uint8Array): string {
  return `sha256=${hmac('sha256', secret, [body]).toString('hex')}`;
}

/** Verifies a Toggl Track delivery on its raw bytes. */
export function verifyToggl(input: TogglVerifyInput): Verification {
  if (exceedsBodyCap(input.body.length)) return reject('body_too_large');
  if (input.secret.length === 0) return reject('no_secret');
  const h = readHeader(input.headers, TOGGL_SIGNATURE_HEADER);
  if (h.kind === 'missing') return reject('missing_signature');
  if (h.kind === 'repeated' || !h.value.startsWith('sha256=') || !HEX_SHA256.test(h.value.slice(7)))
    return reject('malformed_signature');
  return constantTimeEqual(h.value, togglSignature(input.secret, input.body))
    ? VERIFIED
    : reject('bad_signature');
}
