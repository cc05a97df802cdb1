/**
 * What every verifier returns (issue 9 §2). A rejection is a value, never an exception, so a
 * malformed or hostile header can only ever become a 401 (or 413 for `body_too_large`), not a 500.
 */

export const REJECTION_REASONS = [
  /** The signature header is absent. */
  'missing_signature',
  /** The signature header is present but not in the provider's format (empty, wrong length, not hex
   * or base64, no `v0=`/`sha256=` prefix, several values joined by commas). */
  'malformed_signature',
  /** Well formed, but not the signature of these bytes under this secret. */
  'bad_signature',
  /** Slack / Standard Webhooks: the timestamp header is absent. */
  'missing_timestamp',
  /** The timestamp header is not a plain number of seconds. */
  'malformed_timestamp',
  /** The timestamp is more than the allowed window away from now, in either direction. */
  'stale_timestamp',
  /** Standard Webhooks: the `webhook-id` header is absent or malformed. */
  'malformed_id',
  /** The body is over `WEBHOOK_MAX_BODY_BYTES`; the route answers 413. */
  'body_too_large',
  /** The connection has no usable secret (not set, or empty): nothing can be verified. */
  'no_secret',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export type Verification = { ok: true } | { ok: false; reason: RejectionReason };

export const VERIFIED: Verification = Object.freeze({ ok: true });

export function reject(reason: RejectionReason): Verification {
  return { ok: false, reason };
}

/** The HTTP status a route answers for a verification result (issue 9 §2: 413 for size, else 401). */
export function rejectionStatus(v: Verification): 200 | 401 | 413 {
  if (v.ok) return 200;
  return v.reason === 'body_too_large' ? 413 : 401;
}
