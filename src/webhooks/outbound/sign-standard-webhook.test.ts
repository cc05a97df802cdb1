import { describe, expect, it } from 'vitest';
import { everyBitFlip, everyTextBitFlip } from '../common/bit-flips.ts';
import { signStandardWebhook } from './sign-standard-webhook.ts';
import { formatStandardWebhookSecret, standardWebhookKey } from './standard-webhook-secret.ts';
import { verifyStandardWebhook } from './verify-standard-webhook.ts';

// The Standard Webhooks specification's reference vector (also in its reference libraries' tests),
// confirmed independently with:
//   printf '%s' 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}' \
//     | openssl dgst -sha256 -mac HMAC \
//         -macopt hexkey:$(printf '%s' 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' | base64 -d | xxd -p -c 256) -binary \
//     | base64
//   → g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const TS = 1614265330;
const BODY = '{"test": 2432232314}';
const SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
const NOW = TS * 1000;

const enc = (s: string) => new TextEncoder().encode(s);
const headers = (sig: string, over: Record<string, string> = {}) => ({
  'webhook-id': ID,
  'webhook-timestamp': String(TS),
  'webhook-signature': sig,
  ...over,
});

describe('signStandardWebhook', () => {
  it('produces the specification’s reference signature', () => {
    expect(signStandardWebhook({ id: ID, timestamp: TS, body: BODY }, [SECRET])).toEqual({
      ok: true,
      headers: { 'webhook-id': ID, 'webhook-timestamp': '1614265330', 'webhook-signature': SIGNATURE },
    });
  });

  it('signs with every secret during a rotation, space-separated', () => {
    const next = formatStandardWebhookSecret(new Uint8Array(32).fill(7)) as string;
    const r = signStandardWebhook({ id: ID, timestamp: TS, body: BODY }, [next, SECRET]);
    if (!r.ok) throw new Error(r.error);
    expect(r.headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(r.headers['webhook-signature'].endsWith(` ${SIGNATURE}`)).toBe(true);
    expect(verifyStandardWebhook({ body: enc(BODY), headers: r.headers, secret: next, now: NOW })).toEqual({
      ok: true,
    });
  });

  it.each([
    ['no secret', { id: ID, timestamp: TS, body: BODY }, [], 'invalid_secret'],
    [
      'a secret without its prefix',
      { id: ID, timestamp: TS, body: BODY },
      [SECRET.slice(6)],
      'invalid_secret',
    ],
    [
      'a secret of 18 bytes',
      { id: ID, timestamp: TS, body: BODY },
      ['whsec_AAAAAAAAAAAAAAAAAAAAAAAA'],
      'invalid_secret',
    ],
    ['a secret that is not base64', { id: ID, timestamp: TS, body: BODY }, ['whsec_!!!!'], 'invalid_secret'],
    ['an id with a dot', { id: 'msg.1', timestamp: TS, body: BODY }, [SECRET], 'invalid_id'],
    ['a fractional timestamp', { id: ID, timestamp: 1.5, body: BODY }, [SECRET], 'invalid_timestamp'],
  ])('refuses %s', (_name, message, secrets, error) => {
    expect(signStandardWebhook(message, secrets)).toEqual({ ok: false, error });
  });
});

describe('standard webhook secrets', () => {
  it('decodes a whsec_ secret to its key bytes and formats random bytes back', () => {
    const bytes = new Uint8Array(32).map((_, i) => i);
    const s = formatStandardWebhookSecret(bytes) as string;
    expect(s.startsWith('whsec_')).toBe(true);
    expect(standardWebhookKey(s)).toEqual(bytes);
    expect(formatStandardWebhookSecret(new Uint8Array(8))).toBeUndefined();
  });
});

describe('verifyStandardWebhook', () => {
  const verify = (h: Record<string, string | string[]>, body: Uint8Array = enc(BODY), now = NOW) =>
    verifyStandardWebhook({ body, headers: h, secret: SECRET, now });

  it('accepts the reference vector, alone or beside signatures of other keys and versions', () => {
    expect(verify(headers(SIGNATURE))).toEqual({ ok: true });
    const other = 'v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    expect(verify(headers(`${other} ${SIGNATURE}`))).toEqual({ ok: true });
    expect(verify(headers(`v1a,somethingelse ${SIGNATURE}`))).toEqual({ ok: true });
  });

  it('rejects every single-bit flip of the body and of the signature', () => {
    for (const f of everyBitFlip(enc(BODY))) expect(verify(headers(SIGNATURE), f.bytes).ok).toBe(false);
    for (const sig of everyTextBitFlip(SIGNATURE)) expect(verify(headers(sig)).ok).toBe(false);
  });

  it('rejects a changed id or timestamp', () => {
    expect(verify(headers(SIGNATURE, { 'webhook-id': 'msg_other' }))).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verify(headers(SIGNATURE, { 'webhook-timestamp': String(TS + 1) }))).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('accepts 300 s of skew and rejects 301 s either way', () => {
    expect(verify(headers(SIGNATURE), enc(BODY), NOW + 300_000)).toEqual({ ok: true });
    expect(verify(headers(SIGNATURE), enc(BODY), NOW - 300_000)).toEqual({ ok: true });
    expect(verify(headers(SIGNATURE), enc(BODY), NOW + 301_000)).toEqual({
      ok: false,
      reason: 'stale_timestamp',
    });
    expect(verify(headers(SIGNATURE), enc(BODY), NOW - 301_000)).toEqual({
      ok: false,
      reason: 'stale_timestamp',
    });
  });

  it.each([
    ['an empty signature', headers(''), 'missing_signature'],
    ['a signature without version', headers(SIGNATURE.slice(3)), 'malformed_signature'],
    ['a short signature', headers(SIGNATURE.slice(0, -2)), 'malformed_signature'],
    [
      'a signature header sent twice',
      { ...headers(SIGNATURE), 'webhook-signature': [SIGNATURE, SIGNATURE] },
      'malformed_signature',
    ],
    ['signatures joined by a comma', headers(`${SIGNATURE}, ${SIGNATURE}`), 'malformed_signature'],
    ['too many signatures', headers(Array(9).fill(SIGNATURE).join(' ')), 'malformed_signature'],
    ['no id', { 'webhook-timestamp': String(TS), 'webhook-signature': SIGNATURE }, 'malformed_id'],
    ['a non-numeric timestamp', headers(SIGNATURE, { 'webhook-timestamp': 'now' }), 'malformed_timestamp'],
    ['no timestamp', { 'webhook-id': ID, 'webhook-signature': SIGNATURE }, 'missing_timestamp'],
  ])('rejects %s without throwing', (_name, h, reason) => {
    expect(verify(h)).toEqual({ ok: false, reason });
  });
});
