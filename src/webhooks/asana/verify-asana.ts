/**
 * Asana webhook signature (issue 9 §2): `X-Hook-Signature` is the hex HMAC-SHA256 of the raw body,
 * keyed with the secret Asana sent in `X-Hook-Secret` during this connection's handshake (see
 * asana-handshake.ts for when that secret may be stored).
 */
import { exceedsBodyCap } from '../common/body-cap.ts';
import { constantTimeEqual } from '../common/constant-time-equal.ts';
import { readHeader, type WebhookHeaders } from '../common/header-value.ts';
import { hmac } from '../common/hmac.ts';
import { HEX_SHA256 } from '../common/signature-formats.ts';
import { reject, VERIFIED, type Verification } from '../common/verification.ts';

export const ASANA_SIGNATURE_HEADER = 'X-Hook-Signature';

export interface AsanaVerifyInput {
  body: Uint8Array;
  headers: WebhookHeaders;
  /** The secret stored at this connection's handshake; empty when none is established yet. */
  secret: string;
}

/** The hex signature Asana sends for `body` (exported for tests and tooling). */
export function asanaSignature(secret: string, body: Uint8Array): string {
  return hmac('sha256', secret, [body]).toString('hex');
}

/** Verifies an Asana event delivery on its raw bytes. */
export function verifyAsana(input: AsanaVerifyInput): Verification {
  if (exceedsBodyCap(input.body.length)) return reject('body_too_large');
  if (input.secret.length === 0) return reject('no_secret');
  const h = readHeader(input.headers, ASANA_SIGNATURE_HEADER);
  if (h.kind === 'missing') return reject('missing_signature');
  if (h.kind === 'repeated' || !HEX_SHA256.test(h.value)) return reject('malformed_signature');
  return constantTimeEqual(h.value, asanaSignature(input.secret, input.body))
    ? VERIFIED
    : reject('bad_signature');
}
