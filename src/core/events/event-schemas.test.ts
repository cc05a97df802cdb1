import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { AssistantLineSchema, TandemEventSchema } from './event-schemas.ts';
import { validateAssistant, validateEvent } from './validate-event.ts';

/**
 * The field the schema's first issue names, written as the hand validator writes it:
 * `schedule.mon[0][1]`, `history[0].from`, `criteria.tone`; an unknown key is named itself.
 */
function schemaField(r: { success: true } | { success: false; error: z.ZodError }): string | null {
  if (r.success) return null;
  const issue = r.error.issues[0];
  if (issue === undefined) return '(no issue)';
  let field = '';
  for (const p of issue.path) {
    if (typeof p === 'number') field += `[${p}]`;
    else field += field === '' ? String(p) : `.${String(p)}`;
  }
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    field = field === '' ? key : `${field}.${key}`;
  }
  return field;
}

/** The field the hand validator names, or null when it accepts. */
const handField = (r: { ok: true } | { ok: false; error: { field: string } }): string | null =>
  r.ok ? null : r.error.field;

// One valid event of every type; mutations of these probe both validators.
const VALID: Array<Record<string, unknown>> = [
  {
    type: 'task',
    id: 't',
    assistant: 'a',
    title: 'x',
    createdAt: '2026-11-16T08:00:00Z',
    dueDate: '2026-11-20',
    labels: ['l'],
    selfInitiated: true,
    priority: false,
  },
  {
    type: 'task',
    id: 't',
    assistant: 'a',
    title: 'x',
    createdAt: '2026-11-16T08:00:00Z',
    due: '2026-11-20T10:00:00+01:00',
    completedAt: '2026-11-20T09:00:00Z',
    labels: [],
    selfInitiated: false,
    priority: true,
  },
  {
    type: 'request',
    id: 'r',
    assistant: 'a',
    channel: 'email',
    receivedAt: '2026-11-16T08:00:00Z',
    firstResponseAt: '2026-11-16T09:00:00Z',
  },
  { type: 'rating', id: 'g', assistant: 'a', ratedAt: '2026-11-16T08:00:00Z', score: 4 },
  {
    type: 'rating',
    id: 'g',
    assistant: 'a',
    ratedAt: '2026-11-16T08:00:00Z',
    criteria: { accuracy: 5, tone: 3 },
  },
  { type: 'proactive', id: 'p', assistant: 'a', occurredAt: '2026-11-16T08:00:00Z', description: 'd' },
  {
    type: 'docReview',
    id: 'd',
    assistant: 'a',
    reviewedAt: '2026-11-16T08:00:00Z',
    document: 'doc',
    clarity: 4,
    completeness: 2,
  },
  { type: 'goal', id: 'o', assistant: 'a', period: '2026-Q4', title: 'g', status: 'partially_met' },
  { type: 'survey', id: 's', assistant: 'a', respondedAt: '2026-11-16T08:00:00Z', score: 5 },
  {
    type: 'timeEntry',
    id: 'e',
    assistant: 'a',
    start: '2026-11-16T08:00:00Z',
    end: '2026-11-16T09:00:00Z',
    tags: ['ops'],
    priority: true,
  },
  { type: 'pulse', id: 'u', assistant: 'a', week: '2026-W47', score: 3, shared: false },
  { type: 'dayOff', id: 'f', assistant: 'a', date: '2026-12-24' },
  { type: 'manualValue', id: 'm', assistant: 'a', kpi: 'k', period: '2026-W47', value: 0.5 },
];

const wildValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(''),
  fc.constantFrom(
    '2026-11-16T08:00:00Z',
    '0000-11-16T08:00:00Z',
    '2026-11-16',
    '0000-11-16',
    '2026-13-01',
    '2026-11-16T08:00:00',
    '2026-W47',
    '2026-Q4',
    '2026-11',
    'Europe/Berlin',
    'europe/berlin',
    'email',
    'fax',
    'met',
    'open',
  ),
  fc.integer({ min: -2, max: 8 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.constantFrom(['a', 1], [null], ['ok', 'x'.repeat(10_001)]),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 6 }), { maxKeys: 2 }),
  fc.string({ maxLength: 5 }),
);

