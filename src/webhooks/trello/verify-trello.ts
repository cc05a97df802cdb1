/**
 * Trello webhook signature (issue 9 §2): `X-Trello-Webhook` is the base64 HMAC-SHA1, keyed with
 * the Trello application's secret, of the raw body followed by the callback URL exactly as it was
 * registered with Trello (`TANDEM_PUBLIC_URL/hooks/trello/{connectionId}`, byte for byte: scheme,
 * host, port and path as registered, never rebuilt from the request, which a proxy may rewrite).
 */
import { exceedsBodyCap } from '../common/body-cap.ts';
import { constantTimeEqual } from '../common/constant-time-equal.ts';
import { readHeader, type WebhookHeaders } from '../common/header-value.ts';
import { hmac } from '../common/hmac.ts';
import { BASE64_SHA1 } from '../common/signature-formats.ts';
import { reject, VERIFIED, type Verification } from '../common/verification.ts';

export const TRELLO_SIGNATURE_HEADER = 'X-Trello-Webhook';

export interface TrelloVerifyInput {
  /** The raw request body, exactly as received. */
  body: Uint8Array;
  headers: WebhookHeaders;
  /** The Trello application secret (the "Secret" shown under the API key). */
  secret: string;
  /** The callback URL exactly as registered with Trello for this connection. */
  callbackUrl: string;
}

/** The signature Trello sends for `body` at `callbackUrl` (exported for tests and tooling). */
export function trelloSignature(secret: string, body: Uint8Array, callbackUrl: string): string {
  return hmac('sha1', secret, [body, callbackUrl]).toString('base64');
}

/** Verifies a Trello delivery on its raw bytes, before anything reads the body. */
export function verifyTrello(input: TrelloVerifyInput): Verification {
  if (exceedsBodyCap(input.body.length)) return reject('body_too_large');
  if (input.secret.length === 0 || input.callbackUrl.length === 0) return reject('no_secret');
  const h = readHeader(input.headers, TRELLO_SIGNATURE_HEADER);
  if (h.kind === 'missing') return reject('missing_signature');
  if (h.kind === 'repeated' || !BASE64_SHA1.test(h.value)) return reject('malformed_signature');
  const expected = trelloSignature(input.secret, input.body, input.callbackUrl);
  return constantTimeEqual(h.value, expected) ? VERIFIED : reject('bad_signature');
}
