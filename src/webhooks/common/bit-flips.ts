/** Every single-bit variant of a byte string, for tests that prove no altered byte verifies. */
export function* everyBitFlip(bytes: Uint8Array): Generator<{ at: number; bit: number; bytes: Uint8Array }> {
  for (let at = 0; at < bytes.length; at++)
    for (let bit = 0; bit < 8; bit++) {
      const copy = Uint8Array.from(bytes);
      copy[at] = (copy[at] as number) ^ (1 << bit);
      yield { at, bit, bytes: copy };
    }
}

/** Every single-bit variant of an ASCII text, as text (header values). */
export function* everyTextBitFlip(text: string): Generator<string> {
  for (const f of everyBitFlip(new TextEncoder().encode(text))) yield new TextDecoder().decode(f.bytes);
}