describe('event schemas and the hand-written validator', () => {
  it('accept every valid example', () => {
    for (const e of VALID) {
      expect(validateEvent(structuredClone(e)).ok).toBe(true);
      expect(TandemEventSchema.safeParse(e).success).toBe(true);
    }
  });

  it('agree on which mutated events are valid, and on the field of the first error', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID),
        fc.array(
          fc.tuple(
            fc.constantFrom(
              'type',
              'id',
              'assistant',
              'title',
              'dueDate',
              'due',
              'createdAt',
              'score',
              'criteria',
              'channel',
              'period',
              'status',
              'end',
              'firstResponseAt',
              'week',
              'value',
              'labels',
              'tags',
              'selfInitiated',
              'priority',
              'shared',
              'start',
              'receivedAt',
              'kpi',
              'date',
              'bogus',
              'excluded',
              'client',
            ),
            wildValue,
          ),
          { minLength: 1, maxLength: 3 },
        ),
        (base, edits) => {
          const e: Record<string, unknown> = structuredClone(base);
          for (const [k, v] of edits) {
            if (v === undefined) delete e[k];
            else e[k] = v;
          }
          const hand = handField(validateEvent(structuredClone(e)));
          const zod = schemaField(TandemEventSchema.safeParse(e));
          expect({ e, hand }).toEqual({ e, hand: zod });
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('write a zone given in the wrong letter case the same way', () => {
    for (const zone of ['europe/berlin', 'AMERICA/NEW_YORK', 'Asia/Kolkata', 'utc']) {
      const a = {
        type: 'assistant',
        id: 'a',
        timezone: zone,
        history: [{ from: '2026-10-01', timezone: zone }],
      };
      const hand = validateAssistant(structuredClone(a));
      const zod = AssistantLineSchema.safeParse(a);
      expect(hand.ok && zod.success).toBe(true);
      if (!hand.ok || !zod.success) continue;
      expect([hand.value.timezone, hand.value.history?.[0]?.timezone]).toEqual([
        zod.data.timezone,
        zod.data.history?.[0]?.timezone,
      ]);
    }
  });

  it('agree on assistant lines, and on the field of the first error', () => {
    const base = {
      type: 'assistant',
      id: 'a',
      timezone: 'Europe/Berlin',
      schedule: { mon: [['21:00', '05:00']] },
      daysOff: ['2026-12-24'],
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(
              'id',
              'timezone',
              'schedule',
              'daysOff',
              'exceptions',
              'history',
              'role',
              'bogus',
            ),
            fc.oneof(
              wildValue,
              fc.constant({ tue: [['09:00', '24:00']] }),
              fc.constant({ xyz: [] }),
              fc.constant({ xyz: [], tue: 'x', mon: [['09:00']] }),
              fc.constant({ sun: [['09:00', '25:00']], mon: [[9, '10:00']] }),
              fc.constant([['24:00', '01:00']]),
              fc.constant([['24:00', 'xx']]),
              fc.constant([['09:00', '17:00', '18:00']]),
              fc.constant({ '2026-12-24': [['x', '12:00']], nope: [] }),
              fc.constant([{ from: '2026-10-01', bogus: 1, timezone: 'Nowhere/Land' }]),
              fc.constant([{ timezone: 'UTC' }, null]),
              fc.constant({ '2026-12-24': [] }),
              fc.constant([{ from: '2026-10-01', timezone: 'Asia/Kolkata' }]),
            ),
          ),
          { minLength: 1, maxLength: 2 },
        ),
        (edits) => {
          const a: Record<string, unknown> = structuredClone(base);
          for (const [k, v] of edits) {
            if (v === undefined) delete a[k];
            else a[k] = v;
          }
          const hand = handField(validateAssistant(structuredClone(a)));
          const zod = schemaField(AssistantLineSchema.safeParse(a));
          expect({ a, hand }).toEqual({ a, hand: zod });
        },
      ),
      { numRuns: 2000 },
    );
  });
});
