/**
 * Slack request signature (issue 9 §2; Slack's "Verifying requests from Slack"):
 * `X-Slack-Signature: v0=<hex HMAC-SHA256(signing secret, "v0:{timestamp}:{body}")>`, with
 * `X-Slack-Request-Timestamp` within five minutes of now either way, so a captured request cannot
 * be replayed later. Checked on the raw bytes before anything parses the body — the
 * `url_verification` challenge included, which is echoed only once this says ok.
 */
import { exceedsBodyCap } from '../common/body-cap.ts';
import { constantTimeEqual } from '../common/constant-time-equal.ts';
import { readHeader, type WebhookHeaders } from '../common/header-value.ts';
import { hmac } from '../common/hmac.ts';
import { HEX_SHA256 } from '../common/signature-formats.ts';
import { reject, VERIFIED, type Verification } from '../common/verification.ts';

export const SLACK_SIGNATURE_HEADER = 'X-Slack-Signature';
export const SLACK_TIMESTAMP_HEADER = 'X-Slack-Request-Timestamp';
/** Seconds a request may be old (or ahead of our clock): 300 passes, 301 fails. */
export const SLACK_MAX_SKEW_SECONDS = 300;

export interface SlackVerifyInput {
  body: Uint8Array;
  headers: WebhookHeaders;
  /** The app's Signing Secret (Basic Information → App Credentials). */
  secret: string;
  /** The current time in epoch milliseconds (the caller's clock; core stays clock-free). */
  now: number;
}

/** `v0=` and the hex HMAC Slack sends for `body` at `timestamp` (exported for tests and tooling). */
export function slackSignature(secret: string, timestamp: string, body: Uint8Array): string {
  return `v0=${hmac('sha256', secret, [`v0:${timestamp}:`, body]).toString('hex')}`;
}

const TIMESTAMP = /^[0-9]{1,12}$/;

/** Verifies a Slack request (Events API, slash command, interactivity) on its raw bytes. */
export function verifySlack(input: SlackVerifyInput): Verification {
  if (exceedsBodyCap(input.body.length)) return reject('body_too_large');
  if (input.secret.length === 0) return reject('no_secret');
  const sig = readHeader(input.headers, SLACK_SIGNATURE_HEADER);
  if (sig.kind === 'missing') return reject('missing_signature');
  if (sig.kind === 'repeated' || !sig.value.startsWith('v0=') || !HEX_SHA256.test(sig.value.slice(3)))
    return reject('malformed_signature');
  const ts = readHeader(input.headers, SLACK_TIMESTAMP_HEADER);
  if (ts.kind === 'missing') return reject('missing_timestamp');
  if (ts.kind === 'repeated' || !TIMESTAMP.test(ts.value)) return reject('malformed_timestamp');
  const skew = Math.floor(input.now / 1000) - Number(ts.value);
  if (!Number.isFinite(input.now) || Math.abs(skew) > SLACK_MAX_SKEW_SECONDS)
    return reject('stale_timestamp');
  const expected = slackSignature(input.secret, ts.value, input.body);
  return constantTimeEqual(sig.value, expected) ? VERIFIED : reject('bad_signature');
}
