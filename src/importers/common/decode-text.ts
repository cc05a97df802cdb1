/**
 * Text decoding per SPEC §10: JSON and CSV must be valid UTF-8 (with or without BOM) or UTF-16
 * marked by its BOM; invalid bytes are an error citing the byte offset, never a silent U+FFFD.
 */
import { firstInvalidUtf8 } from '#core/events/ndjson-lines';
import { ImportError } from '../import-error.ts';

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
