/** HMAC over the concatenation of byte strings, as the providers define their signatures. */
import { createHmac } from 'node:crypto';

export type HmacAlgorithm = 'sha1' | 'sha256';

export function hmac(
  algorithm: HmacAlgorithm,
  key: string | Uint8Array,
  parts: readonly (string | Uint8Array)[],
): Buffer {
  const h = createHmac(algorithm, key);
  for (const p of parts) h.update(p);
  return h.digest();
}
