/**
 * The validator of SPEC §3 events and §12 assistant lines. Hand-written because compute reads a
 * million lines and must stay within 2.5× of JSON.parse; event-schemas.ts states the same rules as
 * zod schemas for the API, and a test proves the two agree. Errors name the field and the reason.
 */
import { parseClock, parseDate, periodOfLabel } from '../time/calendar.ts';
import { parseInstant } from '../time/instant.ts';
import { isValidTimeZone } from '../time/zone-offset.ts';
import type { AssistantLine, EventType, TandemEvent } from './event-types.ts';
import { GOAL_STATUSES, REQUEST_CHANNELS, WEEKDAY_KEYS } from './event-types.ts';

export interface FieldError {
  field: string;
  reason: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; error: FieldError };

type Obj = Record<string, unknown>;
type Check = (v: unknown) => string | null;

const MAX_ID = 512;
const MAX_TEXT = 10_000;

const fail = (field: string, reason: string): { ok: false; error: FieldError } => ({
  ok: false,
  error: { field, reason },
});

function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

const isId: Check = (v) =>
  typeof v !== 'string'
    ? `expected a string id, got ${show(v)}`
    : v.length === 0
      ? 'must not be empty'
      : v.length > MAX_ID
        ? `longer than ${MAX_ID} characters`
        : null;
const isText: Check = (v) =>
  typeof v !== 'string'
    ? `expected a string, got ${show(v)}`
    : v.length > MAX_TEXT
      ? `longer than ${MAX_TEXT} characters`
      : null;
const isNonEmptyText: Check = (v) => isText(v) ?? ((v as string).length === 0 ? 'must not be empty' : null);
const isInstant: Check = (v) =>
  typeof v === 'string' && !Number.isNaN(parseInstant(v))
    ? null
    : `expected an ISO-8601 instant with an offset or Z, got ${show(v)}`;
const isDate: Check = (v) =>
  typeof v === 'string' && parseDate(v) !== null ? null : `expected a local date YYYY-MM-DD, got ${show(v)}`;
const isBool: Check = (v) => (typeof v === 'boolean' ? null : `expected true or false, got ${show(v)}`);
const isScore: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 1 && v <= 5
    ? null
    : `expected a number from 1 to 5, got ${show(v)}`;
const isFiniteNumber: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) ? null : `expected a finite number, got ${show(v)}`;
const isStringList: Check = (v) => {
  if (!Array.isArray(v)) return `expected a list of strings, got ${show(v)}`;
  for (const x of v)
    if (typeof x !== 'string' || x.length > MAX_TEXT) return `expected a list of strings, got ${show(v)}`;
  return null;
};
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v)
      ? null
      : `expected one of ${values.join(', ')}, got ${show(v)}`;
const isMonthOrQuarter: Check = (v) => {
  const p = typeof v === 'string' ? periodOfLabel(v) : null;
  return p === 'month' || p === 'quarter'
    ? null
    : `expected a month (2026-11) or quarter (2026-Q4), got ${show(v)}`;
};
const isWeekLabel: Check = (v) =>
  typeof v === 'string' && periodOfLabel(v) === 'week'
    ? null
    : `expected an ISO week like 2026-W47, got ${show(v)}`;
const isPeriodLabel: Check = (v) =>
  typeof v === 'string' && periodOfLabel(v) !== null
    ? null
    : `expected a period label (2026-W47, 2026-11 or 2026-Q4), got ${show(v)}`;

interface FieldSpec {
  check: Check;
  required: boolean;
  /** Filled in when absent (lists and flags that default to empty / false). */
  fallback?: () => unknown;
}

const req = (check: Check): FieldSpec => ({ check, required: true });
const opt = (check: Check): FieldSpec => ({ check, required: false });
const dflt = (check: Check, fallback: () => unknown): FieldSpec => ({ check, required: false, fallback });

const COMMON: Record<string, FieldSpec> = {
  type: req(() => null),
  id: req(isId),
  assistant: req(isId),
  source: opt(isId),
  externalId: opt(isId),
  client: opt(isId),
  excluded: opt(isNonEmptyText),
};

