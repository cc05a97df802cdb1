/**
 * The validator of the compute contract's `assistant` lines (SPEC §12, the time model of §2).
 * Hand-written like validate-event.ts; AssistantLineSchema (event-schemas.ts) states the same
 * rules, and a test proves both accept the same lines and name the same first field. Fields are
 * checked in the order the schema lists them, unknown fields last.
 */
import { parseClock, parseDate } from '../time/calendar.ts';
import { canonicalTimeZone, isValidTimeZone } from '../time/zone-offset.ts';
import type { AssistantLine } from './event-types.ts';
import { WEEKDAY_KEYS } from './event-types.ts';
import { type FieldError, fail, isDate, isId, isText, show, type Validated } from './field-checks.ts';

type Obj = Record<string, unknown>;

const ASSISTANT_FIELDS = new Set([
  'type',
  'id',
  'timezone',
  'schedule',
  'daysOff',
  'exceptions',
  'history',
  'role',
]);

function checkIntervals(v: unknown, field: string): FieldError | null {
  if (!Array.isArray(v))
    return { field, reason: `expected a list of ["HH:MM","HH:MM"] intervals, got ${show(v)}` };
  for (let i = 0; i < v.length; i++) {
    const iv = v[i];
    if (!Array.isArray(iv) || iv.length !== 2) {
      return { field: `${field}[${i}]`, reason: `expected ["HH:MM","HH:MM"], got ${show(iv)}` };
    }
    const s = typeof iv[0] === 'string' ? parseClock(iv[0]) : null;
    const e = typeof iv[1] === 'string' ? parseClock(iv[1]) : null;
    if (s === null || s >= 1440)
      return {
        field: `${field}[${i}][0]`,
        reason: `expected a start HH:MM from 00:00 to 23:59, got ${show(iv[0])}`,
      };
    if (e === null)
      return {
        field: `${field}[${i}][1]`,
        reason: `expected an end HH:MM from 00:00 to 24:00, got ${show(iv[1])}`,
      };
  }
  return null;
}

function checkSchedule(v: unknown, field: string): FieldError | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return { field, reason: `expected an object {"mon":[["09:00","17:00"]],…}, got ${show(v)}` };
  }
  const o = v as Obj;
  for (const k of WEEKDAY_KEYS) {
    if (o[k] === undefined) continue;
    const e = checkIntervals(o[k], `${field}.${k}`);
    if (e) return e;
  }
  for (const k of Object.keys(o)) {
    if (!(WEEKDAY_KEYS as readonly string[]).includes(k)) {
      return { field: `${field}.${k}`, reason: 'unknown weekday (use mon, tue, wed, thu, fri, sat, sun)' };
    }
  }
  return null;
}

function checkZone(v: unknown, field: string): FieldError | null {
  if (typeof v !== 'string') return { field, reason: `expected an IANA time zone name, got ${show(v)}` };
  return isValidTimeZone(v) ? null : { field, reason: `unknown time zone ${show(v)}` };
}

function checkHistoryEntry(h: unknown, f: string): FieldError | null {
  if (typeof h !== 'object' || h === null || Array.isArray(h))
    return { field: f, reason: 'expected an object' };
  const ho = h as Obj;
  if (ho.from === undefined) return { field: `${f}.from`, reason: 'missing' };
  const r = isDate(ho.from);
  if (r) return { field: `${f}.from`, reason: r };
  if (ho.timezone !== undefined) {
    const e = checkZone(ho.timezone, `${f}.timezone`);
    if (e) return e;
    ho.timezone = canonicalTimeZone(ho.timezone as string);
  }
  if (ho.schedule !== undefined) {
    const e = checkSchedule(ho.schedule, `${f}.schedule`);
    if (e) return e;
  }
  for (const k of Object.keys(ho)) {
    if (k !== 'from' && k !== 'timezone' && k !== 'schedule')
      return { field: `${f}.${k}`, reason: 'unknown field' };
  }
  return null;
}

/** Validates an `assistant` line of the compute contract (SPEC §12). */
export function validateAssistant(input: unknown): Validated<AssistantLine> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('(line)', 'expected a JSON object');
  }
  const o = input as Obj;
  if (o.id === undefined) return fail('id', 'missing');
  const idErr = isId(o.id);
  if (idErr) return fail('id', idErr);
  if (o.timezone === undefined) return fail('timezone', 'missing');
  const z = checkZone(o.timezone, 'timezone');
  if (z) return { ok: false, error: z };
  // "europe/berlin" is stored and computed as Europe/Berlin (canonicalTimeZone, SPEC §2, §12).
  o.timezone = canonicalTimeZone(o.timezone as string);
  if (o.schedule !== undefined) {
    const e = checkSchedule(o.schedule, 'schedule');
    if (e) return { ok: false, error: e };
  }
  if (o.daysOff !== undefined) {
    if (!Array.isArray(o.daysOff))
      return fail('daysOff', `expected a list of local dates, got ${show(o.daysOff)}`);
    for (let i = 0; i < o.daysOff.length; i++) {
      const r = isDate(o.daysOff[i]);
      if (r) return fail(`daysOff[${i}]`, r);
    }
  }
  if (o.exceptions !== undefined) {
    const ex = o.exceptions;
    if (typeof ex !== 'object' || ex === null || Array.isArray(ex)) {
      return fail('exceptions', `expected an object {"2026-12-24":[["09:00","12:00"]]}, got ${show(ex)}`);
    }
    for (const k of Object.keys(ex)) {
      if (parseDate(k) === null)
        return fail(`exceptions.${k}`, 'expected a local date YYYY-MM-DD as the key');
      const e = checkIntervals((ex as Obj)[k], `exceptions.${k}`);
      if (e) return { ok: false, error: e };
    }
  }
  if (o.history !== undefined) {
    if (!Array.isArray(o.history))
      return fail('history', `expected a list of {from, timezone?, schedule?}, got ${show(o.history)}`);
    for (let i = 0; i < o.history.length; i++) {
      const e = checkHistoryEntry(o.history[i], `history[${i}]`);
      if (e) return { ok: false, error: e };
    }
  }
  if (o.role !== undefined) {
    const r = isText(o.role);
    if (r) return fail('role', r);
  }
  for (const k in o) if (!ASSISTANT_FIELDS.has(k)) return fail(k, 'unknown field');
  return { ok: true, value: o as unknown as AssistantLine };
}
