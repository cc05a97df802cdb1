import { describe, expect, it } from 'vitest';
import type { TaskEvent } from '#core/events/event-types';
import { applyTaskPatch } from './apply-task-patch.ts';
import type { TaskPatch } from './webhook-items.ts';

const buildTask = (over: Partial<TaskEvent> = {}): TaskEvent => ({
  type: 'task',
  id: 'trello:c1',
  source: 'trello',
  externalId: 'c1',
  assistant: 'ann',
  title: 'Book flights',
  labels: [],
  createdAt: '2026-03-01T09:00:00Z',
  selfInitiated: false,
  priority: false,
  ...over,
});
const buildPatch = (over: Partial<TaskPatch> = {}): TaskPatch => ({
  id: 'trello:c1',
  source: 'trello',
  externalId: 'c1',
  at: '2026-03-02T10:00:00Z',
  ...over,
});

describe('applyTaskPatch', () => {
  it('completes a task at the change time, once', () => {
    const r = applyTaskPatch(buildTask(), buildPatch({ completed: true }));
    expect(r).toMatchObject({ ok: true, event: { completedAt: '2026-03-02T10:00:00Z' } });
    const again = applyTaskPatch(
      buildTask({ completedAt: '2026-03-01T12:00:00Z' }),
      buildPatch({ completed: true }),
    );
    expect(again).toMatchObject({ ok: true, event: { completedAt: '2026-03-01T12:00:00Z' } });
  });

  it('reopens and restores', () => {
    const r = applyTaskPatch(
      buildTask({ completedAt: '2026-03-01T12:00:00Z', cancelledAt: '2026-03-01T13:00:00Z' }),
      buildPatch({ completed: false, cancelled: false }),
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.event.completedAt).toBeUndefined();
    expect(r.event.cancelledAt).toBeUndefined();
  });

  it('moves a deadline that has not passed yet', () => {
    const r = applyTaskPatch(
      buildTask({ due: '2026-03-05T17:00:00Z' }),
      buildPatch({ due: '2026-03-09T17:00:00Z' }),
    );
    expect(r).toEqual({ ok: true, event: expect.objectContaining({ due: '2026-03-09T17:00:00Z' }) });
  });

  it('ignores and reports a move made after the deadline passed (SPEC §10)', () => {
    const r = applyTaskPatch(
      buildTask({ due: '2026-03-01T17:00:00Z' }),
      buildPatch({ due: '2026-03-09T17:00:00Z', at: '2026-03-02T10:00:00Z' }),
    );
    expect(r).toEqual({
      ok: true,
      event: expect.objectContaining({ due: '2026-03-01T17:00:00Z' }),
      lateMove: { from: '2026-03-01T17:00:00Z', to: '2026-03-09T17:00:00Z', at: '2026-03-02T10:00:00Z' },
    });
  });

  it('removes a deadline before it passes, and replaces a date-only one', () => {
    const r = applyTaskPatch(buildTask({ due: '2026-03-05T17:00:00Z' }), buildPatch({ due: null }));
    if (!r.ok) throw new Error(r.reason);
    expect(r.event.due).toBeUndefined();
    const d = applyTaskPatch(
      buildTask({ dueDate: '2026-03-05' }),
      buildPatch({ due: '2026-03-06T12:00:00Z' }),
    );
    if (!d.ok) throw new Error(d.reason);
    expect(d.event.dueDate).toBeUndefined();
    expect(d.event.due).toBe('2026-03-06T12:00:00Z');
  });

  it('adds and removes labels and recomputes category and priority from the rules', () => {
    const rules = { categoryLabels: { 'follow-up': 'follow-up' }, priorityLabels: ['urgent'] };
    const r = applyTaskPatch(
      buildTask({ labels: ['Old'] }),
      buildPatch({ addLabels: ['Follow-up', 'Urgent'], removeLabels: ['old'], labelRules: rules }),
    );
    expect(r).toMatchObject({
      ok: true,
      event: { labels: ['Follow-up', 'Urgent'], category: 'follow-up', priority: true },
    });
    const back = applyTaskPatch(
      buildTask({ labels: ['Follow-up'], category: 'follow-up', priority: true }),
      buildPatch({ removeLabels: ['Follow-up'], labelRules: rules }),
    );
    if (!back.ok) throw new Error(back.reason);
    expect(back.event.category).toBeUndefined();
    expect(back.event.priority).toBe(false);
  });

  it('starts from the seed when nothing is stored, and refuses without one', () => {
    const seed = buildTask({ title: 'From the payload' });
    expect(applyTaskPatch(undefined, buildPatch({ seed, completed: true }))).toMatchObject({
      ok: true,
      event: { title: 'From the payload', completedAt: '2026-03-02T10:00:00Z' },
    });
    expect(applyTaskPatch(undefined, buildPatch({ completed: true }))).toEqual({
      ok: false,
      reason: 'unknown_task',
    });
  });

  it('prefers the stored task to the seed', () => {
    const r = applyTaskPatch(
      buildTask({ title: 'Stored' }),
      buildPatch({ seed: buildTask({ title: 'Seed' }) }),
    );
    expect(r).toMatchObject({ ok: true, event: { title: 'Stored' } });
  });

  it('refuses a patch for another record', () => {
    expect(applyTaskPatch(buildTask({ externalId: 'c2' }), buildPatch())).toEqual({
      ok: false,
      reason: 'different_task',
    });
  });

  it('attributes a task at its first assignment and clears self-initiated', () => {
    const r = applyTaskPatch(
      buildTask({ selfInitiated: true }),
      buildPatch({ assistant: 'bea', assignedAt: '2026-03-02T10:00:00Z', selfInitiated: false }),
    );
    expect(r).toMatchObject({
      ok: true,
      event: { assistant: 'bea', assignedAt: '2026-03-02T10:00:00Z', selfInitiated: false },
    });
  });

  it('keeps the first assignment when another member is added later', () => {
    const r = applyTaskPatch(
      buildTask({ assignedAt: '2026-03-01T10:00:00Z' }),
      buildPatch({ assistant: 'bea', assignedAt: '2026-03-02T10:00:00Z' }),
    );
    expect(r).toMatchObject({ ok: true, event: { assistant: 'ann', assignedAt: '2026-03-01T10:00:00Z' } });
  });

  it('does not cancel a completed task that is archived', () => {
    const r = applyTaskPatch(
      buildTask({ completedAt: '2026-03-01T12:00:00Z' }),
      buildPatch({ cancelled: true }),
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.event.cancelledAt).toBeUndefined();
  });

  it('reports a result the validator refuses instead of storing it', () => {
    const r = applyTaskPatch(buildTask(), buildPatch({ title: 'x'.repeat(20_000) }));
    expect(r).toMatchObject({ ok: false, reason: 'invalid_result' });
  });
});
