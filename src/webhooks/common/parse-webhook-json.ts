/**
 * Parses a verified webhook body. Strict UTF-8 (an invalid byte is an error, never U+FFFD), nesting
 * checked by a scan before `JSON.parse` so a 100,000-deep body is a clean error rather than a stack
 * overflow, and a typed result instead of an exception. Real payloads nest under 10 levels.
 */
import { WEBHOOK_MAX_BODY_BYTES } from './body-cap.ts';
import type { ConvertError } from './webhook-items.ts';

export const WEBHOOK_MAX_JSON_DEPTH = 32;

export type Parsed = { ok: true; value: unknown } | { ok: false; error: ConvertError };

function tooDeep(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

export function parseWebhookJson(body: Uint8Array): Parsed {
  if (body.length > WEBHOOK_MAX_BODY_BYTES)
    return { ok: false, error: { code: 'too_large', message: 'the body is over the webhook size cap' } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body);
  } catch {
    return { ok: false, error: { code: 'invalid_encoding', message: 'the body is not valid UTF-8' } };
  }
  if (tooDeep(text, WEBHOOK_MAX_JSON_DEPTH))
    return {
      ok: false,
      error: { code: 'too_deep', message: `the body nests deeper than ${WEBHOOK_MAX_JSON_DEPTH} levels` },
    };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, error: { code: 'invalid_json', message: 'the body is not valid JSON' } };
  }
}
