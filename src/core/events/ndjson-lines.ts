/**
 * Splits a byte stream into NDJSON lines with their 1-based numbers, decoding strict UTF-8: an
 * invalid byte is an error naming the line and byte offset, never a silent U+FFFD (SPEC §10).
 */

export class LineError extends Error {
  constructor(
    readonly line: number,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${line}: ${field}: ${reason}`);
    this.name = 'LineError';
  }
}

/** Longest line accepted (bytes of text); a longer one is an error, not an out-of-memory. */
export const MAX_LINE_CHARS = 16 * 1024 * 1024;

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
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
    let cp = b & (0x3f >> need);
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

/** Byte offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  return firstInvalidUtf8(bytes);
}

/**
 * Calls `onLine(text, lineNumber)` for every line of the stream (a trailing `\r` is dropped, a
 * leading BOM skipped). Throws LineError for invalid UTF-8 or an over-long line.
 */
export async function forEachLine(
  stream: AsyncIterable<Uint8Array | string>,
  onLine: (text: string, line: number) => void,
): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let carry = '';
  let line = 0;
  let bytesBefore = 0;
  const emit = (text: string): void => {
    line++;
    onLine(text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text, line);
  };
  for await (const chunk of stream) {
    let text: string;
    if (typeof chunk === 'string') text = chunk;
    else {
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        const off = firstInvalidUtf8(chunk);
        const linesBefore = line + (carry.match(/\n/g)?.length ?? 0);
        throw new LineError(
          linesBefore + 1 + countNewlines(chunk, off),
          '(encoding)',
          `invalid UTF-8 at byte offset ${bytesBefore + Math.max(off, 0)}`,
        );
      }
      bytesBefore += chunk.length;
    }
    let start = 0;
    const buf = carry.length > 0 ? carry + text : text;
    carry = '';
    for (;;) {
      const nl = buf.indexOf('\n', start);
      if (nl < 0) break;
      emit(buf.slice(start, nl));
      start = nl + 1;
    }
    carry = buf.slice(start);
    if (carry.length > MAX_LINE_CHARS)
      throw new LineError(line + 1, '(line)', `longer than ${MAX_LINE_CHARS} characters`);
  }
  try {
    carry += decoder.decode();
  } catch {
    throw new LineError(
      line + 1,
      '(encoding)',
      `invalid UTF-8 at byte offset ${bytesBefore} (truncated sequence at the end)`,
    );
  }
  if (carry.length > 0) emit(carry);
}

function countNewlines(bytes: Uint8Array, upTo: number): number {
  let n = 0;
  for (let i = 0; i < upTo && i < bytes.length; i++) if (bytes[i] === 10) n++;
  return n;
}
