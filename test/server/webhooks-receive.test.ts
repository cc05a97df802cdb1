/**
 * Receiving webhooks through the real HTTP route (issue 9 items 2–4), on each store: the published
 * Slack and Toggl vectors, every single-bit flip refused, malformed headers and Slack timestamps
 * refused with 401 (never 5xx), the Asana handshake rules, Trello's HEAD, tenancy (a delivery
 * signed for one connection fails at another's URL), revocation when the creator leaves (audited
 * once), the body cap, exactly-once storage and a delivery that fails conversion.
 */
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#db/schema/audit';
import { events } from '#db/schema/events';
import { webhookConnections, webhookDeliveries } from '#db/schema/webhooks';
import { JobWorker } from '#jobs/job-worker';
import { webhookHandlers } from '#jobs/webhook-handlers';
import { createApp } from '#server/app';
import { exportWorkspace } from '#services/archive/export-workspace';
import { restoreWorkspace } from '#services/archive/restore-workspace';
import { asanaSignature } from '#webhooks/asana/index';
import { everyBitFlip, everyTextBitFlip } from '#webhooks/common/bit-flips';
import { slackSignature } from '#webhooks/slack/index';
import { togglSignature, verifyToggl } from '#webhooks/toggl/index';
import { trelloSignature } from '#webhooks/trello/index';
import {
  call,
  makeTeam,
  openTestStore,
  STORE_KINDS,
  startTestServer,
  type Team,
  type TestServer,
} from './test-store.ts';

const enc = (s: string) => new TextEncoder().encode(s);

// Published vectors (issue 9 "Tests").
const SLACK_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const SLACK_TS = '1531420618';
const SLACK_BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const SLACK_SIG = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const TOGGL_SECRET = 'PGuRrhCFajIyEvFlreKL';
const TOGGL_BODY =
  '{"event_id":0,"created_at":"2022-06-25T03:58:10.207820267Z","creator_id":6,"metadata":{"request_type":"POST","event_user_id":6},"payload":"ping","subscription_id":6}';
const TOGGL_SIG = 'sha256=55343383e52a9cd2f56bd4e9fb5b6ce6982fb45955f26ea816cf7495d98c5fd2';

interface Created {
  connection: { id: string; callbackUrl: string; status: string; lastDeliveryAt: string | null };
  secret: string | null;
}

function togglEntry(id: number, eventId: number, userId = 6): string {
  return JSON.stringify({
    event_id: eventId,
    created_at: '2026-11-20T11:43:32.827Z',
    creator_id: userId,
    metadata: {
      action: 'created',
      event_user_id: String(userId),
      model: 'time_entry',
      model_owner_id: String(userId),
      path: '/api/v9/workspaces/7435584/time_entries',
      request_type: 'POST',
      time_entry_id: String(id),
      workspace_id: '7435584',
    },
    payload: {
      at: '2026-11-20T11:43:32+00:00',
      billable: false,
      description: 'Inbox zero',
      duration: 5400,
      duronly: true,
      id,
      project_id: 202,
      server_deleted_at: null,
      start: '2026-11-20T09:00:00+00:00',
      stop: '2026-11-20T10:30:00+00:00',
      tag_ids: [],
      tags: [],
      task_id: null,
      user_id: userId,
      workspace_id: 7435584,
    },
    subscription_id: 1234,
    timestamp: '2026-11-20T11:43:33.164Z',
  });
}

