import { describe, expect, it } from 'vitest';
import { everyBitFlip, everyTextBitFlip } from '../common/bit-flips.ts';
import { WEBHOOK_MAX_BODY_BYTES } from '../common/body-cap.ts';
import { asanaSignature, verifyAsana } from './verify-asana.ts';

// Our own vector (Asana's heartbeat body), computed with OpenSSL rather than with this code:
//   printf '%s' '{"events":[]}' | openssl dgst -sha256 -hmac 'asana-hook-secret-0d2b7c'
//   → 599161210574a21cd099c9cc0338292107c30bfc928639a2bbc52ba1108e94d6
const SECRET = 'asana-hook-secret-0d2b7c';
const BODY = '{"events":[]}';
const SIGNATURE = '599161210574a21cd099c9cc0338292107c30bfc928639a2bbc52ba1108e94d6';

const enc = (s: string) => new TextEncoder().encode(s);
const verify = (sig: string | string[] | undefined, body: Uint8Array = enc(BODY), secret = SECRET) =>
  verifyAsana({ body, headers: sig === undefined ? {} : { 'X-Hook-Signature': sig }, secret });

describe('verifyAsana', () => {
  it('accepts the OpenSSL vector', () => {
    expect(asanaSignature(SECRET, enc(BODY))).toBe(SIGNATURE);
    expect(verify(SIGNATURE)).toEqual({ ok: true });
  });

  it('rejects every single-bit flip of the body', () => {
    for (const f of everyBitFlip(enc(BODY))) expect(verify(SIGNATURE, f.bytes).ok).toBe(false);
  });

  it('rejects every single-bit flip of the signature', () => {
    for (const sig of everyTextBitFlip(SIGNATURE)) expect(verify(sig).ok).toBe(false);
  });

  it.each([
    ['missing', undefined, 'missing_signature'],
    ['empty', '', 'missing_signature'],
    ['short', SIGNATURE.slice(1), 'malformed_signature'],
    ['long', `${SIGNATURE}0`, 'malformed_signature'],
    ['non-hex', `${SIGNATURE.slice(1)}x`, 'malformed_signature'],
    ['prefixed', `sha256=${SIGNATURE}`, 'malformed_signature'],
    ['repeated', `${SIGNATURE},${SIGNATURE}`, 'malformed_signature'],
    ['repeated as two headers', [SIGNATURE, SIGNATURE], 'malformed_signature'],
    ['of the right shape but wrong', '0'.repeat(64), 'bad_signature'],
  ])('rejects a %s signature without throwing', (_name, sig, reason) => {
    expect(verify(sig)).toEqual({ ok: false, reason });
  });

  it('rejects a body over the cap, and any delivery before a secret is established', () => {
    expect(verify(SIGNATURE, new Uint8Array(WEBHOOK_MAX_BODY_BYTES + 1))).toEqual({
      ok: false,
      reason: 'body_too_large',
    });
    expect(verify(SIGNATURE, enc(BODY), '')).toEqual({ ok: false, reason: 'no_secret' });
  });
});
