/**
 * Gathers an input into one byte array under a size cap, checked before any parsing: a byte array
 * is measured at once, a stream is stopped as soon as it passes the cap.
 */
import { ImportError } from '../import-error.ts';
import type { ExportFiles, ImportInput } from '../import-types.ts';
import { formatBytes } from './size-caps.ts';

export function isExportFiles(input: ImportInput): input is ExportFiles {
  return typeof input === 'object' && input !== null && (input as ExportFiles).kind === 'files';
}

/** The whole input as bytes, or `ImportError('too_large')` past `cap`. */
export async function readAllBytes(input: ImportInput, cap: number, what: string): Promise<Uint8Array> {
  if (input instanceof Uint8Array) {
    if (input.length > cap) throw tooLarge(what, cap, input.length);
    return input;
  }
  if (isExportFiles(input)) {
    throw new ImportError('unsupported_input', `${what} is one file, not a folder`);
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of input) {
    total += chunk.length;
    if (total > cap) throw tooLarge(what, cap);
    parts.push(chunk);
  }
  return concatBytes(parts, total);
}

function tooLarge(what: string, cap: number, size?: number): ImportError {
  return new ImportError(
    'too_large',
    `${what} is larger than the ${formatBytes(cap)} limit${size !== undefined ? ` (${size} bytes)` : ''}`,
  );
}

export function concatBytes(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Yields the input as chunks without gathering it (for streaming formats). */
export async function* chunksOf(input: ImportInput, what: string): AsyncGenerator<Uint8Array> {
  if (input instanceof Uint8Array) {
    yield input;
    return;
  }
  if (isExportFiles(input)) throw new ImportError('unsupported_input', `${what} is one file, not a folder`);
  for await (const chunk of input) yield chunk;
}
