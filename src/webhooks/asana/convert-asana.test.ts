import { describe, expect, it } from 'vitest';
import { keepPassedDeadline } from '../common/keep-passed-deadline.ts';
import type { TaskEvent } from '../common/webhook-items.ts';
import { asanaHandshake } from './asana-handshake.ts';
import { convertAsanaEvents } from './convert-asana-events.ts';
import { convertAsanaTask } from './convert-asana-task.ts';
import { deliveryKeysAsana } from './delivery-key-asana.ts';

const enc = (o: unknown) => new TextEncoder().encode(typeof o === 'string' ? o : JSON.stringify(o));
const ANN = '1202178852626547';
const BOSS = '1202178852626548';
const TASK = '1202178854270531';
const identities = new Map([[`asana:${ANN}`, 'ann']]);

/** One compact event, shaped like Asana's documented webhook events. */
function buildEvent(over: Record<string, unknown> = {}) {
  return {
    user: { gid: BOSS, resource_type: 'user' },
    created_at: '2026-03-02T14:00:00.000Z',
    action: 'changed',
    resource: { gid: TASK, resource_type: 'task', resource_subtype: 'default_task' },
    parent: null,
    change: { field: 'completed', action: 'changed' },
    ...over,
  };
}

/** A task as `GET /tasks/{gid}` answers, shaped like Asana's documented task resource. */
function buildTask(over: Record<string, unknown> = {}) {
  return {
    data: {
      gid: TASK,
      resource_type: 'task',
      name: 'Prepare board pack',
      assignee: { gid: ANN, resource_type: 'user', name: 'Ann Assistant' },
      completed: true,
      completed_at: '2026-03-04T15:30:00.000Z',
      created_at: '2026-03-01T08:00:00.000Z',
      created_by: { gid: BOSS, resource_type: 'user' },
      due_at: null,
      due_on: '2026-03-05',
      tags: [{ gid: '1', name: 'Board' }],
      memberships: [{ project: { gid: '2', name: 'Exec' }, section: { gid: '3', name: 'Follow-up' } }],
      parent: null,
      ...over,
    },
  };
}

describe('convertAsanaEvents', () => {
  it('turns task events into one refresh per task, merging the changed fields', () => {
    const body = {
      events: [
        buildEvent(),
        buildEvent({
          change: { field: 'due_on', action: 'changed' },
          created_at: '2026-03-02T14:00:01.000Z',
        }),
        buildEvent({ resource: { gid: '99', resource_type: 'story' }, change: null, action: 'added' }),
      ],
    };
    const r = convertAsanaEvents(enc(body), { identities });
    expect(r).toMatchObject({
      ok: true,
      value: {
        items: [
          {
            deliveryKey: expect.stringMatching(/^asana:[0-9a-f]{40}$/),
            kind: 'refreshTask',
            source: 'asana',
            externalId: TASK,
            at: '2026-03-02T14:00:01Z',
            fields: ['completed', 'due_on'],
          },
        ],
        skipped: [{ externalId: '99' }],
      },
    });
  });

  it('removes a deleted task and accepts the empty heartbeat', () => {
    expect(
      convertAsanaEvents(enc({ events: [buildEvent({ action: 'deleted', change: null })] }), { identities }),
    ).toMatchObject({
      ok: true,
      value: { items: [{ kind: 'remove', type: 'task', id: `asana:${TASK}`, externalId: TASK }] },
    });
    expect(convertAsanaEvents(enc({ events: [] }), { identities })).toEqual({
      ok: true,
      value: { items: [], unmapped: [], skipped: [] },
    });
  });

  it.each([
    ['not JSON', '{', 'invalid_json'],
    ['without events', '{"data":[]}', 'invalid_payload'],
    ['with events of the wrong type', '{"events":{}}', 'invalid_payload'],
    ['deeply nested', `{"events":${'['.repeat(64)}${']'.repeat(64)}}`, 'too_deep'],
  ])('answers a payload %s with a typed error', (_name, body, code) => {
    expect(convertAsanaEvents(enc(body), { identities })).toMatchObject({ ok: false, error: { code } });
  });

  it('skips events with hostile fields without failing the batch', () => {
    const body = `{"events":[{"__proto__":{"x":1},"resource":{"gid":"../1","resource_type":"task"},"created_at":"2026-03-02T14:00:00Z"},${JSON.stringify(buildEvent())}]}`;
    expect(convertAsanaEvents(enc(body), { identities })).toMatchObject({
      ok: true,
      value: {
        items: [{ kind: 'refreshTask' }],
        skipped: [{ reason: expect.stringContaining('events[0]') }],
      },
    });
  });
});

