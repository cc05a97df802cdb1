/**
 * Reading fields of parsed provider JSON without trusting it: only own properties (a `__proto__`
 * or `constructor` key is data, never the prototype), and only values of the expected type.
 */
export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function own(o: JsonObject, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** A string field; a finite number is read as its decimal text (ids come as either). */
export function str(o: JsonObject, key: string): string | undefined {
  const v = own(o, key);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return undefined;
}

export function num(o: JsonObject, key: string): number | undefined {
  const v = own(o, key);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function bool(o: JsonObject, key: string): boolean | undefined {
  const v = own(o, key);
  return typeof v === 'boolean' ? v : undefined;
}

export function obj(o: JsonObject, key: string): JsonObject | undefined {
  const v = own(o, key);
  return isObject(v) ? v : undefined;
}

export function arr(o: JsonObject, key: string): unknown[] {
  const v = own(o, key);
  return Array.isArray(v) ? v : [];
}

/** True when the key is present with the value `null` (a field cleared in the source). */
export function isNull(o: JsonObject, key: string): boolean {
  return Object.hasOwn(o, key) && o[key] === null;
}