describe.each(STORE_KINDS)('webhook receiver on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let worker: JobWorker;

  const hook = (
    provider: string,
    id: string,
    body: string | Uint8Array,
    headers: Record<string, string> | Headers,
  ) => t.app.request(`/hooks/${provider}/${id}`, { method: 'POST', body: body as BodyInit, headers });

  async function connect(json: Record<string, unknown>, token = team.owner.token): Promise<Created> {
    const res = await call(t, 'POST', `/api/v1/workspaces/${team.ws}/connections`, { token, json });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Created;
  }

  beforeAll(async () => {
    t = await startTestServer(kind);
    team = await makeTeam(t, 'hooks');
    worker = new JobWorker({
      db: t.deps.db,
      now: () => t.clock.now,
      logger: pino({ level: 'silent' }),
      handlers: webhookHandlers(t.deps),
      scheduleEveryMs: 0,
    });
  });
  afterAll(async () => t?.close());

  it('verifies the published Slack vector through the route, with the clock at its timestamp', async () => {
    const c = await connect({ provider: 'slack', name: 'Slack', secret: SLACK_SECRET });
    const id = c.connection.id;
    expect(c.connection.callbackUrl).toBe(`http://localhost:3000/hooks/slack/${id}`);
    expect(c.secret).toBeNull();
    const saved = t.clock.now;
    t.clock.now = Number(SLACK_TS) * 1000;
    try {
      const headers = {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': SLACK_TS,
        'x-slack-signature': SLACK_SIG,
      };
      // Signed: past the verifier. A slash command is no Events API payload: 400, not 401.
      const ok = await hook('slack', id, SLACK_BODY, headers);
      expect(ok.status).toBe(400);
      expect(((await ok.json()) as { error: { code: string } }).error.code).toBe('bad_request');
      // A sample of single-bit flips of the body and of the signature, through HTTP: all 401.
      let n = 0;
      for (const flipped of everyTextBitFlip(SLACK_BODY)) {
        if (n++ % 97 !== 0) continue;
        expect((await hook('slack', id, flipped, headers)).status).toBe(401);
      }
      n = 0;
      for (const sig of everyTextBitFlip(SLACK_SIG)) {
        // A header carries bytes only: flips into other characters are checked by the verifier tests.
        if (n++ % 13 !== 0 || !/^[\x20-\x7e]*$/.test(sig)) continue;
        expect((await hook('slack', id, SLACK_BODY, { ...headers, 'x-slack-signature': sig })).status).toBe(
          401,
        );
      }
      // Timestamps: 301 s old or ahead, non-numeric, missing → 401 (each correctly signed).
      const body = enc('{"type":"event_callback","event_id":"Ev1","event":{"type":"app_mention"}}');
      for (const ts of [String(Number(SLACK_TS) - 301), String(Number(SLACK_TS) + 301), '15314x0618', '']) {
        const h: Record<string, string> = { 'x-slack-signature': slackSignature(SLACK_SECRET, ts, body) };
        if (ts !== '') h['x-slack-request-timestamp'] = ts;
        const res = await hook('slack', id, body, h);
        expect(res.status, ts).toBe(401);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_signature');
      }
      // 300 s either way still verifies.
      for (const ts of [String(Number(SLACK_TS) - 300), String(Number(SLACK_TS) + 300)]) {
        const res = await hook('slack', id, body, {
          'x-slack-request-timestamp': ts,
          'x-slack-signature': slackSignature(SLACK_SECRET, ts, body),
        });
        expect(res.status, ts).toBe(200);
      }
      // The url_verification challenge is echoed only when signed.
      const challenge = enc(
        '{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}',
      );
      const unsigned = await hook('slack', id, challenge, { 'x-slack-request-timestamp': SLACK_TS });
      expect(unsigned.status).toBe(401);
      const signed = await hook('slack', id, challenge, {
        'x-slack-request-timestamp': SLACK_TS,
        'x-slack-signature': slackSignature(SLACK_SECRET, SLACK_TS, challenge),
      });
      expect(signed.status).toBe(200);
      expect(await signed.json()).toEqual({
        challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
      });
    } finally {
      t.clock.now = saved;
    }
  });

  it('verifies the published Toggl vector through the route and refuses every bit flip', async () => {
    const c = await connect({ provider: 'toggl', name: 'Toggl', secret: TOGGL_SECRET });
    const id = c.connection.id;
    const headers = { 'content-type': 'application/json', 'x-webhook-signature-256': TOGGL_SIG };
    const ok = await hook('toggl', id, TOGGL_BODY, headers);
    expect(ok.status).toBe(200);
    // Every single-bit flip of the body and of the signature, through the verifier.
    const body = enc(TOGGL_BODY);
    let flips = 0;
    for (const f of everyBitFlip(body)) {
      expect(verifyToggl({ body: f.bytes, headers, secret: TOGGL_SECRET }).ok).toBe(false);
      flips++;
    }
    expect(flips).toBe(body.length * 8);
    for (const sig of everyTextBitFlip(TOGGL_SIG))
      expect(
        verifyToggl({ body, headers: { 'x-webhook-signature-256': sig }, secret: TOGGL_SECRET }).ok,
      ).toBe(false);
    // And a sample through HTTP.
    let n = 0;
    for (const f of everyBitFlip(body)) {
      if (n++ % 101 !== 0) continue;
      expect((await hook('toggl', id, f.bytes, headers)).status).toBe(401);
    }
    // Malformed headers: empty, short, long, non-hex, missing prefix, repeated → 401.
    const hex = TOGGL_SIG.slice('sha256='.length);
    const bad = [
      '',
      'sha256=',
      `sha256=${hex.slice(1)}`,
      `sha256=${hex}0`,
      `sha256=${hex.slice(1)}g`,
      hex,
      `SHA256=${hex}`,
    ];
    for (const v of bad) {
      const res = await hook('toggl', id, TOGGL_BODY, { 'x-webhook-signature-256': v });
      expect(res.status, v).toBe(401);
    }
    const twice = new Headers();
    twice.append('x-webhook-signature-256', TOGGL_SIG);
    twice.append('x-webhook-signature-256', TOGGL_SIG);
    expect((await hook('toggl', id, TOGGL_BODY, twice)).status).toBe(401);
    expect((await hook('toggl', id, TOGGL_BODY, {})).status).toBe(401);
  });

  it('answers a signed Toggl PING with its validation code, and a made secret is shown once', async () => {
    const c = await connect({ provider: 'toggl', name: 'Toggl 2' });
    expect(c.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const secret = c.secret as string;
    const ping = enc('{"event_id":0,"payload":"ping","validation_code":"abc-123","subscription_id":7}');
    const res = await hook('toggl', c.connection.id, ping, {
      'x-webhook-signature-256': togglSignature(secret, ping),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ validation_code: 'abc-123' });
    const got = await call(t, 'GET', `/api/v1/workspaces/${team.ws}/connections/${c.connection.id}`, {
      token: team.owner.token,
    });
    const view = (await got.json()) as Record<string, unknown>;
    expect(view).toMatchObject({ status: 'active', hasSecret: true });
    expect(JSON.stringify(view)).not.toContain(secret);
  });

  it('refuses a delivery signed for one connection at another connection’s URL, and hides which exists', async () => {
    const a = await connect({ provider: 'toggl', name: 'A', secret: 'secret-of-a-123' });
    const b = await connect({ provider: 'toggl', name: 'B', secret: 'secret-of-b-456' });
    const body = enc(togglEntry(1, 1));
    const sig = togglSignature('secret-of-a-123', body);
    expect((await hook('toggl', b.connection.id, body, { 'x-webhook-signature-256': sig })).status).toBe(401);
    expect((await hook('toggl', a.connection.id, body, { 'x-webhook-signature-256': sig })).status).toBe(200);
    // Unknown id and the right id under another provider: the same 404.
    const unknown = await hook('toggl', 'whc_nope', body, { 'x-webhook-signature-256': sig });
    const wrong = await hook('clockify', a.connection.id, body, { 'x-webhook-signature-256': sig });
    expect(unknown.status).toBe(404);
    expect(wrong.status).toBe(404);
    expect(await unknown.json()).toEqual(await wrong.json());
  });

  it('stores each event once, however often it is delivered, and processes it from the queue', async () => {
    const c = await connect({
      provider: 'toggl',
      name: 'Once',
      secret: 'once-secret-789',
      identities: { 'toggl:77': 'a1' },
    });
    await worker.drain();
    const body = enc(togglEntry(900001, 5001, 77));
    const h = { 'x-webhook-signature-256': togglSignature('once-secret-789', body) };
    const first = await hook('toggl', c.connection.id, body, h);
    expect(await first.json()).toEqual({ ok: true, queued: 1 });
    const again = await hook('toggl', c.connection.id, body, h);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ok: true, duplicate: true });
    expect(await worker.drain()).toBe(1);
    const stored = await t.deps.db
      .select()
      .from(events)
      .where(
        and(eq(events.workspaceId, team.ws), eq(events.source, 'toggl'), eq(events.externalId, '900001')),
      );
    expect(stored).toHaveLength(1);
    expect(stored[0]?.data).toMatchObject({
      type: 'timeEntry',
      assistant: 'a1',
      start: '2026-11-20T09:00:00Z',
    });
    const list = await call(
      t,
      'GET',
      `/api/v1/workspaces/${team.ws}/connections/${c.connection.id}/deliveries`,
      {
        token: team.owner.token,
      },
    );
    expect(await list.json()).toMatchObject([{ key: 'toggl:event:5001', status: 'processed', events: 1 }]);
  });

  it('records a delivery that fails conversion with its error, and stores nothing of it', async () => {
    const c = await connect({ provider: 'trello', name: 'Board', secret: 'trello-app-secret' });
    const body = enc('{"action":{"id":"5f0000000000000000000001","type":"updateCard","date":"not a date"}}');
    const res = await hook('trello', c.connection.id, body, {
      'x-trello-webhook': trelloSignature('trello-app-secret', body, c.connection.callbackUrl),
    });
    expect(res.status).toBe(200);
    await worker.drain();
    const list = await call(
      t,
      'GET',
      `/api/v1/workspaces/${team.ws}/connections/${c.connection.id}/deliveries`,
      {
        token: team.owner.token,
      },
    );
    expect(await list.json()).toMatchObject([
      {
        key: 'trello:action:5f0000000000000000000001',
        status: 'failed',
        events: 0,
        errorCode: 'invalid_payload',
      },
    ]);
    // Signed for another URL (Trello signs the callback URL too): refused.
    const elsewhere = await hook('trello', c.connection.id, body, {
      'x-trello-webhook': trelloSignature('trello-app-secret', body, `${c.connection.callbackUrl}/`),
    });
    expect(elsewhere.status).toBe(401);
  });

  it("answers Trello's HEAD with 200 while the connection lives and 410 once removed", async () => {
    const c = await connect({ provider: 'trello', name: 'Board 2', secret: 'trello-app-secret' });
    const url = `/hooks/trello/${c.connection.id}`;
    expect((await t.app.request(url, { method: 'HEAD' })).status).toBe(200);
    expect((await t.app.request('/hooks/trello/whc_unknown', { method: 'HEAD' })).status).toBe(404);
    expect((await t.app.request(`/hooks/slack/${c.connection.id}`, { method: 'HEAD' })).status).toBe(404);
    const del = await call(t, 'DELETE', `/api/v1/workspaces/${team.ws}/connections/${c.connection.id}`, {
      token: team.owner.token,
    });
    expect(del.status).toBe(200);
    expect((await t.app.request(url, { method: 'HEAD' })).status).toBe(410);
    const body = enc(
      '{"action":{"id":"5f0000000000000000000002","type":"updateCard","date":"2026-11-20T10:00:00Z"}}',
    );
    const post = await hook('trello', c.connection.id, body, {
      'x-trello-webhook': trelloSignature('trello-app-secret', body, c.connection.callbackUrl),
    });
    expect(post.status).toBe(410);
    expect(((await post.json()) as { error: { code: string } }).error.code).toBe('connection_revoked');
  });

  it('accepts the Asana handshake only while pending, never over an established secret', async () => {
    const c = await connect({ provider: 'asana', name: 'Project' });
    const id = c.connection.id;
    const secret = 'asana-handshake-secret-0123456789';
    // A handshake with a body, or a malformed secret, is refused.
    expect((await hook('asana', id, '{"x":1}', { 'x-hook-secret': secret })).status).toBe(401);
    expect((await hook('asana', id, '', { 'x-hook-secret': 'short' })).status).toBe(401);
    const ok = await hook('asana', id, '', { 'x-hook-secret': secret });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-hook-secret')).toBe(secret);
    // A second handshake cannot replace it.
    const again = await hook('asana', id, '', { 'x-hook-secret': 'attacker-secret-0123456789abcdef' });
    expect(again.status).toBe(401);
    const body = enc('{"events":[]}');
    expect((await hook('asana', id, body, { 'x-hook-signature': asanaSignature(secret, body) })).status).toBe(
      200,
    );
    expect(
      (
        await hook('asana', id, body, {
          'x-hook-signature': asanaSignature('attacker-secret-0123456789abcdef', body),
        })
      ).status,
    ).toBe(401);
    // A connection whose window has passed refuses the handshake.
    const late = await connect({ provider: 'asana', name: 'Late' });
    t.clock.now += 16 * 60_000;
    try {
      expect((await hook('asana', late.connection.id, '', { 'x-hook-secret': secret })).status).toBe(401);
      // Rotating opens a new window (an explicit, audited act of a member).
      const rot = await call(
        t,
        'POST',
        `/api/v1/workspaces/${team.ws}/connections/${late.connection.id}/rotate`,
        {
          token: team.owner.token,
          json: {},
        },
      );
      expect(rot.status).toBe(200);
      expect((await hook('asana', late.connection.id, '', { 'x-hook-secret': secret })).status).toBe(200);
    } finally {
      t.clock.now -= 16 * 60_000;
    }
  });

  it('stops a connection whose creator left the workspace, audited once', async () => {
    const c = await connect(
      { provider: 'clockify', name: 'Clockify', secret: 'clockifytoken123456' },
      team.members.manager.token,
    );
    const body = enc(
      '{"id":"65a000000000000000000001","userId":"u1","timeInterval":{"start":"2026-11-20T09:00:00Z","end":"2026-11-20T10:00:00Z"}}',
    );
    const h = {
      'clockify-signature': 'clockifytoken123456',
      'clockify-webhook-event-type': 'NEW_TIME_ENTRY',
    };
    expect((await hook('clockify', c.connection.id, body, h)).status).toBe(200);
    const removed = await call(
      t,
      'DELETE',
      `/api/v1/workspaces/${team.ws}/members/${team.members.manager.userId}`,
      {
        token: team.owner.token,
      },
    );
    expect(removed.status).toBeLessThan(300);
    for (let i = 0; i < 3; i++) {
      const res = await hook('clockify', c.connection.id, body, h);
      expect(res.status).toBe(410);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('connection_revoked');
    }
    // An unsigned request does not learn or trigger anything more.
    expect((await hook('clockify', c.connection.id, body, {})).status).toBe(410);
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, team.ws), eq(auditLog.action, 'connection.revoke')));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.after).toMatchObject({ reason: 'creator_left' });
  });

  it('refuses a body over 1 MiB with 413 before hashing', async () => {
    const c = await connect({ provider: 'toggl', name: 'Big', secret: 'big-secret-0000' });
    const big = new Uint8Array(1024 * 1024 + 1).fill(0x20);
    const res = await hook('toggl', c.connection.id, big, { 'x-webhook-signature-256': TOGGL_SIG });
    expect(res.status).toBe(413);
  });

  it('never answers 5xx to hostile input', async () => {
    const c = await connect({ provider: 'toggl', name: 'Hostile', secret: 'hostile-secret-1' });
    const bodies = ['{"__proto__":{"polluted":1},"event_id":3}', '[', '\u0000\u0001', '{"event_id":"1e999"}'];
    for (const b of bodies) {
      const body = enc(b);
      const res = await hook('toggl', c.connection.id, body, {
        'x-webhook-signature-256': togglSignature('hostile-secret-1', body),
      });
      expect(res.status, b).toBeLessThan(500);
    }
    await worker.drain();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('describes the connection routes and the receiver in the OpenAPI document', async () => {
    const doc = (await (await call(t, 'GET', '/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    expect(Object.keys(doc.paths['/hooks/{provider}/{connectionId}'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/workspaces/{ws}/connections'] ?? {}).sort()).toEqual([
      'get',
      'post',
    ]);
    expect(doc.paths['/api/v1/workspaces/{ws}/connections/{id}/rotate']?.post?.tags).toEqual([
      'integrations',
    ]);
    expect(doc.paths['/api/v1/workspaces/{ws}/assistants/{id}/sources']?.get).toBeDefined();
  });

  it('exports connections with their secrets and delivery keys, and a restored copy still refuses duplicates', async () => {
    // A team of its own: the earlier one lost a member, whose revoked token the archive cannot restore.
    team = await makeTeam(t, 'hooks-archive');
    const c = await connect({ provider: 'toggl', name: 'Kept', secret: 'kept-secret-0001', assistant: 'a1' });
    const body = enc(togglEntry(910001, 7001));
    const h = { 'x-webhook-signature-256': togglSignature('kept-secret-0001', body) };
    expect(await (await hook('toggl', c.connection.id, body, h)).json()).toEqual({ ok: true, queued: 1 });
    const archive = await exportWorkspace(t.deps, team.ws);
    const other = await openTestStore(kind);
    try {
      const deps = { ...t.deps, db: other.db };
      await restoreWorkspace(deps, archive);
      const [conn] = await other.db
        .select()
        .from(webhookConnections)
        .where(eq(webhookConnections.id, c.connection.id));
      expect(conn).toMatchObject({ workspaceId: team.ws, secret: 'kept-secret-0001', status: 'active' });
      const keys = await other.db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.connectionId, c.connection.id));
      expect(keys.map((k) => [k.deliveryKey, k.status])).toEqual([['toggl:event:7001', 'queued']]);
      // The copy answers the same delivery as a duplicate, and processes the one still queued.
      const app = createApp(deps);
      const again = await app.request(`/hooks/toggl/${c.connection.id}`, {
        method: 'POST',
        body,
        headers: h,
      });
      expect(await again.json()).toEqual({ ok: true, duplicate: true });
      const w = new JobWorker({
        db: other.db,
        now: () => t.clock.now,
        logger: pino({ level: 'silent' }),
        handlers: webhookHandlers(deps),
        scheduleEveryMs: 0,
      });
      expect(await w.drain()).toBe(1);
      const stored = await other.db.select().from(events).where(eq(events.externalId, '910001'));
      expect(stored).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
