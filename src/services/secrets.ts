/**
 * Random identifiers and secrets. Tokens carry 256 bits from the CSPRNG and are stored only as
 * SHA-256 hashes, so a database leak reveals no usable token.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A short unique id such as `ws_3kTqX…` (96 random bits). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

/** A secret token (256 random bits), optionally with a recognisable prefix. */
export function newToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
