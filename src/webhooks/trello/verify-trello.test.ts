import { describe, expect, it } from 'vitest';
import { everyBitFlip, everyTextBitFlip } from '../common/bit-flips.ts';
import { WEBHOOK_MAX_BODY_BYTES } from '../common/body-cap.ts';
import { trelloHeadStatus } from './trello-head-status.ts';
import { trelloSignature, verifyTrello } from './verify-trello.ts';

// Our own vector, computed with OpenSSL rather than with this code:
//   printf '%s%s' '{"action":{"id":"6650a1b2c3d4e5f601234567","type":"updateCard"}}' \
//     'https://tandem.example.com/hooks/trello/conn_01' \
//     | openssl dgst -sha1 -hmac 'trello-app-secret-5f1c' -binary | base64
//   → mWbeyUx4R19tViRMwdlc7mawDOA=
const SECRET = 'trello-app-secret-5f1c';
const BODY = '{"action":{"id":"6650a1b2c3d4e5f601234567","type":"updateCard"}}';
const CALLBACK = 'https://tandem.example.com/hooks/trello/conn_01';
const SIGNATURE = 'mWbeyUx4R19tViRMwdlc7mawDOA=';

const enc = (s: string) => new TextEncoder().encode(s);
const verify = (
  sig: string | string[] | undefined,
  over: { body?: Uint8Array; callbackUrl?: string; secret?: string } = {},
) =>
  verifyTrello({
    body: over.body ?? enc(BODY),
    headers: sig === undefined ? {} : { 'x-trello-webhook': sig },
    secret: over.secret ?? SECRET,
    callbackUrl: over.callbackUrl ?? CALLBACK,
  });

describe('verifyTrello', () => {
  it('accepts the OpenSSL vector', () => {
    expect(trelloSignature(SECRET, enc(BODY), CALLBACK)).toBe(SIGNATURE);
    expect(verify(SIGNATURE)).toEqual({ ok: true });
  });

  it('rejects the same delivery at another connection’s URL', () => {
    expect(verify(SIGNATURE, { callbackUrl: 'https://tandem.example.com/hooks/trello/conn_02' })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verify(SIGNATURE, { callbackUrl: `${CALLBACK}/` }).ok).toBe(false);
    expect(verify(SIGNATURE, { callbackUrl: CALLBACK.replace('https', 'http') }).ok).toBe(false);
  });

  it('rejects every single-bit flip of the body', () => {
    for (const f of everyBitFlip(enc(BODY))) expect(verify(SIGNATURE, { body: f.bytes }).ok).toBe(false);
  });

  it('rejects every single-bit flip of the signature, base64 padding bits included', () => {
    for (const sig of everyTextBitFlip(SIGNATURE)) expect(verify(sig).ok).toBe(false);
  });

  it.each([
    ['missing', undefined, 'missing_signature'],
    ['empty', '', 'missing_signature'],
    ['short', SIGNATURE.slice(0, -2), 'malformed_signature'],
    ['long', `A${SIGNATURE}`, 'malformed_signature'],
    ['unpadded', SIGNATURE.slice(0, -1), 'malformed_signature'],
    ['base64url', SIGNATURE.replace('x', '-'), 'malformed_signature'],
    ['hex', 'a'.repeat(40), 'malformed_signature'],
    ['repeated', `${SIGNATURE},${SIGNATURE}`, 'malformed_signature'],
    ['repeated as two headers', [SIGNATURE, SIGNATURE], 'malformed_signature'],
    ['of the right shape but wrong', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=', 'bad_signature'],
  ])('rejects a %s signature without throwing', (_name, sig, reason) => {
    expect(verify(sig)).toEqual({ ok: false, reason });
  });

  it('rejects a body over the cap, and a connection without secret or URL', () => {
    expect(verify(SIGNATURE, { body: new Uint8Array(WEBHOOK_MAX_BODY_BYTES + 1) })).toEqual({
      ok: false,
      reason: 'body_too_large',
    });
    expect(verify(SIGNATURE, { secret: '' })).toEqual({ ok: false, reason: 'no_secret' });
    expect(verify(SIGNATURE, { callbackUrl: '' })).toEqual({ ok: false, reason: 'no_secret' });
  });
});

describe('trelloHeadStatus', () => {
  it.each([
    ['pending', 200],
    ['active', 200],
    ['revoked', 410],
    ['missing', 404],
  ] as const)('answers %s with %i', (state, status) => {
    expect(trelloHeadStatus(state)).toBe(status);
  });
});
