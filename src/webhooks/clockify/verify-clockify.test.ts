import { describe, expect, it } from 'vitest';
import { everyTextBitFlip } from '../common/bit-flips.ts';
import { WEBHOOK_MAX_BODY_BYTES } from '../common/body-cap.ts';
import { verifyClockify } from './verify-clockify.ts';

const TOKEN = 'kTz3oR0QxQm1cHn5Wv8pBd2LsY7eJg4U';
const enc = (s: string) => new TextEncoder().encode(s);
const verify = (sig: string | string[] | undefined, secret = TOKEN, body: Uint8Array = enc('{"id":"1"}')) =>
  verifyClockify({ body, headers: sig === undefined ? {} : { 'clockify-signature': sig }, secret });

describe('verifyClockify', () => {
  it('accepts the webhook’s token', () => {
    expect(verify(TOKEN)).toEqual({ ok: true });
  });

  it('rejects every single-bit flip of the token', () => {
    for (const sig of everyTextBitFlip(TOKEN)) expect(verify(sig).ok).toBe(false);
  });

  it('rejects another webhook’s token and prefixes or extensions of the right one', () => {
    expect(verify('aTz3oR0QxQm1cHn5Wv8pBd2LsY7eJg4U')).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verify(TOKEN.slice(0, -1))).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verify(`${TOKEN}x`)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it.each([
    ['missing', undefined, 'missing_signature'],
    ['empty', '', 'missing_signature'],
    ['repeated', `${TOKEN},${TOKEN}`, 'malformed_signature'],
    ['repeated as two headers', [TOKEN, TOKEN], 'malformed_signature'],
    ['holding a space', 'kTz3 oR0Q', 'malformed_signature'],
    ['holding non-ASCII', 'kTz3ö', 'malformed_signature'],
    ['huge', 'a'.repeat(513), 'malformed_signature'],
  ])('rejects a %s token without throwing', (_name, sig, reason) => {
    expect(verify(sig)).toEqual({ ok: false, reason });
  });

  it('rejects a body over the cap, and any delivery when no token is stored', () => {
    expect(verify(TOKEN, TOKEN, new Uint8Array(WEBHOOK_MAX_BODY_BYTES + 1))).toEqual({
      ok: false,
      reason: 'body_too_large',
    });
    expect(verify('', '')).toEqual({ ok: false, reason: 'no_secret' });
    expect(verify(TOKEN, '')).toEqual({ ok: false, reason: 'no_secret' });
  });
});
