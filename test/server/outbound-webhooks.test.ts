/**
 * Outbound webhooks (issue 9 item 5) on every store, with the real worker and a real HTTP receiver
 * on 127.0.0.1 that checks every message with verify-standard-webhook.ts.
 *
 * The team (test-store.ts): a1 is the assistant member's own, assigned to the manager and coach.
 * Worked by hand:
 * - retries: the worker's first backoff is 1 s, doubled per attempt (job-queue.ts backoffMs), so
 *   after two 500s the next tries are due 1 s and then 2 s after each failure; all three POSTs
 *   carry one `webhook-id`.
 * - kpi.status_changed: the insight scenario (insight-scenario.ts, worked in kpi-insights.test.ts)
 *   has `quality` (weekly quality_score, target 4 from 2026-06-15) rated 5 in 2026-W40 (met) and
 *   1 in 2026-W41 (below); at 2026-10-14T12:00Z the last complete week is W41, so exactly one
 *   change, W40 met → W41 below, is sent. `proactive` has no target (no status); `k-one` is retired.
 */

import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob } from '#db/queries/job-queue';
import { auditLog } from '#db/schema/audit';
import { jobs } from '#db/schema/notifications';
import { outboundDeliveries, webhookEndpoints } from '#db/schema/outbound-webhooks';
import { JobWorker } from '#jobs/job-worker';
import { notificationHandlers } from '#jobs/notification-handlers';
import { exportWorkspace } from '#services/archive/export-workspace';
import { restoreWorkspace } from '#services/archive/restore-workspace';
import { listWebhookDeliveries } from '#services/outbound-webhooks/webhook-delivery-log';
import type {
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from '#shared/outbound-webhook-schemas';
import { verifyStandardWebhook } from '#webhooks/outbound/index';
import { ASOF, insightEvents } from './insight-scenario.ts';
import { REVIEW_PULSES } from './review-pulses.ts';
import {
  call,
  makeTeam,
  openTestStore,
  STORE_KINDS,
  startTestServer,
  type Team,
  type TestServer,
} from './test-store.ts';
import { type ReceivedHook, startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

type Role = 'owner' | 'manager' | 'assistant' | 'coach' | 'viewer';
const ROLES: Role[] = ['owner', 'manager', 'assistant', 'coach', 'viewer'];
const silent = pino({ level: 'silent' });

interface Message {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

describe.each(STORE_KINDS)('outbound webhooks on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let base: string;
  let rx: WebhookReceiver;
  let worker: JobWorker;
  const who = (r: Role) => (r === 'owner' ? team.owner : team.members[r]);
  const api = async <T>(method: string, path: string, role: Role, json?: unknown, tm: Team = team) => {
    const res = await call(t, method, `/api/v1/workspaces/${tm.ws}${path}`, {
      token: (role === 'owner' ? tm.owner : tm.members[role]).token,
      ...(json !== undefined ? { json } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
  /** Verifies a received message with the endpoint's secret at the clock's instant; its JSON. */
  const verified = (h: ReceivedHook, secret: string): Message => {
    const headers = Object.fromEntries(
      Object.entries(h.headers).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    expect(
      verifyStandardWebhook({ body: new Uint8Array(h.body), headers, secret, now: t.clock.now }),
    ).toEqual({
      ok: true,
    });
    return JSON.parse(h.body.toString('utf8')) as Message;
  };
  const createEndpoint = async (events: string[], url = rx.url, tm: Team = team) => {
    const r = await api<WebhookEndpointWithSecret>(
      'POST',
      '/webhook-endpoints',
      'owner',
      { url, events },
      tm,
    );
    expect(r.status).toBe(201);
    return r.body;
  };

  beforeAll(async () => {
    t = await startTestServer(kind);
    t.clock.now = Date.parse('2026-06-01T10:00:00Z');
    team = await makeTeam(t, 'hooks');
    base = `/api/v1/workspaces/${team.ws}`;
    rx = await startWebhookReceiver();
    worker = new JobWorker({
      db: t.deps.db,
      now: () => t.clock.now,
      logger: silent,
      handlers: notificationHandlers(t.deps, {
        from: 'Tandem <notify@tandem.test>',
        // 3 s per attempt: room for a loaded machine, well under the receiver's 5 s hang.
        webhooks: { retryBaseMs: 1000, timeoutMs: 3000 },
      }),
      backoffMs: 1000,
      scheduleEveryMs: 0,
    });
  }, 60_000);
  afterAll(async () => {
    await rx?.close();
    await t?.close();
  });

  it('lets owners and managers manage endpoints and nobody else (permission rows)', async () => {
    for (const role of ROLES) {
      const list = await api('GET', '/webhook-endpoints', role);
      const made = await api('POST', '/webhook-endpoints', role, { url: rx.url, events: ['review.signed'] });
      const allowed = role === 'owner' || role === 'manager';
      expect([role, list.status]).toEqual([role, allowed ? 200 : 403]);
      expect([role, made.status]).toEqual([role, allowed ? 201 : 403]);
      if (allowed) {
        const id = (made.body as WebhookEndpointWithSecret).endpoint.id;
        expect((await api('DELETE', `/webhook-endpoints/${id}`, role)).status).toBe(204);
      }
    }
    expect(
      await t.deps.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.workspaceId, team.ws)),
    ).toEqual([]);
  });

  it('refuses anything but an http(s) URL with invalid_webhook_url, and stores nothing', async () => {
    for (const url of [
      'ftp://example.com/hook',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
      '//example.com/relative',
      `https://example.com/${'x'.repeat(2000)}`,
    ]) {
      const r = await api<{ error: { code: string } }>('POST', '/webhook-endpoints', 'owner', {
        url,
        events: ['review.signed'],
      });
      expect([url.slice(0, 30), r.status, r.body.error.code]).toEqual([
        url.slice(0, 30),
        400,
        url.length > 2000 ? 'validation_failed' : 'invalid_webhook_url',
      ]);
    }
    // Hostile and malformed bodies: unknown keys (`__proto__` included), no events, an unknown event.
    for (const raw of [
      '{"url":"https://example.com","events":["review.signed"],"__proto__":{"admin":true}}',
      '{"url":"https://example.com","events":[]}',
      '{"url":"https://example.com","events":["pulse.shared"]}',
      '{"url":"https://example.com","events":["review.signed"],"secret":"whsec_mine"}',
    ]) {
      const res = await call(t, 'POST', `${base}/webhook-endpoints`, {
        token: team.owner.token,
        body: raw,
        type: 'application/json',
      });
      expect(res.status).toBe(400);
    }
    const made = await createEndpoint(['review.signed']);
    const patched = await api<{ error: { code: string } }>(
      'PATCH',
      `/webhook-endpoints/${made.endpoint.id}`,
      'owner',
      {
        url: 'gopher://example.com',
      },
    );
    expect([patched.status, patched.body.error.code]).toEqual([400, 'invalid_webhook_url']);
    expect(
      (await api<WebhookEndpoint>('GET', `/webhook-endpoints/${made.endpoint.id}`, 'owner')).body.url,
    ).toBe(rx.url);
    await api('DELETE', `/webhook-endpoints/${made.endpoint.id}`, 'owner');
    expect((await api<WebhookEndpoint[]>('GET', '/webhook-endpoints', 'owner')).body).toEqual([]);
  });

  it('shows the whsec_ secret once, signs with it, and rotates it (audited without the secret)', async () => {
    const made = await createEndpoint(['review.signed']);
    expect(made.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const id = made.endpoint.id;
    const got = await api<Record<string, unknown>>('GET', `/webhook-endpoints/${id}`, 'manager');
    expect(JSON.stringify(got.body)).not.toContain('whsec_');
    expect(JSON.stringify((await api('GET', '/webhook-endpoints', 'owner')).body)).not.toContain('whsec_');

    const sent = await api<{ deliveryId: string }>('POST', `/webhook-endpoints/${id}/test`, 'manager');
    expect(sent.status).toBe(202);
    rx.received.length = 0;
    await worker.drain();
    expect(rx.received).toHaveLength(1);
    const hook = rx.received[0] as ReceivedHook;
    expect(hook.headers['webhook-id']).toBe(sent.body.deliveryId);
    expect(hook.headers['webhook-timestamp']).toBe(String(Math.floor(t.clock.now / 1000)));
    expect(verified(hook, made.secret)).toMatchObject({
      type: 'webhook.test',
      timestamp: '2026-06-01T10:00:00.000Z',
    });

    const rotated = await api<WebhookEndpointWithSecret>(
      'POST',
      `/webhook-endpoints/${id}/rotate-secret`,
      'owner',
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(made.secret);
    await api('POST', `/webhook-endpoints/${id}/test`, 'owner');
    await worker.drain();
    const after = rx.received[1] as ReceivedHook;
    verified(after, rotated.body.secret);
    const headers = Object.fromEntries(
      Object.entries(after.headers).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    expect(
      verifyStandardWebhook({
        body: new Uint8Array(after.body),
        headers,
        secret: made.secret,
        now: t.clock.now,
      }),
    ).toEqual({ ok: false, reason: 'bad_signature' });

    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.workspaceId, team.ws));
    const ours = audit.filter((a) => a.target === `webhook:${id}`).map((a) => a.action);
    expect(ours).toEqual(['webhook.create', 'webhook.test', 'webhook.rotate_secret', 'webhook.test']);
    expect(JSON.stringify(audit)).not.toContain('whsec_');
    await api('DELETE', `/webhook-endpoints/${id}`, 'owner');
  });

  it('retries after 500s and a timeout with the same webhook-id and exponential backoff, logging every attempt', async () => {
    const made = await createEndpoint(['review.signed']);
    const id = made.endpoint.id;
    rx.received.length = 0;
    rx.script = [500, 'hang', 500, 200];
    const { body } = await api<{ deliveryId: string }>('POST', `/webhook-endpoints/${id}/test`, 'owner');
    const start = t.clock.now;
    // Attempt 1: 500; due again 1 s later. Nothing runs before then.
    expect(await worker.drain()).toBe(1);
    expect(await worker.drain()).toBe(0);
    t.clock.now = start + 1000;
    // Attempt 2: no answer within the 3 s timeout; due again 2 s later.
    expect(await worker.drain()).toBe(1);
    t.clock.now = start + 3000;
    expect(await worker.drain()).toBe(1); // attempt 3: 500, due 4 s later
    t.clock.now = start + 6999;
    expect(await worker.drain()).toBe(0);
    t.clock.now = start + 7000;
    expect(await worker.drain()).toBe(1); // attempt 4: 200
    expect(rx.received).toHaveLength(4);
    for (const h of rx.received) expect(h.headers['webhook-id']).toBe(body.deliveryId);
    // Each attempt signs with its own timestamp; the body is the same bytes every time.
    expect(rx.received.map((h) => h.headers['webhook-timestamp'])).toEqual(
      [0, 1000, 3000, 7000].map((d) => String(Math.floor((start + d) / 1000))),
    );
    expect(new Set(rx.received.map((h) => h.body.toString('hex'))).size).toBe(1);
    verified(rx.received[3] as ReceivedHook, made.secret);

    const log = await api<WebhookDelivery[]>('GET', `/webhook-endpoints/${id}/deliveries`, 'manager');
    const d = log.body.find((x) => x.id === body.deliveryId) as WebhookDelivery;
    expect(d.status).toBe('succeeded');
    expect(d.attempts.map((a) => [a.attempt, a.statusCode, a.nextRetryAt])).toEqual([
      [1, 500, new Date(start + 1000).toISOString()],
      [2, null, new Date(start + 3000).toISOString()],
      [3, 500, new Date(start + 7000).toISOString()],
      [4, 200, null],
    ]);
    expect(d.attempts[0]?.error).toBe('HTTP 500: receiver down');
    expect(d.attempts[1]?.error).toBe('No answer within 3000 ms');
    expect(d.attempts[3]?.error).toBeNull();
    for (const a of d.attempts) expect(a.durationMs).toBeGreaterThanOrEqual(0);
    expect(d.attempts[1]?.durationMs).toBeGreaterThanOrEqual(2900);
    await api('DELETE', `/webhook-endpoints/${id}`, 'owner');
  }, 30_000);

  it('gives up after the last attempt and says so in the log', async () => {
    const made = await createEndpoint(['review.signed']);
    rx.script = Array(20).fill(503);
    const { body } = await api<{ deliveryId: string }>(
      'POST',
      `/webhook-endpoints/${made.endpoint.id}/test`,
      'owner',
    );
    let runs = 0;
    for (let i = 0; i < 20; i++) {
      runs += await worker.drain();
      t.clock.now += 3_600_000;
    }
    expect(runs).toBe(12);
    rx.script = [];
    const [d] = await listWebhookDeliveries(t.deps.db, team.ws, made.endpoint.id);
    expect(d?.id).toBe(body.deliveryId);
    expect(d?.status).toBe('failed');
    expect(d?.attempts).toHaveLength(12);
    expect(d?.attempts.at(-1)?.nextRetryAt).toBeNull();
    const job = (
      await t.deps.db
        .select()
        .from(jobs)
        .where(eq(jobs.key, `outbound:${team.ws}:${body.deliveryId}`))
    )[0];
    expect(job?.status).toBe('failed');
    await api('DELETE', `/webhook-endpoints/${made.endpoint.id}`, 'owner');
    t.clock.now = Date.parse('2026-06-01T10:00:00Z');
  }, 30_000);

  it('sends agreement.requested when a KPI proposal waits for the other side', async () => {
    const made = await createEndpoint(['agreement.requested']);
    const off = await createEndpoint(['agreement.requested']);
    await api('PATCH', `/webhook-endpoints/${off.endpoint.id}`, 'owner', { enabled: false });
    rx.received.length = 0;
    const proposed = await api('POST', '/kpis', 'manager', {
      id: 'k-agree',
      assistant: 'a1',
      metric: 'on_time_rate',
      direction: 'higher',
    });
    expect(proposed.status).toBe(201);
    // Queued in the proposal's transaction, sent by the worker.
    expect(rx.received).toHaveLength(0);
    await worker.drain();
    expect(rx.received).toHaveLength(1);
    const m = verified(rx.received[0] as ReceivedHook, made.secret);
    expect(m).toEqual({
      type: 'agreement.requested',
      timestamp: new Date(t.clock.now).toISOString(),
      data: {
        subject: 'kpi',
        waitingFor: 'assistant',
        requestedBy: who('manager').userId,
        kpi: {
          id: 'k-agree',
          name: expect.any(String),
          metric: 'on_time_rate',
          direction: 'higher',
          assistant: 'a1',
          status: 'proposed',
        },
      },
    });
    // Agreeing asks nobody; the same event is never sent twice.
    await api('POST', '/kpis/k-agree/agree', 'assistant');
    await worker.drain();
    expect(rx.received).toHaveLength(1);
    expect((await listWebhookDeliveries(t.deps.db, team.ws, off.endpoint.id)).length).toBe(0);
    await api('DELETE', `/webhook-endpoints/${made.endpoint.id}`, 'owner');
    await api('DELETE', `/webhook-endpoints/${off.endpoint.id}`, 'owner');
  });

  it('sends review.signed once, when the second side signs, without any pulse', async () => {
    const made = await createEndpoint(['review.signed']);
    rx.received.length = 0;
    const pulses = `${REVIEW_PULSES.map((p) => JSON.stringify(p)).join('\n')}\n`;
    await call(t, 'POST', `${base}/events`, { token: team.members.assistant.token, body: pulses });
    const review = await api<{ id: string }>('POST', '/reviews', 'manager', {
      assistant: 'a1',
      month: '2026-05',
    });
    expect(review.status).toBe(201);
    expect((await api('POST', `/reviews/${review.body.id}/sign-off`, 'manager')).status).toBe(200);
    await worker.drain();
    expect(rx.received).toHaveLength(0);
    t.clock.now += 60_000;
    expect((await api('POST', `/reviews/${review.body.id}/sign-off`, 'assistant')).status).toBe(200);
    await worker.drain();
    expect(rx.received).toHaveLength(1);
    const hook = rx.received[0] as ReceivedHook;
    const m = verified(hook, made.secret);
    expect(m.type).toBe('review.signed');
    expect(m.data).toEqual({
      review: {
        id: review.body.id,
        assistant: 'a1',
        month: '2026-05',
        signed: {
          manager: { at: new Date(t.clock.now - 60_000).toISOString(), by: who('manager').userId },
          assistant: { at: new Date(t.clock.now).toISOString(), by: who('assistant').userId },
        },
        locked: true,
        lockedAt: new Date(t.clock.now).toISOString(),
      },
    });
    // SPEC §11: no pulse answer or comment leaves Tandem.
    const text = hook.body.toString('utf8');
    expect(text).not.toMatch(/pulse/i);
    for (const p of REVIEW_PULSES)
      if ('comment' in p && typeof p.comment === 'string') expect(text).not.toContain(p.comment);
    await api('DELETE', `/webhook-endpoints/${made.endpoint.id}`, 'owner');
  });

  it('sends kpi.status_changed once when a KPI goes from met to below (SPEC §5)', async () => {
    const tm = await makeTeam(t, 'status');
    t.clock.now = Date.parse('2026-06-01T10:00:00Z');
    const made = await createEndpoint(['kpi.status_changed'], rx.url, tm);
    const ingest = await call(t, 'POST', `/api/v1/workspaces/${tm.ws}/events`, {
      token: tm.owner.token,
      body: insightEvents(),
    });
    expect(ingest.status, await ingest.clone().text()).toBe(200);
    const agreeOn = async (at: string, id: string, metric: string) => {
      t.clock.now = Date.parse(at);
      await api('POST', '/kpis', 'manager', { id, assistant: 'a1', metric, direction: 'higher' }, tm);
      await api('POST', `/kpis/${id}/agree`, 'assistant', undefined, tm);
    };
    await agreeOn('2026-06-01T10:00:00Z', 'quality', 'quality_score');
    t.clock.now = Date.parse('2026-06-15T10:00:00Z');
    await api('POST', '/kpis/quality/targets', 'manager', { value: 4 }, tm);
    await api('POST', '/kpis/quality/targets/agree', 'assistant', undefined, tm);
    await agreeOn('2026-09-07T10:00:00Z', 'proactive', 'proactivity');
    t.clock.now = Date.parse(ASOF);
    rx.received.length = 0;
    await worker.drain();
    // The endpoint hears only what it subscribed to: no agreement requests.
    expect(rx.received).toHaveLength(0);
    await enqueueJob(t.deps.db, { kind: 'schedule', key: `schedule:hooks-${kind}-1` }, t.clock.now);
    await worker.drain();
    expect(rx.received).toHaveLength(1);
    const m = verified(rx.received[0] as ReceivedHook, made.secret);
    expect(m).toEqual({
      type: 'kpi.status_changed',
      timestamp: '2026-10-14T12:00:00.000Z',
      data: {
        kpi: {
          id: 'quality',
          name: expect.any(String),
          metric: 'quality_score',
          direction: 'higher',
          assistant: 'a1',
        },
        period: '2026-W41',
        status: 'below',
        value: 1,
        target: 4,
        previous: { period: '2026-W40', status: 'met', value: 5, target: 4 },
      },
    });
    // The schedule runs every 15 minutes: nothing is sent twice.
    t.clock.now += 15 * 60_000;
    await enqueueJob(t.deps.db, { kind: 'schedule', key: `schedule:hooks-${kind}-2` }, t.clock.now);
    await worker.drain();
    expect(rx.received).toHaveLength(1);
    const rows = await t.deps.db
      .select()
      .from(outboundDeliveries)
      .where(eq(outboundDeliveries.workspaceId, tm.ws));
    expect(rows.map((r) => [r.eventType, r.status])).toEqual([['kpi.status_changed', 'succeeded']]);
  }, 60_000);

  it('describes every route in the OpenAPI document', async () => {
    const doc = (await (await call(t, 'GET', '/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    const p = '/api/v1/workspaces/{ws}/webhook-endpoints';
    const seen = Object.entries(doc.paths)
      .filter(([k]) => k.startsWith(p))
      .flatMap(([k, ops]) => Object.entries(ops).map(([m, op]) => [`${m} ${k.slice(p.length)}`, op.tags]));
    expect(seen.sort()).toEqual(
      [
        ['get ', ['webhooks']],
        ['post ', ['webhooks']],
        ['get /{id}', ['webhooks']],
        ['patch /{id}', ['webhooks']],
        ['delete /{id}', ['webhooks']],
        ['post /{id}/rotate-secret', ['webhooks']],
        ['post /{id}/test', ['webhooks']],
        ['get /{id}/deliveries', ['webhooks']],
      ].sort(),
    );
  });

  it('keeps endpoints, secrets and the delivery log in the workspace archive', async () => {
    const made = await createEndpoint(['review.signed', 'kpi.status_changed']);
    await api('POST', `/webhook-endpoints/${made.endpoint.id}/test`, 'owner');
    await worker.drain();
    const log = await listWebhookDeliveries(t.deps.db, team.ws, made.endpoint.id);
    const listed = (await api<WebhookEndpoint[]>('GET', '/webhook-endpoints', 'owner')).body;
    const archive = await exportWorkspace(t.deps, team.ws);
    const other = await openTestStore(kind);
    try {
      const deps = { ...t.deps, db: other.db };
      await restoreWorkspace(deps, archive);
      const restored = await other.db
        .select()
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.workspaceId, team.ws));
      expect(restored.find((r) => r.id === made.endpoint.id)?.secret).toBe(made.secret);
      const { listWebhookEndpoints } = await import('#services/outbound-webhooks/webhook-endpoints');
      expect(await listWebhookEndpoints(other.db, team.ws)).toEqual(listed);
      expect(await listWebhookDeliveries(other.db, team.ws, made.endpoint.id)).toEqual(log);
      // The queue stays behind: nothing is waiting in the copy.
      expect(await other.db.select().from(jobs)).toEqual([]);
    } finally {
      await other.close();
    }
  }, 60_000);
});