describe('deliveryKeysAsana', () => {
  it('gives one key per event from resource, action, time, user and field', () => {
    const r = deliveryKeysAsana(
      enc({ events: [buildEvent(), buildEvent(), buildEvent({ change: { field: 'name' } })] }),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.keys[0]).toBe(r.keys[1]);
    expect(r.keys[2]).not.toBe(r.keys[0]);
    const other = deliveryKeysAsana(enc({ events: [buildEvent({ user: { gid: ANN } })] }));
    expect(other.ok && other.keys[0] !== r.keys[0]).toBe(true);
  });
});

describe('convertAsanaTask', () => {
  it('converts a refetched task field by field', () => {
    const r = convertAsanaTask(
      enc(buildTask()),
      { identities },
      { categoryLabels: { 'follow-up': 'follow-up' }, priorityProjects: ['exec'] },
      'asana:k1',
    );
    expect(r).toEqual({
      ok: true,
      value: {
        items: [
          {
            deliveryKey: 'asana:k1',
            kind: 'upsert',
            event: {
              type: 'task',
              id: `asana:${TASK}`,
              source: 'asana',
              externalId: TASK,
              assistant: 'ann',
              title: 'Prepare board pack',
              category: 'follow-up',
              labels: ['Board'],
              createdAt: '2026-03-01T08:00:00Z',
              dueDate: '2026-03-05',
              completedAt: '2026-03-04T15:30:00Z',
              selfInitiated: false,
              priority: true,
            },
          },
        ],
        unmapped: [],
        skipped: [],
      },
    });
  });

  it('prefers due_at, and marks a task the assistant created for themselves as self-initiated', () => {
    const r = convertAsanaTask(
      enc(
        buildTask({
          due_at: '2026-03-05T16:00:00.000Z',
          created_by: { gid: ANN },
          completed: false,
          completed_at: null,
        }),
      ),
      { identities },
    );
    expect(r).toMatchObject({
      ok: true,
      value: {
        items: [
          { event: { type: 'task', due: '2026-03-05T16:00:00Z', selfInitiated: true } },
          { event: { type: 'proactive', occurredAt: '2026-03-01T08:00:00Z' } },
        ],
      },
    });
  });

  it('reports an unmapped assignee, and skips unassigned tasks and skipped subtasks', () => {
    expect(
      convertAsanaTask(enc(buildTask({ assignee: { gid: BOSS, name: 'Bo' } })), { identities }),
    ).toMatchObject({
      ok: true,
      value: { items: [], unmapped: [{ kind: 'asana', id: BOSS, name: 'Bo' }] },
    });
    expect(convertAsanaTask(enc(buildTask({ assignee: null })), { identities })).toMatchObject({
      ok: true,
      value: { items: [], skipped: [{ reason: 'unassigned task' }] },
    });
    expect(
      convertAsanaTask(enc(buildTask({ parent: { gid: '5' } })), { identities }, { subtasks: 'skip' }),
    ).toMatchObject({
      ok: true,
      value: { items: [] },
    });
  });

  it.each([
    ['without a gid', buildTask({ gid: null }), 'invalid_payload'],
    ['with an unreadable created_at', buildTask({ created_at: 12 }), 'invalid_payload'],
    ['with an unreadable due_on', buildTask({ due_on: '05/03/2026' }), 'invalid_payload'],
    ['completed without completed_at', buildTask({ completed_at: null }), 'invalid_payload'],
  ])('answers a task %s with a typed error', (_name, body, code) => {
    expect(convertAsanaTask(enc(body), { identities })).toMatchObject({ ok: false, error: { code } });
  });
});

