/**
 * Turns a validated §3 event into its stored columns: the storage key (SPEC §3), the event's own
 * instant, the privacy flag (SPEC §11) and a fingerprint under which two events are equal exactly
 * when they differ at most in how their instants are written (SPEC §13: instants compared as
 * instants).
 */
import { createHash } from 'node:crypto';
import type { EventType, TandemEvent } from '#core/events/event-types';
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
 * SHA-256 of the event with its fields in sorted order, instants as epoch ms. Validated events are
 * flat apart from string lists (order matters) and rating criteria (a record, sorted here).
 */
export function eventFingerprint(e: TandemEvent): string {
  const copy: Record<string, unknown> = { ...e };
  for (const f of INSTANT_FIELDS[e.type]) {
    const v = copy[f];
    if (typeof v === 'string') copy[f] = parseInstant(v);
  }
  if (e.type === 'rating' && e.criteria) copy.criteria = sortedKeys(e.criteria);
  return createHash('sha256')
    .update(JSON.stringify(sortedKeys(copy)))
    .digest('base64url');
}

export function isPrivatePulse(e: TandemEvent): boolean {
  return e.type === 'pulse' && !e.shared;
}

export function eventColumns(e: TandemEvent): EventColumns {
  const own = OWN_TIME[e.type];
  const ownValue = own === null ? undefined : (e as unknown as Record<string, unknown>)[own];
  const ms = typeof ownValue === 'string' ? parseInstant(ownValue) : Number.NaN;
  return {
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
    fingerprint: eventFingerprint(e),
    data: e,
  };
}
