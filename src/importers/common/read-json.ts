/**
 * Strict JSON reading for exports (SPEC §10, issue 5 §5): size cap, strict UTF-8/UTF-16 decoding,
 * nesting depth checked by a scan before `JSON.parse` (10,000-deep input is a clean error, not a
 * stack overflow), syntax errors with their line. `JSON.parse` never assigns through `__proto__`
 * (it defines an own property), and converters keep what they read in Maps, so `__proto__` and
 * `constructor` keys cannot pollute anything.
 */
import { ImportError } from '../import-error.ts';
import { decodeText } from './decode-text.ts';
import { SIZE_CAPS } from './size-caps.ts';

/** Throws `too_deep` at the first bracket that passes `maxDepth`. Strings are skipped. */
export function checkJsonDepth(text: string, maxDepth: number, what: string): void {
  let depth = 0;
  let line = 1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Skip a string; a backslash escapes the next character.
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92) i += 2;
        else if (d === 34) break;
        else i++;
      }
    } else if (c === 123 || c === 91) {
      depth++;
      if (depth > maxDepth)
        throw new ImportError('too_deep', `${what} nests arrays/objects deeper than ${maxDepth} levels`, {
          line,
        });
    } else if (c === 125 || c === 93) {
      depth--;
    } else if (c === 10) {
      line++;
    }
  }
}

function lineOfChar(text: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Parses JSON text already decoded, with the depth check. */
export function parseJsonText(text: string, what: string, maxDepth: number = SIZE_CAPS.jsonDepth): unknown {
  checkJsonDepth(text, maxDepth, what);
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(msg);
    const line = pos ? lineOfChar(text, Number(pos[1])) : undefined;
    throw new ImportError('invalid_json', `${what} is not valid JSON: ${msg}`, line ? { line } : {});
  }
}

/** Decodes and parses JSON bytes (cap checked by the caller). */
export function parseJsonBytes(bytes: Uint8Array, what: string, maxDepth?: number): unknown {
  return parseJsonText(decodeText(bytes, what), what, maxDepth);
}

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string field, or undefined (numbers are stringified, other types ignored). */
export function str(o: JsonObject, key: string): string | undefined {
  if (!Object.hasOwn(o, key)) return undefined;
  const v = o[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** An array field, or an empty array. */
export function arr(o: JsonObject, key: string): unknown[] {
  if (!Object.hasOwn(o, key)) return [];
  const v = o[key];
  return Array.isArray(v) ? v : [];
}

/** An object field, or undefined. */
export function obj(o: JsonObject, key: string): JsonObject | undefined {
  if (!Object.hasOwn(o, key)) return undefined;
  const v = o[key];
  return isObject(v) ? v : undefined;
}
