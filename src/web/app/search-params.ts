/** Address search parameters: every one is an optional string (kept tiny: no schema library in the first screen). */

/** A non-empty string, or undefined. */
export function optionalString(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The named parameters that are non-empty strings; the others are left out. */
export function pickStrings<const K extends string>(
  search: Record<string, unknown>,
  keys: readonly K[],
): { [P in K]?: string } {
  const out: { [P in K]?: string } = {};
  for (const k of keys) {
    const v = optionalString(search[k]);
    if (v !== undefined) out[k] = v;
  }
  return out;
}
