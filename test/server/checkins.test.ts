/**
 * Biweekly check-ins through the API (SPEC §8) on every store: the next one defaults to two weeks
 * after the last, each side writes only its own notes, action items carry forward to every later
 * check-in until done, every change is audited with before/after (SPEC §11), and the matrix's
 * scopes hold (SPEC §1).
 *
 * Worked by hand: the clock stands at 2026-11-23T12:00Z, 13:00 in Berlin (a1's zone), so a1's today
 * is 2026-11-23 and the first check-in defaults to that day; the second to 23 + 14 days =
 * 2026-12-07, the third to 2026-12-21. An item agreed on 11-23 and marked done at
 * 2026-12-01T12:00Z (13:00 in Berlin: done on 2026-12-01) shows on no check-in after that day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionItem, Checkin, CheckinList } from '#shared/review-schemas';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

type Role = 'owner' | 'manager' | 'assistant' | 'coach' | 'viewer';

describe.each(STORE_KINDS)('check-ins on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let base: string;
  const tok = (r: Role) => (r === 'owner' ? team.owner.token : team.members[r].token);
  const req = async <T>(method: string, path: string, role: Role, json?: unknown) => {
    const res = await call(t, method, `${base}${path}`, {
      token: tok(role),
      ...(json !== undefined ? { json } : {}),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  let first: Checkin;
  let second: Checkin;

  beforeAll(async () => {
    t = await startTestServer(kind);
    t.clock.now = Date.parse('2026-11-23T12:00:00Z');
    team = await makeTeam(t, 'checkins');
    base = `/api/v1/workspaces/${team.ws}`;
  });
  afterAll(async () => t?.close());

  it('schedules the first check-in today and the next two weeks after the last', async () => {
    const a = await req<Checkin>('POST', '/checkins', 'manager', { assistant: 'a1' });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({
      assistant: 'a1',
      date: '2026-11-23',
      managerNotes: '',
      assistantNotes: '',
    });
    first = a.body;
    const b = await req<Checkin>('POST', '/checkins', 'assistant', { assistant: 'a1' });
    expect(b.body.date).toBe('2026-12-07');
    second = b.body;
    const dup = await req<{ error: { code: string } }>('POST', '/checkins', 'manager', {
      assistant: 'a1',
      date: '2026-12-07',
    });
    expect(dup.status).toBe(409);
    const list = await req<CheckinList>('GET', '/checkins?assistant=a1', 'viewer');
    expect(list.body.next).toEqual({ date: '2026-11-23', scheduled: true, checkin: first.id });
    expect(list.body.checkins.map((c) => c.date)).toEqual(['2026-12-07', '2026-11-23']);
  });

  it('lets each side write only its own notes', async () => {
    const m = await req<Checkin>('PUT', `/checkins/${first.id}/notes`, 'manager', {
      notes: 'Great month for briefs',
    });
    expect(m.body).toMatchObject({ managerNotes: 'Great month for briefs', assistantNotes: '' });
    const a = await req<Checkin>('PUT', `/checkins/${first.id}/notes`, 'assistant', {
      notes: 'Need calendar access',
    });
    expect(a.body).toMatchObject({
      managerNotes: 'Great month for briefs',
      assistantNotes: 'Need calendar access',
    });
    // The owner writes for the manager's side (SPEC §1), never the assistant's.
    const o = await req<Checkin>('PUT', `/checkins/${first.id}/notes`, 'owner', { notes: 'Owner view' });
    expect(o.body).toMatchObject({ managerNotes: 'Owner view', assistantNotes: 'Need calendar access' });
    for (const role of ['coach', 'viewer'] as const)
      expect((await req('PUT', `/checkins/${first.id}/notes`, role, { notes: 'x' })).status).toBe(403);
    const body = await req<unknown>('PUT', `/checkins/${first.id}/notes`, 'manager', {
      notes: 'x',
      side: 'assistant',
    });
    expect(body.status).toBe(400);
  });

  it('carries an open action item to every later check-in until the day it is done', async () => {
    const add = await req<ActionItem>('POST', `/checkins/${first.id}/action-items`, 'manager', {
      text: 'Share the calendar',
      owner: team.members.manager.userId,
      dueDate: '2026-11-30',
    });
    expect(add.status).toBe(201);
    const item = add.body;
    expect(item).toMatchObject({ checkin: first.id, done: false, doneOn: null });
    // A viewer cannot own an item: they do not work with the assistant.
    const viewer = await req('POST', `/checkins/${first.id}/action-items`, 'manager', {
      text: 'x',
      owner: team.members.viewer.userId,
      dueDate: '2026-11-30',
    });
    expect(viewer.status).toBe(400);
    const third = (await req<Checkin>('POST', '/checkins', 'manager', { assistant: 'a1' })).body;
    expect(third.date).toBe('2026-12-21');
    const open = await req<CheckinList>('GET', '/checkins?assistant=a1', 'assistant');
    const byDate = new Map(open.body.checkins.map((c) => [c.date, c]));
    expect(byDate.get('2026-11-23')?.items.map((i) => i.id)).toEqual([item.id]);
    expect(byDate.get('2026-11-23')?.carried).toEqual([]);
    expect(byDate.get('2026-12-07')?.carried.map((i) => i.id)).toEqual([item.id]);
    expect(byDate.get('2026-12-21')?.carried.map((i) => i.id)).toEqual([item.id]);
    expect(open.body.open.map((i) => i.id)).toEqual([item.id]);
    // 2026-12-21 + 14 days.
    expect(open.body.suggested).toBe('2027-01-04');

    t.clock.now = Date.parse('2026-12-01T12:00:00Z');
    const done = await req<ActionItem>('PATCH', `/action-items/${item.id}`, 'assistant', { done: true });
    expect(done.body).toMatchObject({ done: true, doneOn: '2026-12-01', doneAt: '2026-12-01T12:00:00.000Z' });
    const after = await req<CheckinList>('GET', '/checkins?assistant=a1', 'manager');
    const later = new Map(after.body.checkins.map((c) => [c.date, c]));
    expect(later.get('2026-12-07')?.carried).toEqual([]);
    expect(later.get('2026-12-21')?.carried).toEqual([]);
    expect(after.body.open).toEqual([]);
    // 12-07 is the earliest from today (12-01) on.
    expect(after.body.next).toEqual({ date: '2026-12-07', scheduled: true, checkin: second.id });
    expect((await req('PATCH', `/action-items/${item.id}`, 'coach', { done: false })).status).toBe(403);
  });

  it('keeps managers and coaches to their assistants and assistants to themselves', async () => {
    const other = await req<Checkin>('POST', '/checkins', 'owner', { assistant: 'a2', date: '2026-12-02' });
    expect(other.status).toBe(201);
    for (const role of ['manager', 'assistant', 'coach'] as const) {
      expect((await req('GET', `/checkins/${other.body.id}`, role)).status).toBe(404);
      expect((await req('GET', '/checkins?assistant=a2', role)).status).toBe(404);
    }
    expect((await req('POST', '/checkins', 'manager', { assistant: 'a2' })).status).toBe(404);
    expect((await req('POST', '/checkins', 'viewer', { assistant: 'a1' })).status).toBe(403);
    expect((await req('GET', `/checkins/${other.body.id}`, 'viewer')).status).toBe(200);
  });

  it('audits every change with before and after', async () => {
    const audit = await req<{
      entries: { action: string; target: string; before: unknown; after: unknown }[];
    }>('GET', '/audit?limit=100', 'owner');
    const notes = audit.body.entries.filter(
      (e) => e.action === 'checkin.notes' && e.target === `checkin:${first.id}`,
    );
    expect(notes.map((e) => e.after)).toEqual([
      { side: 'manager', notes: 'Owner view' },
      { side: 'assistant', notes: 'Need calendar access' },
      { side: 'manager', notes: 'Great month for briefs' },
    ]);
    expect(notes[0]?.before).toEqual({ side: 'manager', notes: 'Great month for briefs' });
    const done = audit.body.entries.find((e) => e.action === 'action_item.update');
    expect(done?.before).toMatchObject({ done: false });
    expect(done?.after).toMatchObject({ done: true });
    expect(audit.body.entries.filter((e) => e.action === 'checkin.schedule')).toHaveLength(4);
  });
});
