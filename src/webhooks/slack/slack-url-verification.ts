/**
 * Slack's `url_verification` handshake (Events API): Slack posts `{"type":"url_verification",
 * "challenge":"…"}` when the Request URL is saved and expects the challenge back. Slack signs this
 * request like any other, so the route calls this only after `verifySlack` said ok (issue 9 §2):
 * an unsigned request never gets an echo, which would otherwise let anyone point Slack-like
 * traffic at any connection.
 */
import { isObject, str } from '../common/json-fields.ts';
import { parseWebhookJson } from '../common/parse-webhook-json.ts';

const CHALLENGE = /^[A-Za-z0-9_-]{1,256}$/;

/** `{ challenge }` to answer (as `text/plain` or JSON), or undefined for any other body. */
export function slackUrlVerification(body: Uint8Array): { challenge: string } | undefined {
  const p = parseWebhookJson(body);
  if (!p.ok || !isObject(p.value) || str(p.value, 'type') !== 'url_verification') return undefined;
  const challenge = str(p.value, 'challenge');
  return challenge !== undefined && CHALLENGE.test(challenge) ? { challenge } : undefined;
}
