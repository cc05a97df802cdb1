/**
 * The validator of SPEC §3 events. Hand-written because compute reads a million lines and must
 * stay within 2.5× of JSON.parse; event-schemas.ts states the same rules as zod schemas for the
 * API, and a test proves the two accept the same events and name the same first field: fields in
 * the order the schema lists them, unknown fields after them, cross-field rules last. Errors name
 * the field and the reason.
 */
import { parseInstant } from '../time/instant.ts';
import type { EventType, TandemEvent } from './event-types.ts';
import { GOAL_STATUSES, REQUEST_CHANNELS } from './event-types.ts';
import {
  type Check,
  checkCriteria,
  checkStringList,
  type FieldError,
  fail,
  isBool,
  isDate,
  isFiniteNumber,
  isId,
  isInstant,
  isMonthOrQuarter,
  isNonEmptyText,
  isPeriodLabel,
  isScore,
  isText,
  isWeekLabel,
  oneOf,
  show,
  type Validated,
} from './field-checks.ts';

export type { FieldError, Validated } from './field-checks.ts';
// The assistant line's validator has its own file; most callers want both.
export { validateAssistant } from './validate-assistant.ts';

type Obj = Record<string, unknown>;

interface FieldSpec {
  /** The value's check; null for a list or an object whose items `deep` checks. */
  check: Check | null;
  required: boolean;
  /** For a list or an object: checks its items and names the bad one (`labels[1]`). */
  deep?: (v: unknown, field: string) => FieldError | null;
}

const req = (check: Check): FieldSpec => ({ check, required: true });
const opt = (check: Check): FieldSpec => ({ check, required: false });
// SPEC §3 writes `labels[]`, `tags[]` and the flags without `?`, and §12 makes a missing field an
// error: a list may be empty and a flag false, but neither may be left out.
const stringList: FieldSpec = { check: null, required: true, deep: checkStringList };

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
    labels: stringList,
    createdAt: req(isInstant),
    assignedAt: opt(isInstant),
    due: opt(isInstant),
    dueDate: opt(isDate),
    completedAt: opt(isInstant),
    cancelledAt: opt(isInstant),
    selfInitiated: req(isBool),
    priority: req(isBool),
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
    criteria: { check: null, required: false, deep: checkCriteria },
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
    tags: stringList,
    priority: req(isBool),
  },
  pulse: {
    ...COMMON,
    week: req(isWeekLabel),
    score: req(isScore),
    comment: opt(isText),
    shared: req(isBool),
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
  for (let i = 0; i < entries.length; i++) {
    const [k, f] = entries[i] as [string, FieldSpec];
    const v = o[k];
    if (v === undefined || v === null) {
      if (f.required) return { field: k, reason: v === null ? 'must not be null' : 'missing' };
      // An optional field given as null means absent; normalize so stored events compare equal.
      if (v === null) delete o[k];
      continue;
    }
    if (f.check === isInstant) {
      const ms = typeof v === 'string' ? parseInstant(v) : Number.NaN;
      if (Number.isNaN(ms)) return { field: k, reason: isInstant(v) ?? 'invalid instant' };
      if (instants) instants[k] = ms;
      continue;
    }
    if (f.check === null) {
      const e = f.deep?.(v, k) ?? null;
      if (e !== null) return e;
      continue;
    }
    const r = f.check(v);
    if (r !== null) return { field: k, reason: r };
  }
  for (const k in o) {
    if (!hasOwn.call(spec, k)) return { field: k, reason: 'unknown field' };
  }
  return null;
}

/**
 * Validates one parsed §3 event (a JSON object with `type`), dropping optional fields given as
 * null in place. Returns the typed event or the first field error.
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
