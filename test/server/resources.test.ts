/**
 * The resource routes: assistants (with a dated schedule change that leaves earlier weeks alone,
 * SPEC §2), clients, identities, assignments, members, and single events (create, get, replace,
 * delete, list with filters and a cursor). Each change lands in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

describe.each(STORE_KINDS)('resources on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let base: string;
  let owner: string;
  beforeAll(async () => {
    t = await startTestServer(kind);
    team = await makeTeam(t, 'res');
    base = `/api/v1/workspaces/${team.ws}`;
    owner = team.owner.token;
  });
  afterAll(async () => t?.close());

  it('creates an assistant, validates its time model and records a dated change without rewriting earlier weeks', async () => {
    const bad = await call(t, 'POST', `${base}/assistants`, {
      token: owner,
      json: { id: 'a5', timezone: 'Europe/Berlin', schedule: { mon: [['9:00', '17:00']] } },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('schedule.mon[0][0]');
    const zone = await call(t, 'POST', `${base}/assistants`, {
      token: owner,
      json: { id: 'a5', timezone: 'Mars/Base' },
    });
    expect(zone.status).toBe(400);
    const created = await call(t, 'POST', `${base}/assistants`, {
      token: owner,
      json: { id: 'a5', name: 'Ana', timezone: 'Europe/Berlin', role: 'virtual assistant' },
    });
    expect(created.status).toBe(201);
    expect(
      (await call(t, 'POST', `${base}/assistants`, { token: owner, json: { id: 'a5', timezone: 'UTC' } }))
        .status,
    ).toBe(409);
    // Two requests, each received Monday 08:00 UTC and answered 10:00 UTC.
    const lines = ['2026-11-09', '2026-11-16'].map((d, i) =>
      JSON.stringify({
        type: 'request',
        id: `R${i}`,
        assistant: 'a5',
        channel: 'email',
        receivedAt: `${d}T08:00:00Z`,
        firstResponseAt: `${d}T10:00:00Z`,
      }),
    );
    await call(t, 'POST', `${base}/events`, { token: owner, body: `${lines.join('\n')}\n` });
    const minutes = async () =>
      (
        (await (
          await call(t, 'GET', `${base}/metrics?assistant=a5&asOf=2026-11-23T00:00:00Z`, { token: owner })
        ).json()) as {
          metric: string;
          period: string;
          value: number;
        }[]
      )
        .filter((r) => r.metric === 'response_time')
        .map((r) => [r.period, r.value]);
    // Berlin 09:00–17:00: 08:00Z = 09:00 local, so two working hours.
    expect(await minutes()).toEqual([
      ['2026-W46', 120],
      ['2026-W47', 120],
    ]);
    const patch = await call(t, 'PATCH', `${base}/assistants/a5`, {
      token: owner,
      json: { change: { from: '2026-11-16', schedule: { mon: [['10:00', '18:00']] } } },
    });
    expect(patch.status).toBe(200);
    expect(((await patch.json()) as { history: unknown[] }).history).toEqual([
      { from: '2026-11-16', schedule: { mon: [['10:00', '18:00']] } },
    ]);
    expect(await minutes()).toEqual([
      ['2026-W46', 120],
      ['2026-W47', 60],
    ]);
    const unknown = await call(t, 'PATCH', `${base}/assistants/a5`, {
      token: owner,
      json: { timezone: 'UTC' },
    });
    expect(unknown.status).toBe(400);
  });

  it('manages clients, identities, assignments and members with their audit entries', async () => {
    expect(
      (await call(t, 'PUT', `${base}/clients/acme`, { token: owner, json: { name: 'Acme' } })).status,
    ).toBe(201);
    expect(
      (await call(t, 'PUT', `${base}/clients/acme`, { token: owner, json: { name: 'Acme Inc' } })).status,
    ).toBe(200);
    expect((await call(t, 'PUT', `${base}/clients/acme`, { token: owner, json: { name: '' } })).status).toBe(
      400,
    );
    const id = await call(t, 'PUT', `${base}/identities/slack/U1`, {
      token: owner,
      json: { assistantId: 'a1' },
    });
    expect(id.status).toBe(200);
    expect(
      (await call(t, 'PUT', `${base}/identities/fax/U1`, { token: owner, json: { assistantId: 'a1' } }))
        .status,
    ).toBe(400);
    expect(
      (await call(t, 'PUT', `${base}/identities/slack/U2`, { token: owner, json: { assistantId: 'ghost' } }))
        .status,
    ).toBe(422);
    const viewer = team.members.viewer.userId;
    expect(
      (
        await call(t, 'POST', `${base}/assignments`, {
          token: owner,
          json: { assistantId: 'a2', userId: viewer },
        })
      ).status,
    ).toBe(422);
    const mgr = team.members.manager.userId;
    expect(
      (
        await call(t, 'POST', `${base}/assignments`, {
          token: owner,
          json: { assistantId: 'a2', userId: mgr },
        })
      ).status,
    ).toBe(201);
    const seen = (await (
      await call(t, 'GET', `${base}/assistants`, { token: team.members.manager.token })
    ).json()) as { id: string }[];
    expect(seen.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect((await call(t, 'DELETE', `${base}/assignments/a2/${mgr}`, { token: owner })).status).toBe(204);
    const promote = await call(t, 'PATCH', `${base}/members/${viewer}`, {
      token: owner,
      json: { role: 'coach' },
    });
    expect(promote.status).toBe(200);
    expect(((await promote.json()) as { role: string }).role).toBe('coach');
    expect(
      (await call(t, 'PATCH', `${base}/members/${viewer}`, { token: owner, json: { role: 'king' } })).status,
    ).toBe(400);
    const lastOwner = await call(t, 'PATCH', `${base}/members/${team.owner.userId}`, {
      token: owner,
      json: { role: 'viewer' },
    });
    expect(lastOwner.status).toBe(409);
    const audit = (await (await call(t, 'GET', `${base}/audit?limit=20`, { token: owner })).json()) as {
      entries: { action: string; actor: string }[];
    };
    const actions = audit.entries.map((e) => e.action);
    for (const a of [
      'client.create',
      'client.update',
      'identity.map',
      'assignment.create',
      'assignment.delete',
      'member.update',
    ])
      expect(actions).toContain(a);
    expect(audit.entries.every((e) => e.actor.length > 0)).toBe(true);
  });

  it('records in the audit entry of a remapped identity whom it was taken from', async () => {
    const path = `${base}/identities/trello/m-7`;
    expect((await call(t, 'PUT', path, { token: owner, json: { assistantId: 'a1' } })).status).toBe(200);
    expect((await call(t, 'PUT', path, { token: owner, json: { assistantId: 'a2' } })).status).toBe(200);
    const audit = (await (await call(t, 'GET', `${base}/audit?limit=2`, { token: owner })).json()) as {
      entries: { action: string; before: unknown; after: unknown }[];
    };
    // Newest first: the remap, then the first mapping (which took it from no one).
    expect(audit.entries).toMatchObject([
      {
        action: 'identity.map',
        before: { provider: 'trello', externalId: 'm-7', assistantId: 'a1' },
        after: { provider: 'trello', externalId: 'm-7', assistantId: 'a2' },
      },
      { action: 'identity.map', before: null, after: { assistantId: 'a1' } },
    ]);
  });

  it('creates, reads, replaces, lists with a cursor and deletes single events', async () => {
    const task = {
      id: 'S1',
      assistant: 'a1',
      title: 'Send deck',
      labels: [],
      createdAt: '2026-11-16T08:00:00Z',
      due: '2026-11-17T08:00:00Z',
      selfInitiated: false,
      priority: false,
    };
    const created = await call(t, 'POST', `${base}/events/task`, { token: owner, json: task });
    expect(created.status).toBe(201);
    expect((await call(t, 'POST', `${base}/events/task`, { token: owner, json: task })).status).toBe(409);
    const both = await call(t, 'POST', `${base}/events/task`, {
      token: owner,
      json: { ...task, id: 'S9', dueDate: '2026-11-18' },
    });
    expect(both.status).toBe(400);
    expect(((await both.json()) as { error: { field: string } }).error.field).toBe('dueDate');
    const extra = await call(t, 'POST', `${base}/events/task`, {
      token: owner,
      json: { ...task, id: 'S8', colour: 'red' },
    });
    expect(extra.status).toBe(400);
    // SPEC §3 writes labels[] and the flags without `?`: the API, like compute, refuses them missing.
    const bare = await call(t, 'POST', `${base}/events/task`, {
      token: owner,
      json: { ...task, id: 'S6', labels: undefined },
    });
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as { error: { field: string } }).error.field).toBe('labels');
    expect(
      (
        await call(t, 'POST', `${base}/events/task`, {
          token: owner,
          json: { ...task, id: 'S7', assistant: 'ghost' },
        })
      ).status,
    ).toBe(422);
    const got = (await (await call(t, 'GET', `${base}/events/task/S1`, { token: owner })).json()) as {
      event: Record<string, unknown>;
    };
    expect(got.event).toMatchObject({ ...task, type: 'task' });
    const replaced = await call(t, 'PUT', `${base}/events/task/S1`, {
      token: owner,
      json: { ...task, type: 'task', completedAt: '2026-11-16T12:00:00Z' },
    });
    expect(replaced.status).toBe(200);
    const mismatch = await call(t, 'PUT', `${base}/events/task/S1`, {
      token: owner,
      json: { ...task, type: 'task', id: 'S2' },
    });
    expect(mismatch.status).toBe(400);
    for (let i = 2; i <= 5; i++)
      await call(t, 'POST', `${base}/events/task`, {
        token: owner,
        json: { ...task, id: `S${i}`, client: i % 2 ? 'acme' : 'globex' },
      });
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const page = (await (
        await call(t, 'GET', `${base}/events?type=task&assistant=a1&limit=2${q}`, { token: owner })
      ).json()) as {
        items: { event: { id: string } }[];
        next: string | null;
      };
      ids.push(...page.items.map((i) => i.event.id));
      cursor = page.next;
    } while (cursor);
    expect(ids.filter((id) => id.startsWith('S'))).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
    const acme = (await (await call(t, 'GET', `${base}/events?client=acme`, { token: owner })).json()) as {
      items: { event: { id: string } }[];
    };
    expect(acme.items.map((i) => i.event.id)).toEqual(['S3', 'S5']);
    const ranged = (await (
      await call(t, 'GET', `${base}/events?type=task&from=2026-11-16T00:00:00Z&to=2026-11-16T08:00:00Z`, {
        token: owner,
      })
    ).json()) as { items: unknown[] };
    expect(ranged.items).toEqual([]);
    expect((await call(t, 'GET', `${base}/events?limit=0`, { token: owner })).status).toBe(400);
    expect((await call(t, 'GET', `${base}/events?cursor=zzz`, { token: owner })).status).toBe(400);
    expect((await call(t, 'GET', `${base}/events?from=yesterday`, { token: owner })).status).toBe(400);
    expect((await call(t, 'DELETE', `${base}/events/task/S1`, { token: owner })).status).toBe(204);
    expect((await call(t, 'GET', `${base}/events/task/S1`, { token: owner })).status).toBe(404);
    const assistantOwn = await call(t, 'POST', `${base}/events/proactive`, {
      token: team.members.assistant.token,
      json: {
        id: 'PR1',
        assistant: 'a1',
        occurredAt: '2026-11-17T09:00:00Z',
        description: 'Fixed the template',
      },
    });
    expect(assistantOwn.status).toBe(201);
    const assistantOther = await call(t, 'POST', `${base}/events/proactive`, {
      token: team.members.assistant.token,
      json: { id: 'PR2', assistant: 'a2', occurredAt: '2026-11-17T09:00:00Z', description: 'x' },
    });
    expect(assistantOther.status).toBe(403);
  });
});
