import { describe, expect, it } from 'vitest';
import { convertTogglEvent } from './convert-toggl-event.ts';
import { deliveryKeysToggl } from './delivery-key-toggl.ts';
import { togglValidationResponse } from './toggl-validation.ts';

const enc = (o: unknown) => new TextEncoder().encode(typeof o === 'string' ? o : JSON.stringify(o));
const identities = new Map([['toggl:9547721', 'ann']]);

/** A time_entry event shaped like Toggl's documented webhook deliveries. */
function buildEvent(over: { action?: string; payload?: Record<string, unknown>; event_id?: number } = {}) {
  return {
    event_id: over.event_id ?? 8023169274704072,
    created_at: '2026-03-02T11:43:32.827Z',
    creator_id: 9547721,
    metadata: {
      action: over.action ?? 'created',
      event_user_id: '9547721',
      model: 'time_entry',
      model_owner_id: '9547721',
      path: '/api/v9/workspaces/7435584/time_entries',
      request_type: 'POST',
      time_entry_id: '3050537739',
      workspace_id: '7435584',
    },
    payload: {
      at: '2026-03-02T11:43:32+00:00',
      billable: false,
      description: 'Inbox zero',
      duration: 5400,
      duronly: true,
      id: 3050537739,
      project_id: 202,
      server_deleted_at: null,
      start: '2026-03-02T09:00:00+00:00',
      stop: '2026-03-02T10:30:00+00:00',
      tag_ids: [11],
      tags: ['client-x'],
      task_id: null,
      user_id: 9547721,
      workspace_id: 7435584,
      ...over.payload,
    },
    subscription_id: 1234,
    timestamp: '2026-03-02T11:43:33.164Z',
  };
}

describe('convertTogglEvent', () => {
  it('turns a created time entry into a full timeEntry event, field by field', () => {
    const r = convertTogglEvent(enc(buildEvent()), { identities }, { priorityTags: ['Client-X'] });
    expect(r).toEqual({
      ok: true,
      value: {
        items: [
          {
            deliveryKey: 'toggl:event:8023169274704072',
            kind: 'upsert',
            event: {
              type: 'timeEntry',
              id: 'toggl:3050537739',
              source: 'toggl',
              externalId: '3050537739',
              assistant: 'ann',
              start: '2026-03-02T09:00:00Z',
              end: '2026-03-02T10:30:00Z',
              tags: ['client-x'],
              priority: true,
            },
          },
        ],
        unmapped: [],
        skipped: [],
      },
    });
  });

  it('writes instants in the connection’s zone and matches priority projects by id', () => {
    const r = convertTogglEvent(
      enc(buildEvent({ action: 'updated' })),
      { identities, timezone: 'Europe/Berlin' },
      { priorityProjects: ['202'] },
    );
    expect(r).toMatchObject({
      ok: true,
      value: {
        items: [
          { event: { start: '2026-03-02T10:00:00+01:00', end: '2026-03-02T11:30:00+01:00', priority: true } },
        ],
      },
    });
  });

  it('removes a deleted entry', () => {
    const r = convertTogglEvent(enc(buildEvent({ action: 'deleted' })), { identities });
    expect(r).toMatchObject({
      ok: true,
      value: {
        items: [
          {
            kind: 'remove',
            type: 'timeEntry',
            id: 'toggl:3050537739',
            externalId: '3050537739',
            at: '2026-03-02T11:43:32.827Z',
          },
        ],
      },
    });
  });

  it('skips a running entry until it stops', () => {
    const r = convertTogglEvent(enc(buildEvent({ payload: { stop: null, duration: -1772441012 } })), {
      identities,
    });
    expect(r).toMatchObject({
      ok: true,
      value: { items: [], skipped: [{ reason: expect.stringContaining('running') }] },
    });
  });

  it('reports an unmapped user instead of dropping the entry silently', () => {
    const r = convertTogglEvent(enc(buildEvent({ payload: { user_id: 42 } })), { identities });
    expect(r).toMatchObject({
      ok: true,
      value: { items: [], unmapped: [{ kind: 'toggl', id: '42' }], skipped: [{ externalId: '3050537739' }] },
    });
  });

  it('skips the PING and other models', () => {
    const ping =
      '{"event_id":0,"created_at":"2022-06-25T03:58:10.207820267Z","creator_id":6,"metadata":{"request_type":"POST","event_user_id":6},"payload":"ping","subscription_id":6}';
    expect(convertTogglEvent(enc(ping), { identities })).toMatchObject({ ok: true, value: { items: [] } });
    const project = { ...buildEvent(), metadata: { ...buildEvent().metadata, model: 'project' } };
    expect(convertTogglEvent(enc(project), { identities })).toMatchObject({ ok: true, value: { items: [] } });
  });

  it.each([
    ['not JSON', '{"event_id":', 'invalid_json'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), 'invalid_encoding'],
    ['deeply nested', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'too_deep'],
    ['an array', '[]', 'invalid_payload'],
    ['without metadata', '{"event_id":1,"payload":{}}', 'invalid_payload'],
    [
      'with a start of the wrong type',
      JSON.stringify(buildEvent({ payload: { start: 12 } })),
      'invalid_payload',
    ],
    ['with no event_id', JSON.stringify({ ...buildEvent(), event_id: null }), 'invalid_payload'],
  ])('answers a payload %s with a typed error', (_name, body, code) => {
    const bytes = typeof body === 'string' ? enc(body) : body;
    expect(convertTogglEvent(bytes, { identities })).toMatchObject({ ok: false, error: { code } });
  });

  it('treats __proto__ keys as data', () => {
    const body = `{"__proto__":{"polluted":true},${JSON.stringify(buildEvent()).slice(1)}`;
    const r = convertTogglEvent(enc(body), { identities });
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('skips an entry the core validator refuses (ends before it starts)', () => {
    const r = convertTogglEvent(enc(buildEvent({ payload: { stop: '2026-03-02T08:00:00+00:00' } })), {
      identities,
    });
    expect(r).toMatchObject({ ok: true, value: { items: [], skipped: [{ externalId: '3050537739' }] } });
  });
});

describe('deliveryKeysToggl', () => {
  it('keys an event by its event_id, the same on a retry', () => {
    expect(deliveryKeysToggl(enc(buildEvent()))).toEqual({
      ok: true,
      keys: ['toggl:event:8023169274704072'],
    });
  });

  it('keys PINGs by their body, since every PING has event_id 0', () => {
    const a = deliveryKeysToggl(enc({ event_id: 0, payload: 'ping', subscription_id: 6 }));
    const b = deliveryKeysToggl(enc({ event_id: 0, payload: 'ping', subscription_id: 7 }));
    expect(a.ok && b.ok && a.keys[0] !== b.keys[0]).toBe(true);
  });
});

describe('togglValidationResponse', () => {
  it('echoes the validation code of a PING', () => {
    const body = enc({
      event_id: 0,
      payload: 'ping',
      validation_code: 'a1b2-c3',
      validation_code_url: 'https://x',
    });
    expect(togglValidationResponse(body)).toEqual({ validation_code: 'a1b2-c3' });
  });

  it('answers nothing for a body without a well-formed code', () => {
    expect(togglValidationResponse(enc({ payload: 'ping' }))).toBeUndefined();
    expect(togglValidationResponse(enc({ validation_code: '<script>' }))).toBeUndefined();
    expect(togglValidationResponse(enc('nope'))).toBeUndefined();
  });
});
