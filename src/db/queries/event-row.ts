/**
 * Turns a validated §3 event into its stored columns: the storage key (SPEC §3), the event's own
 * instant, the privacy flag (SPEC §11) and a fingerprint under which two events are equal exactly
 * when they differ at most in how their instants are written (SPEC §13: instants compared as
 * instants).
 */
import { hash } from 'node:crypto';
import type { EventType, TandemEvent } from '#core/events/event-types';
import type { InstantScratch } from '#core/events/validate-event';
import { parseInstant } from '#core/time/instant';

/** The instant-valued fields of each event type. */
export const INSTANT_FIELDS: Record<EventType, readonly string[]> = {
  task: ['createdAt', 'assignedAt', 'due', 'completedAt', 'cancelledAt'],
  request: ['receivedAt', 'firstResponseAt'],
  rating: ['ratedAt'],
  proactive: ['occurredAt'],
  docReview: ['reviewedAt'],
  goal: [],
  survey: ['respondedAt'],
  timeEntry: ['start', 'end'],
  pulse: [],
  dayOff: [],
  manualValue: [],
};

/** The field holding the event's own time (SPEC §2 "As of"), if it has one. */
const OWN_TIME: Record<EventType, string | null> = {
  task: 'createdAt',
  request: 'receivedAt',
  rating: 'ratedAt',
  proactive: 'occurredAt',
  docReview: 'reviewedAt',
  goal: null,
  survey: 'respondedAt',
  timeEntry: 'start',
  pulse: null,
  dayOff: null,
  manualValue: null,
};

const INSTANT_SETS = new Map<EventType, ReadonlySet<string>>(
  (Object.keys(INSTANT_FIELDS) as EventType[]).map((t) => [t, new Set(INSTANT_FIELDS[t])]),
);
const NO_FIELDS: ReadonlySet<string> = new Set();

export interface EventColumns {
  type: EventType;
  key: string;
  id: string;
  assistantId: string;
  source: string | null;
  externalId: string | null;
  client: string | null;
  excluded: string | null;
  private: boolean;
  /** ISO instant in UTC, or null. */
  at: string | null;
  fingerprint: string;
  data: TandemEvent;
  /**
   * `data` as JSON text when the caller already holds it (the ingest's own line), so a bulk
   * ingest does not serialise 100k events a second time (SPEC §13 throughput target).
   */
  json?: string;
}

/** The §3 storage key within (workspace, type). */
export function eventKey(e: Pick<TandemEvent, 'id' | 'source' | 'externalId'>): string {
  return e.externalId !== undefined ? `x:${JSON.stringify([e.source ?? '', e.externalId])}` : `i:${e.id}`;
}

/** The path of the first string holding U+0000, which PostgreSQL text and jsonb cannot store. */
export function nulPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(value)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = nulPath(value[i], `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return path ? `${path}.${k}` : k;
      const p = nulPath(v, path ? `${path}.${k}` : k);
      if (p) return p;
    }
  }
  return null;
}

function sortedKeys(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) out[k] = value[k];
  return out;
}

/**
 * Sorted field names per set of fields present (a few dozen shapes in practice), so the
 * fingerprint of a bulk ingest sorts each shape once instead of once per event.
 */
const sortedOrder = new Map<string, string[]>();

function sortedFieldsOf(o: Record<string, unknown>): string[] {
  let shape = '';
  for (const k of Object.keys(o)) shape += `${k}\u0000`;
  let order = sortedOrder.get(shape);
  if (order === undefined) {
    order = Object.keys(o).sort();
    // Bounded: unknown fields are refused, so only optional fields vary; a cap keeps it so.
    if (sortedOrder.size > 4096) sortedOrder.clear();
    sortedOrder.set(shape, order);
  }
  return order;
}

/**
 * SHA-256 of the event with its fields in sorted order, instants as epoch ms. Validated events are
 * flat apart from string lists (order matters) and rating criteria (a record, sorted here).
 * `instants` may hold the validator's parsed instants (validateEvent's scratch), read only for the
 * instant fields this event has. Stored fingerprints depend on this exact form: keep it stable.
 */
export function eventFingerprint(e: TandemEvent, instants?: InstantScratch): string {
  const o = e as unknown as Record<string, unknown>;
  const instantFields = INSTANT_SETS.get(e.type) ?? NO_FIELDS;
  const copy: Record<string, unknown> = {};
  for (const k of sortedFieldsOf(o)) {
    const v = o[k];
    copy[k] = typeof v === 'string' && instantFields.has(k) ? (instants?.[k] ?? parseInstant(v)) : v;
  }
  if (e.type === 'rating' && e.criteria) copy.criteria = sortedKeys(e.criteria);
  return hash('sha256', JSON.stringify(copy), 'base64url');
}

export function isPrivatePulse(e: TandemEvent): boolean {
  return e.type === 'pulse' && !e.shared;
}

/**
 * `instants`: the validator's parsed instants for this event (no instant is parsed twice);
 * `json`: the event's JSON text when the caller holds it (see EventColumns.json).
 */
export function eventColumns(e: TandemEvent, instants?: InstantScratch, json?: string): EventColumns {
  const own = OWN_TIME[e.type];
  const ownValue = own === null ? undefined : (e as unknown as Record<string, unknown>)[own];
  const ms =
    typeof ownValue === 'string' && own !== null ? (instants?.[own] ?? parseInstant(ownValue)) : Number.NaN;
  const cols: EventColumns = {
    type: e.type,
    key: eventKey(e),
    id: e.id,
    assistantId: e.assistant,
    source: e.source ?? null,
    externalId: e.externalId ?? null,
    client: e.client ?? null,
    excluded: e.excluded ?? null,
    private: isPrivatePulse(e),
    at: Number.isNaN(ms) ? null : new Date(ms).toISOString(),
    fingerprint: eventFingerprint(e, instants),
    data: e,
  };
  if (json !== undefined) cols.json = json;
  return cols;
}
