/**
 * Text decoding per SPEC §10: JSON and CSV must be valid UTF-8 (with or without BOM) or UTF-16
 * marked by its BOM; invalid bytes are an error citing the byte offset, never a silent U+FFFD.
 */
import { ImportError } from '../import-error.ts';

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  const n = bytes.length;
  let i = from;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a whole file: a UTF-16 BOM selects UTF-16, otherwise strict UTF-8 (a UTF-8 BOM is
 * dropped). `what` names the input in errors.
 */
export function decodeText(bytes: Uint8Array, what: string): string {
  if (bytes.length >= 2) {
    const b0 = bytes[0];
    const b1 = bytes[1];
    if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
      const enc = b0 === 0xff ? 'utf-16le' : 'utf-16be';
      try {
        return new TextDecoder(enc, { fatal: true, ignoreBOM: false }).decode(bytes);
      } catch {
        throw new ImportError(
          'invalid_encoding',
          `${what} starts with a ${enc.toUpperCase()} BOM but is not valid ${enc.toUpperCase()}`,
        );
      }
    }
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return utf8.decode(start === 0 ? bytes : bytes.subarray(start));
  } catch {
    const at = firstInvalidUtf8(bytes, start);
    throw new ImportError(
      'invalid_encoding',
      `${what} is not valid UTF-8: invalid byte 0x${(bytes[Math.max(at, 0)] ?? 0).toString(16).padStart(2, '0')} at byte offset ${at} (save it as UTF-8 or UTF-16 with a BOM)`,
      { offset: at, line: lineAtByte(bytes, at) },
    );
  }
}

/** 1-based line of a byte offset (counting LF). */
export function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  const end = Math.min(offset, bytes.length);
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
