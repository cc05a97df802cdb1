import { describe, expect, it } from 'vitest';
import { everyBitFlip, everyTextBitFlip } from '../common/bit-flips.ts';
import { WEBHOOK_MAX_BODY_BYTES } from '../common/body-cap.ts';
import { togglSignature, verifyToggl } from './verify-toggl.ts';

// Toggl's published PING example, confirmed independently with:
//   printf '%s' '<body>' | openssl dgst -sha256 -hmac 'PGuRrhCFajIyEvFlreKL'
const SECRET = 'PGuRrhCFajIyEvFlreKL';
const BODY =
  '{"event_id":0,"created_at":"2022-06-25T03:58:10.207820267Z","creator_id":6,"metadata":{"request_type":"POST","event_user_id":6},"payload":"ping","subscription_id":6}';
const SIGNATURE = 'sha256=55343383e52a9cd2f56bd4e9fb5b6ce6982fb45955f26ea816cf7495d98c5fd2';

const enc = (s: string) => new TextEncoder().encode(s);
const verify = (sig: string | string[] | undefined, body: Uint8Array = enc(BODY), secret = SECRET) =>
  verifyToggl({ body, headers: sig === undefined ? {} : { 'X-Webhook-Signature-256': sig }, secret });

describe('verifyToggl', () => {
  it("accepts Toggl's published PING example", () => {
    expect(togglSignature(SECRET, enc(BODY))).toBe(SIGNATURE);
    expect(verify(SIGNATURE)).toEqual({ ok: true });
  });

  it('rejects every single-bit flip of the body', () => {
    let n = 0;
    for (const f of everyBitFlip(enc(BODY).slice(0, 40))) {
      const body = Uint8Array.from([...f.bytes, ...enc(BODY).slice(40)]);
      expect(verify(SIGNATURE, body).ok).toBe(false);
      n++;
    }
    expect(n).toBe(320);
  });

  it('rejects every single-bit flip of the signature', () => {
    for (const sig of everyTextBitFlip(SIGNATURE)) expect(verify(sig).ok).toBe(false);
  });

  it.each([
    ['missing', undefined, 'missing_signature'],
    ['empty', '', 'missing_signature'],
    ['short', SIGNATURE.slice(0, -1), 'malformed_signature'],
    ['long', `${SIGNATURE}a`, 'malformed_signature'],
    ['non-hex', `${SIGNATURE.slice(0, -1)}z`, 'malformed_signature'],
    ['missing its prefix', SIGNATURE.slice(7), 'malformed_signature'],
    ['prefixed sha1=', `sha1=${SIGNATURE.slice(7)}`, 'malformed_signature'],
    ['repeated', `${SIGNATURE}, ${SIGNATURE}`, 'malformed_signature'],
    ['repeated as two headers', [SIGNATURE, SIGNATURE], 'malformed_signature'],
    ['of the right shape but wrong', `sha256=${'f'.repeat(64)}`, 'bad_signature'],
  ])('rejects a %s signature without throwing', (_name, sig, reason) => {
    expect(verify(sig)).toEqual({ ok: false, reason });
  });

  it('rejects a body over the cap, and any delivery without a secret', () => {
    expect(verify(SIGNATURE, new Uint8Array(WEBHOOK_MAX_BODY_BYTES + 1))).toEqual({
      ok: false,
      reason: 'body_too_large',
    });
    expect(verify(SIGNATURE, enc(BODY), '')).toEqual({ ok: false, reason: 'no_secret' });
  });
});
