import { describe, expect, it } from 'vitest';
import { everyBitFlip, everyTextBitFlip } from '../common/bit-flips.ts';
import { WEBHOOK_MAX_BODY_BYTES } from '../common/body-cap.ts';
import { slackSignature, verifySlack } from './verify-slack.ts';

// Slack's published example ("Verifying requests from Slack"), confirmed independently with:
//   printf '%s' 'v0:1531420618:<body>' | openssl dgst -sha256 -hmac '8f742231b10e8888abcd99yyyzzz85a5'
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const TIMESTAMP = '1531420618';
const BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const NOW = Number(TIMESTAMP) * 1000;

const enc = (s: string) => new TextEncoder().encode(s);

function verify(over: {
  body?: Uint8Array;
  sig?: string | string[];
  ts?: string;
  now?: number;
  secret?: string;
}) {
  const headers: Record<string, string | string[]> = {};
  if (over.sig !== undefined) headers['x-slack-signature'] = over.sig;
  if (over.ts !== undefined) headers['x-slack-request-timestamp'] = over.ts;
  return verifySlack({
    body: over.body ?? enc(BODY),
    headers,
    secret: over.secret ?? SECRET,
    now: over.now ?? NOW,
  });
}

describe('verifySlack', () => {
  it("accepts Slack's published example with the clock at its timestamp", () => {
    expect(slackSignature(SECRET, TIMESTAMP, enc(BODY))).toBe(SIGNATURE);
    expect(verify({ sig: SIGNATURE, ts: TIMESTAMP })).toEqual({ ok: true });
  });

  it('accepts Fetch Headers as a route passes them', () => {
    const headers = new Headers({ 'X-Slack-Signature': SIGNATURE, 'X-Slack-Request-Timestamp': TIMESTAMP });
    expect(verifySlack({ body: enc(BODY), headers, secret: SECRET, now: NOW })).toEqual({ ok: true });
  });

  it('rejects every single-bit flip of the body', () => {
    const body = enc(BODY.slice(0, 48));
    const sig = slackSignature(SECRET, TIMESTAMP, body);
    expect(verify({ body, sig, ts: TIMESTAMP })).toEqual({ ok: true });
    let n = 0;
    for (const f of everyBitFlip(body)) {
      expect(verify({ body: f.bytes, sig, ts: TIMESTAMP }).ok).toBe(false);
      n++;
    }
    expect(n).toBe(48 * 8);
  });

  it('rejects every single-bit flip of the signature', () => {
    for (const sig of everyTextBitFlip(SIGNATURE)) expect(verify({ sig, ts: TIMESTAMP }).ok).toBe(false);
  });

  it('accepts a timestamp exactly 300 s old or ahead, rejects 301 s either way', () => {
    const at = (skew: number) => {
      const ts = String(Number(TIMESTAMP) + skew);
      return verify({ sig: slackSignature(SECRET, ts, enc(BODY)), ts });
    };
    expect(at(-300)).toEqual({ ok: true });
    expect(at(300)).toEqual({ ok: true });
    expect(at(-301)).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(at(301)).toEqual({ ok: false, reason: 'stale_timestamp' });
  });

  it('rejects the published request replayed 301 s later', () => {
    expect(verify({ sig: SIGNATURE, ts: TIMESTAMP, now: NOW + 301_000 })).toEqual({
      ok: false,
      reason: 'stale_timestamp',
    });
  });

  it.each([
    ['missing', undefined, 'missing_timestamp'],
    ['empty', '', 'missing_timestamp'],
    ['non-numeric', 'yesterday', 'malformed_timestamp'],
    ['negative', '-1531420618', 'malformed_timestamp'],
    ['fractional', '1531420618.5', 'malformed_timestamp'],
    ['in milliseconds', '1531420618000', 'malformed_timestamp'],
    ['hex', '0x5b47ad4a', 'malformed_timestamp'],
    ['repeated', '1531420618, 1531420618', 'malformed_timestamp'],
  ])('rejects a %s timestamp without throwing', (_name, ts, reason) => {
    expect(verify({ sig: SIGNATURE, ts })).toEqual({ ok: false, reason });
  });

  it.each([
    ['missing', undefined, 'missing_signature'],
    ['empty', '', 'missing_signature'],
    ['short', SIGNATURE.slice(0, -2), 'malformed_signature'],
    ['long', `${SIGNATURE}00`, 'malformed_signature'],
    ['non-hex', `${SIGNATURE.slice(0, -1)}g`, 'malformed_signature'],
    ['upper-case hex', `v0=${SIGNATURE.slice(3).toUpperCase()}`, 'malformed_signature'],
    ['missing its prefix', SIGNATURE.slice(3), 'malformed_signature'],
    ['of another version', `v1=${SIGNATURE.slice(3)}`, 'malformed_signature'],
    ['repeated', `${SIGNATURE},${SIGNATURE}`, 'malformed_signature'],
    ['repeated as two headers', [SIGNATURE, SIGNATURE], 'malformed_signature'],
    ['huge', `v0=${'a'.repeat(100_000)}`, 'malformed_signature'],
    ['of the right shape but wrong', `v0=${'0'.repeat(64)}`, 'bad_signature'],
  ])('rejects a %s signature without throwing', (_name, sig, reason) => {
    expect(verify({ sig, ts: TIMESTAMP })).toEqual({ ok: false, reason });
  });

  it('rejects a body over the cap before hashing', () => {
    expect(
      verify({ body: new Uint8Array(WEBHOOK_MAX_BODY_BYTES + 1), sig: SIGNATURE, ts: TIMESTAMP }),
    ).toEqual({
      ok: false,
      reason: 'body_too_large',
    });
  });

  it('rejects everything when no secret is set', () => {
    expect(verify({ sig: SIGNATURE, ts: TIMESTAMP, secret: '' })).toEqual({ ok: false, reason: 'no_secret' });
  });

  it('rejects a signature made with another secret', () => {
    const sig = slackSignature('another-secret', TIMESTAMP, enc(BODY));
    expect(verify({ sig, ts: TIMESTAMP })).toEqual({ ok: false, reason: 'bad_signature' });
  });
});
