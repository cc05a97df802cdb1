import { describe, expect, it } from 'vitest';
import { convertClockifyEvent } from './convert-clockify-event.ts';
import { deliveryKeysClockify } from './delivery-key-clockify.ts';

const enc = (o: unknown) => new TextEncoder().encode(typeof o === 'string' ? o : JSON.stringify(o));
const identities = new Map([
  ['clockify:5e8f7a1b2c3d4e5f6a7b8c9d', 'ann'],
  ['email:bea@example.com', 'bea'],
]);

/** A time entry shaped like Clockify's webhook bodies (the entry itself, with project and user). */
function buildEntry(over: Record<string, unknown> = {}) {
  return {
    id: '65e2f0a1b2c3d4e5f6a7b8c9',
    description: 'Weekly report',
    userId: '5e8f7a1b2c3d4e5f6a7b8c9d',
    billable: true,
    projectId: '65aa00000000000000000001',
    timeInterval: { start: '2026-03-02T13:00:00Z', end: '2026-03-02T14:15:00Z', duration: 'PT1H15M' },
    workspaceId: '5e8f00000000000000000000',
    isLocked: false,
    tags: [
      { id: 't1', name: 'Reporting' },
      { id: 't2', name: 'Urgent' },
    ],
    project: { id: '65aa00000000000000000001', name: 'Ops', clientName: 'Acme', color: '#03A9F4' },
    user: { id: '5e8f7a1b2c3d4e5f6a7b8c9d', name: 'Ann Assistant' },
    ...over,
  };
}

describe('convertClockifyEvent', () => {
  it('turns a new time entry into a full timeEntry event, field by field', () => {
    const r = convertClockifyEvent(
      enc(buildEntry()),
      'NEW_TIME_ENTRY',
      { identities },
      { priorityTags: ['urgent'] },
    );
    expect(r).toEqual({
      ok: true,
      value: {
        items: [
          {
            deliveryKey: expect.stringMatching(/^clockify:[0-9a-f]{40}$/),
            kind: 'upsert',
            event: {
              type: 'timeEntry',
              id: 'clockify:65e2f0a1b2c3d4e5f6a7b8c9',
              source: 'clockify',
              externalId: '65e2f0a1b2c3d4e5f6a7b8c9',
              assistant: 'ann',
              start: '2026-03-02T13:00:00Z',
              end: '2026-03-02T14:15:00Z',
              project: 'Ops',
              client: 'Acme',
              tags: ['Reporting', 'Urgent'],
              priority: true,
            },
          },
        ],
        unmapped: [],
        skipped: [],
      },
    });
  });

  it('attributes through the user’s e-mail when the body carries it', () => {
    const r = convertClockifyEvent(
      enc(buildEntry({ userId: 'other', user: { id: 'other', name: 'Bea', email: 'Bea@Example.com' } })),
      'TIME_ENTRY_UPDATED',
      { identities },
    );
    expect(r).toMatchObject({ ok: true, value: { items: [{ event: { assistant: 'bea' } }], unmapped: [] } });
  });

  it('removes a deleted entry at the time the delivery arrived', () => {
    const r = convertClockifyEvent(
      enc(buildEntry()),
      'TIME_ENTRY_DELETED',
      { identities },
      {},
      Date.UTC(2026, 2, 3),
    );
    expect(r).toMatchObject({
      ok: true,
      value: {
        items: [{ kind: 'remove', id: 'clockify:65e2f0a1b2c3d4e5f6a7b8c9', at: '2026-03-03T00:00:00Z' }],
      },
    });
    expect(convertClockifyEvent(enc(buildEntry()), 'TIME_ENTRY_DELETED', { identities })).toMatchObject({
      ok: false,
    });
  });

  it('skips a started timer and a running entry', () => {
    expect(convertClockifyEvent(enc(buildEntry()), 'NEW_TIMER_STARTED', { identities })).toMatchObject({
      ok: true,
      value: { items: [], skipped: [{ reason: expect.stringContaining('timer started') }] },
    });
    const running = buildEntry({
      timeInterval: { start: '2026-03-02T13:00:00Z', end: null, duration: null },
    });
    expect(convertClockifyEvent(enc(running), 'TIME_ENTRY_UPDATED', { identities })).toMatchObject({
      ok: true,
      value: { items: [], skipped: [{ reason: expect.stringContaining('running') }] },
    });
  });

  it('reports an unmapped user with its name', () => {
    const r = convertClockifyEvent(
      enc(buildEntry({ userId: 'u9', user: { id: 'u9', name: 'Cy' } })),
      'NEW_TIME_ENTRY',
      { identities },
    );
    expect(r).toMatchObject({
      ok: true,
      value: { items: [], unmapped: [{ kind: 'clockify', id: 'u9', name: 'Cy' }] },
    });
  });

  it('skips event types that carry no §3 data', () => {
    expect(convertClockifyEvent(enc(buildEntry()), 'NEW_PROJECT', { identities })).toMatchObject({
      ok: true,
      value: { items: [] },
    });
  });

  it.each([
    ['not JSON', 'nope', 'invalid_json'],
    ['deeply nested', `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`, 'too_deep'],
    ['without an id', JSON.stringify({ ...buildEntry(), id: {} }), 'invalid_payload'],
    [
      'with timeInterval of the wrong type',
      JSON.stringify(buildEntry({ timeInterval: 'PT1H' })),
      'invalid_payload',
    ],
    [
      'with a zone-less start',
      JSON.stringify(buildEntry({ timeInterval: { start: '2026-03-02 13:00', end: '2026-03-02 14:00' } })),
      'invalid_payload',
    ],
    ['with no user', JSON.stringify(buildEntry({ userId: null, user: null })), 'invalid_payload'],
  ])('answers a payload %s with a typed error', (_name, body, code) => {
    expect(convertClockifyEvent(enc(body), 'NEW_TIME_ENTRY', { identities })).toMatchObject({
      ok: false,
      error: { code },
    });
  });

  it('treats a __proto__ key as data', () => {
    const body = `{"__proto__":{"userId":"x"},${JSON.stringify(buildEntry()).slice(1)}`;
    expect(convertClockifyEvent(enc(body), 'NEW_TIME_ENTRY', { identities })).toMatchObject({
      ok: true,
      value: { items: [{ event: { assistant: 'ann' } }] },
    });
  });
});

describe('deliveryKeysClockify', () => {
  it('gives a retry the same key and a different body or event type another', () => {
    const a = deliveryKeysClockify(enc(buildEntry()), 'NEW_TIME_ENTRY');
    expect(a).toEqual(deliveryKeysClockify(enc(buildEntry()), 'NEW_TIME_ENTRY'));
    expect(a).not.toEqual(deliveryKeysClockify(enc(buildEntry({ description: 'x' })), 'NEW_TIME_ENTRY'));
    expect(a).not.toEqual(deliveryKeysClockify(enc(buildEntry()), 'TIME_ENTRY_UPDATED'));
  });
});
