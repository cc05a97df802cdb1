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

/** Offset of the first byte at or after `from` that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let i = from;
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

/** The bytes of a character left incomplete at the end of valid UTF-8 (at most 3), else empty. */
function openTail(bytes: Uint8Array): Uint8Array {
  const n = bytes.length;
  for (let i = n - 1; i >= 0 && i >= n - 4; i--) {
    const b = bytes[i] as number;
    if ((b & 0xc0) === 0x80) continue;
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return n - i < size ? bytes.slice(i) : EMPTY;
  }
  return EMPTY;
}

const EMPTY = new Uint8Array(0);

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Where a stream sits in a larger file, when it is one part of it read on its own. */
export interface StreamPart {
  /** Byte offset of the stream's first byte in the file; error offsets are counted from the file's start. */
  byteBase: number;
}

/**
 * Calls `onLine(text, lineNumber)` for every line of the stream (a trailing `\r` is dropped, a
 * leading BOM skipped). Throws LineError for invalid UTF-8 or an over-long line; the lines before
 * an invalid byte are read first, so the first bad line is the one reported. A `part` of a file
 * that does not start at its first byte keeps a leading U+FEFF as text, as reading the whole file
 * would.
 */
export async function forEachLine(
  stream: AsyncIterable<Uint8Array | string>,
  onLine: (text: string, line: number) => void,
  part: StreamPart = { byteBase: 0 },
): Promise<void> {
  const base = part.byteBase;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: base > 0 });
  let carry = '';
  let line = 0;
  let bytesBefore = 0;
  // The start of a character split across chunks, held by the decoder until the next chunk.
  let pending: Uint8Array = EMPTY;
  const emit = (text: string): void => {
    line++;
    onLine(text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text, line);
  };
  const take = (text: string): void => {
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
  };
  for await (const chunk of stream) {
    if (typeof chunk === 'string') {
      take(chunk);
      continue;
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      // Search from the split character's first byte: the chunk alone may open with its tail.
      const bytes = pending.length > 0 ? concat(pending, chunk) : chunk;
      const from = bytesBefore - pending.length;
      const off = Math.max(firstInvalidUtf8(bytes), 0);
      take(new TextDecoder('utf-8', { ignoreBOM: base + from > 0 }).decode(bytes.subarray(0, off)));
      throw new LineError(line + 1, '(encoding)', `invalid UTF-8 at byte offset ${base + from + off}`);
    }
    pending = openTail(chunk.length < 4 && pending.length > 0 ? concat(pending, chunk) : chunk);
    bytesBefore += chunk.length;
    take(text);
  }
  try {
    carry += decoder.decode();
  } catch {
    throw new LineError(
      line + 1,
      '(encoding)',
      `invalid UTF-8 at byte offset ${base + bytesBefore - pending.length} (truncated sequence at the end)`,
    );
  }
  if (carry.length > 0) emit(carry);
}
