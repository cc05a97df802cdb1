/**
 * The one comparison of secrets and signatures (issue 9 §2). Lengths are compared first, so a
 * wrong-length value is a plain `false` — `crypto.timingSafeEqual` throws on unequal lengths, and
 * an exception there would turn a forged header into a 500. The length of a signature is public
 * (every provider documents it), so returning early on it leaks nothing.
 */
import { timingSafeEqual } from 'node:crypto';

const encoder = new TextEncoder();

/** Constant-time equality of two byte strings (or texts, compared as UTF-8). */
export function constantTimeEqual(a: Uint8Array | string, b: Uint8Array | string): boolean {
  const x = typeof a === 'string' ? encoder.encode(a) : a;
  const y = typeof b === 'string' ? encoder.encode(b) : b;
  if (x.length !== y.length) return false;
  return timingSafeEqual(x, y);
}
