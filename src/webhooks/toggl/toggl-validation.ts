/**
 * Toggl's endpoint validation (issue 9 §2; Toggl Webhooks API "Validating a URL endpoint"): a
 * subscription receives events only once validated. Its PING carries `validation_code`, and the
 * synchronous way to validate is to answer that PING with `{"validation_code": "<code>"}`. Call
 * this only after `verifyToggl` said ok, so an unsigned request can never validate a subscription.
 * (The asynchronous alternative, a GET of `validation_code_url`, is left to the user.)
 */
import { isObject, str } from '../common/json-fields.ts';
import { parseWebhookJson } from '../common/parse-webhook-json.ts';

const CODE = /^[A-Za-z0-9_-]{1,128}$/;

/** The JSON body answering a signed PING, or undefined when the body is not a PING with a code. */
export function togglValidationResponse(body: Uint8Array): { validation_code: string } | undefined {
  const p = parseWebhookJson(body);
  if (!p.ok || !isObject(p.value)) return undefined;
  const code = str(p.value, 'validation_code');
  if (code === undefined || !CODE.test(code)) return undefined;
  return { validation_code: code };
}
