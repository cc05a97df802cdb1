/**
 * The checks the hand-written validators apply to one field of a §3 event or a §12 assistant line
 * (validate-event.ts, validate-assistant.ts). Each returns null when the value is valid, else the
 * reason; the zod schemas (event-schemas.ts) state the same rules.
 */
import { parseDate, periodOfLabel } from '../time/calendar.ts';
import { parseInstant } from '../time/instant.ts';

export interface FieldError {
  field: string;
  reason: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; error: FieldError };

export type Check = (v: unknown) => string | null;

export const MAX_ID = 512;
export const MAX_TEXT = 10_000;

export const fail = (field: string, reason: string): { ok: false; error: FieldError } => ({
  ok: false,
  error: { field, reason },
});

/** A value as JSON, shortened for an error message. */
export function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

export const isId: Check = (v) =>
  typeof v !== 'string'
    ? `expected a string id, got ${show(v)}`
    : v.length === 0
      ? 'must not be empty'
      : v.length > MAX_ID
        ? `longer than ${MAX_ID} characters`
        : null;
export const isText: Check = (v) =>
  typeof v !== 'string'
    ? `expected a string, got ${show(v)}`
    : v.length > MAX_TEXT
      ? `longer than ${MAX_TEXT} characters`
      : null;
export const isNonEmptyText: Check = (v) =>
  isText(v) ?? ((v as string).length === 0 ? 'must not be empty' : null);
export const isInstant: Check = (v) =>
  typeof v === 'string' && !Number.isNaN(parseInstant(v))
    ? null
    : `expected an ISO-8601 instant with an offset or Z, got ${show(v)}`;
export const isDate: Check = (v) =>
  typeof v === 'string' && parseDate(v) !== null ? null : `expected a local date YYYY-MM-DD, got ${show(v)}`;
export const isBool: Check = (v) =>
  typeof v === 'boolean' ? null : `expected true or false, got ${show(v)}`;
export const isScore: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 1 && v <= 5
    ? null
    : `expected a number from 1 to 5, got ${show(v)}`;
export const isFiniteNumber: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) ? null : `expected a finite number, got ${show(v)}`;
export const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v)
      ? null
      : `expected one of ${values.join(', ')}, got ${show(v)}`;
export const isMonthOrQuarter: Check = (v) => {
  const p = typeof v === 'string' ? periodOfLabel(v) : null;
  return p === 'month' || p === 'quarter'
    ? null
    : `expected a month (2026-11) or quarter (2026-Q4), got ${show(v)}`;
};
export const isWeekLabel: Check = (v) =>
  typeof v === 'string' && periodOfLabel(v) === 'week'
    ? null
    : `expected an ISO week like 2026-W47, got ${show(v)}`;
export const isPeriodLabel: Check = (v) =>
  typeof v === 'string' && periodOfLabel(v) !== null
    ? null
    : `expected a period label (2026-W47, 2026-11 or 2026-Q4), got ${show(v)}`;

/** A list of strings; a bad item is named by its index (`labels[1]`), as the schemas name it. */
export function checkStringList(v: unknown, field: string): FieldError | null {
  if (!Array.isArray(v)) return { field, reason: `expected a list of strings, got ${show(v)}` };
  for (let i = 0; i < v.length; i++) {
    const r = isText(v[i]);
    if (r !== null) return { field: `${field}[${i}]`, reason: r };
  }
  return null;
}

/** Rating criteria {name: 1–5}; a bad score is named by its criterion (`criteria.tone`). */
export function checkCriteria(v: unknown, field: string): FieldError | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return { field, reason: `expected an object {name: 1–5}, got ${show(v)}` };
  const keys = Object.keys(v);
  if (keys.length === 0) return { field, reason: 'must name at least one criterion' };
  for (const k of keys) {
    const r = isScore((v as Record<string, unknown>)[k]);
    if (r !== null) return { field: `${field}.${k}`, reason: r };
  }
  return null;
}