const SPECS: Record<EventType, Record<string, FieldSpec>> = {
  task: {
    ...COMMON,
    title: req(isText),
    category: opt(isText),
    labels: dflt(isStringList, () => []),
    createdAt: req(isInstant),
    assignedAt: opt(isInstant),
    due: opt(isInstant),
    dueDate: opt(isDate),
    completedAt: opt(isInstant),
    cancelledAt: opt(isInstant),
    selfInitiated: dflt(isBool, () => false),
    priority: dflt(isBool, () => false),
  },
  request: {
    ...COMMON,
    channel: req(oneOf(REQUEST_CHANNELS)),
    threadKey: opt(isText),
    from: opt(isText),
    receivedAt: req(isInstant),
    firstResponseAt: opt(isInstant),
  },
  rating: {
    ...COMMON,
    ratedAt: req(isInstant),
    rater: opt(isText),
    workRef: opt(isText),
    score: opt(isScore),
    criteria: opt((v) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v))
        return `expected an object {name: 1–5}, got ${show(v)}`;
      const keys = Object.keys(v);
      if (keys.length === 0) return 'must name at least one criterion';
      for (const k of keys) {
        const r = isScore((v as Obj)[k]);
        if (r) return `${k}: ${r}`;
      }
      return null;
    }),
    comment: opt(isText),
  },
  proactive: {
    ...COMMON,
    occurredAt: req(isInstant),
    description: req(isText),
    confirmedBy: opt(isText),
  },
  docReview: {
    ...COMMON,
    reviewedAt: req(isInstant),
    document: req(isText),
    clarity: req(isScore),
    completeness: req(isScore),
  },
  goal: {
    ...COMMON,
    period: req(isMonthOrQuarter),
    title: req(isText),
    status: req(oneOf(GOAL_STATUSES)),
  },
  survey: {
    ...COMMON,
    respondedAt: req(isInstant),
    score: req(isScore),
    comment: opt(isText),
    respondent: opt(isText),
  },
  timeEntry: {
    ...COMMON,
    start: req(isInstant),
    end: req(isInstant),
    project: opt(isText),
    tags: dflt(isStringList, () => []),
    priority: dflt(isBool, () => false),
  },
  pulse: {
    ...COMMON,
    week: req(isWeekLabel),
    score: req(isScore),
    comment: opt(isText),
    shared: dflt(isBool, () => false),
  },
  dayOff: {
    ...COMMON,
    date: req(isDate),
    reason: opt(isText),
  },
  manualValue: {
    ...COMMON,
    kpi: req(isId),
    period: req(isPeriodLabel),
    value: req(isFiniteNumber),
  },
};

const hasOwn = Object.prototype.hasOwnProperty;

/** True when `t` is one of the §3 event types. */
export function isEventType(t: unknown): t is EventType {
  return typeof t === 'string' && hasOwn.call(SPECS, t);
}

/** The field names an event type accepts (for the API schemas and documentation). */
export function fieldsOf(type: EventType): string[] {
  return Object.keys(SPECS[type]);
}

// Field lists as arrays, walked without `for…in` on the hot path.
const ENTRIES = Object.fromEntries(
  Object.entries(SPECS).map(([t, spec]) => [t, Object.entries(spec)]),
) as Record<EventType, Array<[string, FieldSpec]>>;

/**
 * Epoch ms of the instant fields of the event validated last, for the compute hot path: the
 * validator has to parse every instant anyway, and parsing them again costs a fifth of compute.
 * Only the fields the event has are fresh; read a field only when the event carries it.
 */
export interface InstantScratch {
  [field: string]: number;
}

function checkFields(
  o: Obj,
  spec: Record<string, FieldSpec>,
  entries: Array<[string, FieldSpec]>,
  instants: InstantScratch | undefined,
): FieldError | null {
  for (const k in o) {
    if (!hasOwn.call(spec, k)) return { field: k, reason: 'unknown field' };
  }
  for (let i = 0; i < entries.length; i++) {
    const [k, f] = entries[i] as [string, FieldSpec];
    const v = o[k];
    if (v === undefined || v === null) {
      if (f.required) return { field: k, reason: v === null ? 'must not be null' : 'missing' };
      // An optional field given as null means absent; normalize so stored events compare equal.
      if (v === null) delete o[k];
      if (f.fallback) o[k] = f.fallback();
      continue;
    }
    if (f.check === isInstant) {
      const ms = typeof v === 'string' ? parseInstant(v) : Number.NaN;
      if (Number.isNaN(ms)) return { field: k, reason: isInstant(v) ?? 'invalid instant' };
      if (instants) instants[k] = ms;
      continue;
    }
    const r = f.check(v);
    if (r !== null) return { field: k, reason: r };
  }
  return null;
}

