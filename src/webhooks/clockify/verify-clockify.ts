/**
 * Clockify webhook authentication (issue 9 §2): every delivery carries the webhook's own token in
 * the `Clockify-Signature` header (shown on the webhook's page in Clockify). It is a shared token,
 * not a signature of the body, so it proves the sender knows the token but not that the body is
 * intact; TLS carries that. Compared in constant time like a signature.
 */
import { exceedsBodyCap } from '../common/body-cap.ts';
import { constantTimeEqual } from '../common/constant-time-equal.ts';
import { readHeader, type WebhookHeaders } from '../common/header-value.ts';
import { TOKEN } from '../common/signature-formats.ts';
import { reject, VERIFIED, type Verification } from '../common/verification.ts';

export const CLOCKIFY_SIGNATURE_HEADER = 'Clockify-Signature';
/** Sent beside the token; the converter takes its value (`NEW_TIME_ENTRY`, …). */
export const CLOCKIFY_EVENT_TYPE_HEADER = 'Clockify-Webhook-Event-Type';

export interface ClockifyVerifyInput {
  body: Uint8Array;
  headers: WebhookHeaders;
  /** The token Clockify shows for this webhook. */
  secret: string;
}

/** Verifies a Clockify delivery: the token header equals the connection's token. */
export function verifyClockify(input: ClockifyVerifyInput): Verification {
  if (exceedsBodyCap(input.body.length)) return reject('body_too_large');
  if (input.secret.length === 0) return reject('no_secret');
  const h = readHeader(input.headers, CLOCKIFY_SIGNATURE_HEADER);
  if (h.kind === 'missing') return reject('missing_signature');
  if (h.kind === 'repeated' || !TOKEN.test(h.value)) return reject('malformed_signature');
  return constantTimeEqual(h.value, input.secret) ? VERIFIED : reject('bad_signature');
}