describe('keepPassedDeadline', () => {
  const stored = (over: Partial<TaskEvent>): TaskEvent => ({
    type: 'task',
    id: `asana:${TASK}`,
    source: 'asana',
    externalId: TASK,
    assistant: 'ann',
    title: 't',
    labels: [],
    createdAt: '2026-03-01T08:00:00Z',
    selfInitiated: false,
    priority: false,
    ...over,
  });

  it('keeps a date-only deadline moved after the end of its local day', () => {
    const r = keepPassedDeadline(
      stored({ dueDate: '2026-03-05' }),
      stored({ dueDate: '2026-03-10' }),
      '2026-03-06T00:00:00Z',
    );
    expect(r).toEqual({
      event: expect.objectContaining({ dueDate: '2026-03-05' }),
      lateMove: { from: '2026-03-05', to: '2026-03-10', at: '2026-03-06T00:00:00Z' },
    });
  });

  it('accepts a move made before the deadline passed, in the connection’s zone', () => {
    const r = keepPassedDeadline(
      stored({ dueDate: '2026-03-05' }),
      stored({ dueDate: '2026-03-10' }),
      '2026-03-05T23:30:00Z',
      'America/New_York',
    );
    expect(r).toEqual({ event: expect.objectContaining({ dueDate: '2026-03-10' }) });
  });

  it('keeps an instant deadline moved after it passed, and takes the fresh task when none is stored', () => {
    const r = keepPassedDeadline(stored({ due: '2026-03-05T16:00:00Z' }), stored({}), '2026-03-05T16:00:01Z');
    expect(r.event.due).toBe('2026-03-05T16:00:00Z');
    expect(r.lateMove?.to).toBeNull();
    expect(keepPassedDeadline(undefined, stored({ dueDate: '2026-03-10' }), '2026-03-06T00:00:00Z')).toEqual({
      event: expect.objectContaining({ dueDate: '2026-03-10' }),
    });
  });
});

describe('asanaHandshake', () => {
  const NOW = Date.UTC(2026, 2, 2, 14);
  const pending = { status: 'pending' as const, hasSecret: false, pendingUntil: NOW + 60_000 };
  const secret = 'b537207f20cbfa02357cf448134da559';
  const h = (s: string | string[] | undefined) => (s === undefined ? {} : { 'X-Hook-Secret': s });
  const empty = new Uint8Array(0);

  it('accepts the secret of a pending creation and echoes it', () => {
    expect(asanaHandshake(pending, h(secret), empty, NOW)).toEqual({
      accept: true,
      secret,
      responseHeaders: { 'X-Hook-Secret': secret },
    });
  });

  it.each([
    ['an established secret', { ...pending, hasSecret: true }, h(secret), NOW, 'secret_established'],
    ['an active connection', { status: 'active' as const, hasSecret: false }, h(secret), NOW, 'not_pending'],
    ['a revoked connection', { status: 'revoked' as const, hasSecret: false }, h(secret), NOW, 'not_pending'],
    ['an expired creation', pending, h(secret), NOW + 60_001, 'expired'],
    ['no secret header', pending, h(undefined), NOW, 'not_a_handshake'],
    ['a repeated secret header', pending, h([secret, 'a'.repeat(32)]), NOW, 'malformed_secret'],
    ['a short secret', pending, h('abc'), NOW, 'malformed_secret'],
  ])('refuses %s', (_name, state, headers, now, reason) => {
    expect(asanaHandshake(state, headers, empty, now)).toEqual({ accept: false, reason });
  });

  it('refuses a handshake that carries a body', () => {
    expect(asanaHandshake(pending, h(secret), enc('{"events":[]}'), NOW)).toEqual({
      accept: false,
      reason: 'body_not_empty',
    });
  });
});