/**
 * Validates one parsed §3 event (a JSON object with `type`), filling the defaults (`labels`,
 * `tags` = [], flags = false) in place. Returns the typed event or the first field error.
 */
export function validateEvent(input: unknown, instants?: InstantScratch): Validated<TandemEvent> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('(line)', 'expected a JSON object');
  }
  const o = input as Obj;
  const type = o.type;
  if (type === undefined) return fail('type', 'missing');
  if (!isEventType(type)) return fail('type', `unknown event type ${show(type)}`);
  const err = checkFields(o, SPECS[type], ENTRIES[type], instants);
  if (err) return { ok: false, error: err };
  // Cross-field rules (SPEC §3).
  switch (type) {
    case 'task':
      if (o.due !== undefined && o.dueDate !== undefined)
        return fail('dueDate', 'a task has either due or dueDate, not both');
      break;
    case 'rating':
      if (o.score === undefined && o.criteria === undefined)
        return fail('score', 'missing (give score or criteria)');
      if (o.score !== undefined && o.criteria !== undefined)
        return fail('criteria', 'give either score or criteria, not both');
      break;
    case 'timeEntry':
      if (parseInstant(o.end as string) < parseInstant(o.start as string))
        return fail('end', 'is before start');
      break;
    case 'request':
      if (
        o.firstResponseAt !== undefined &&
        parseInstant(o.firstResponseAt as string) < parseInstant(o.receivedAt as string)
      ) {
        return fail('firstResponseAt', 'is before receivedAt');
      }
      break;
  }
  return { ok: true, value: o as unknown as TandemEvent };
}

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
  for (const k of Object.keys(v)) {
    if (!(WEEKDAY_KEYS as readonly string[]).includes(k)) {
      return { field: `${field}.${k}`, reason: 'unknown weekday (use mon, tue, wed, thu, fri, sat, sun)' };
    }
    const e = checkIntervals((v as Obj)[k], `${field}.${k}`);
    if (e) return e;
  }
  return null;
}

function checkZone(v: unknown, field: string): FieldError | null {
  if (typeof v !== 'string') return { field, reason: `expected an IANA time zone name, got ${show(v)}` };
  return isValidTimeZone(v) ? null : { field, reason: `unknown time zone ${show(v)}` };
}

/** Validates an `assistant` line of the compute contract (SPEC §12). */
export function validateAssistant(input: unknown): Validated<AssistantLine> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('(line)', 'expected a JSON object');
  }
  const o = input as Obj;
  for (const k in o) if (!ASSISTANT_FIELDS.has(k)) return fail(k, 'unknown field');
  const idErr = isId(o.id);
  if (o.id === undefined) return fail('id', 'missing');
  if (idErr) return fail('id', idErr);
  if (o.timezone === undefined) return fail('timezone', 'missing');
  const z = checkZone(o.timezone, 'timezone');
  if (z) return { ok: false, error: z };
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
      const h = o.history[i] as unknown;
      const f = `history[${i}]`;
      if (typeof h !== 'object' || h === null || Array.isArray(h)) return fail(f, 'expected an object');
      for (const k of Object.keys(h)) {
        if (k !== 'from' && k !== 'timezone' && k !== 'schedule') return fail(`${f}.${k}`, 'unknown field');
      }
      const ho = h as Obj;
      if (ho.from === undefined) return fail(`${f}.from`, 'missing');
      const r = isDate(ho.from);
      if (r) return fail(`${f}.from`, r);
      if (ho.timezone !== undefined) {
        const e = checkZone(ho.timezone, `${f}.timezone`);
        if (e) return { ok: false, error: e };
      }
      if (ho.schedule !== undefined) {
        const e = checkSchedule(ho.schedule, `${f}.schedule`);
        if (e) return { ok: false, error: e };
      }
    }
  }
  if (o.role !== undefined) {
    const r = isText(o.role);
    if (r) return fail('role', r);
  }
  return { ok: true, value: o as unknown as AssistantLine };
}
