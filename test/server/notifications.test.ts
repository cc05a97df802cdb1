/**
 * Notifications (issue 8 item 8) on every store, with the real worker, a real SMTP server on
 * loopback (smtp-server) and a local HTTP server standing in for Slack.
 *
 * The team (test-store.ts): a1 is the assistant member's own, assigned to the manager and the
 * coach; a2 is nobody's. Who hears of what, worked from the permission matrix (SPEC §1):
 * - a KPI proposed by the manager for a1 asks the assistant (the side that has not agreed); one
 *   proposed by the assistant asks the manager's side: the owner and the assigned manager.
 * - the rhythm of a1 (a check-in due, baseline ready, signal, raise the bar) reaches the owner,
 *   manager, coach and assistant — not the viewer; the rhythm of a2 only the owner.
 * The insight scenario is kpi-insights.test.ts's (worked by hand there): at 2026-10-14T12:00Z
 * baseline_ready for `proactive` (baseline ended 2026-09-20), raise_bar and a signal (W41, below
 * the lower limit) for `quality`, the monthly review due 2026-10-01 and the quarterly 2026-09-01
 * (first agreement 2026-06-01). The weekly digest covers 2026-W41 (the week before 10-14 − 7 days
 * = 10-07 is in W41).
 */

import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimJobs, completeJob, enqueueJob } from '#db/queries/job-queue';
import { jobs, notifications } from '#db/schema/notifications';
import { JobWorker } from '#jobs/job-worker';
import { smtpSender } from '#jobs/mail-transport';
import { notificationHandlers } from '#jobs/notification-handlers';
import { PERMISSIONS } from '#server/policies/permission-matrix';
import { exportWorkspace } from '#services/archive/export-workspace';
import { restoreWorkspace } from '#services/archive/restore-workspace';
import { messageIdFor } from '#services/notifications/deliver-email';
import { listOutbox } from '#services/notifications/notification-inbox';
import { preferencesOf } from '#services/notifications/preferences';
import { recipientsFor } from '#services/notifications/recipients';
import type { NotificationList, NotificationPreferences, Outbox } from '#shared/notification-schemas';
import { ASOF, insightEvents } from './insight-scenario.ts';
import { type SlackSink, type SmtpSink, startSlackSink, startSmtpSink } from './notification-sinks.ts';
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

type Role = 'owner' | 'manager' | 'assistant' | 'coach' | 'viewer';
const ROLES: Role[] = ['owner', 'manager', 'assistant', 'coach', 'viewer'];
const FROM = 'Tandem <notify@tandem.test>';
const silent = pino({ level: 'silent' });

describe.each(STORE_KINDS)('notifications on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let base: string;
  let smtp: SmtpSink;
  let slack: SlackSink;
  let worker: JobWorker;
  let mailer: ReturnType<typeof smtpSender>;
  const who = (r: Role) => (r === 'owner' ? team.owner : team.members[r]);
  const api = async <T>(method: string, path: string, role: Role, json?: unknown) => {
    const res = await call(t, method, `${base}${path}`, {
      token: who(role).token,
      ...(json !== undefined ? { json } : {}),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  const mine = async (role: Role) => (await api<NotificationList>('GET', '/notifications', role)).body;
  const kindsOf = async (role: Role, k: string) => (await mine(role)).items.filter((n) => n.kind === k);

  beforeAll(async () => {
    t = await startTestServer(kind);
    t.clock.now = Date.parse('2026-06-01T10:00:00Z');
    team = await makeTeam(t, 'notify');
    base = `/api/v1/workspaces/${team.ws}`;
    smtp = await startSmtpSink();
    slack = await startSlackSink();
    mailer = smtpSender(smtp.url, 5000);
    worker = new JobWorker({
      db: t.deps.db,
      now: () => t.clock.now,
      logger: silent,
      handlers: notificationHandlers(t.deps, { send: mailer.send, from: FROM }),
      leaseMs: 60_000,
      backoffMs: 1000,
      scheduleEveryMs: 0,
    });
  }, 60_000);
  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
    await slack?.close();
    await t?.close();
  });

  it('reaches exactly the people the permission matrix lets see the assistant', async () => {
    const ids = async (a: string, audience: 'rhythm' | 'managers' | 'assistant') =>
      (await recipientsFor(t.deps.db, team.ws, a, audience)).map((r) => r.role).sort();
    expect(await ids('a1', 'rhythm')).toEqual(['assistant', 'coach', 'manager', 'owner']);
    expect(await ids('a1', 'managers')).toEqual(['manager', 'owner']);
    expect(await ids('a1', 'assistant')).toEqual(['assistant']);
    expect(await ids('a2', 'rhythm')).toEqual(['owner']);
    // The rhythm audience is the review.comment row: a role with no cell there hears nothing.
    for (const role of ROLES)
      expect((await ids('a1', 'rhythm')).includes(role)).toBe(PERMISSIONS['review.comment'][role] !== null);
  });

  it('asks the other side to agree a proposed KPI, in the app and by e-mail with a stable Message-ID', async () => {
    const proposed = await api('POST', '/kpis', 'manager', {
      id: 'k-one',
      assistant: 'a1',
      metric: 'on_time_rate',
      direction: 'higher',
    });
    expect(proposed.status).toBe(201);
    // Queued in the proposal's transaction; nothing is delivered before the worker runs.
    expect(await kindsOf('assistant', 'agreement_requested')).toEqual([]);
    await worker.drain();
    const asked = await kindsOf('assistant', 'agreement_requested');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({
      assistant: 'a1',
      kpi: 'k-one',
      link: `/w/${team.ws}/kpis/k-one`,
      readAt: null,
    });
    for (const role of ['owner', 'manager', 'coach', 'viewer'] as const)
      expect(await kindsOf(role, 'agreement_requested')).toEqual([]);

    // The e-mail went through the SMTP server, once, to the assistant, with the key's Message-ID.
    const assistantEmail = `assistant-${team.name}@example.com`;
    const mails = smtp.mails.filter((m) => m.to.includes(assistantEmail));
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    if (!mail) throw new Error('no mail');
    const key = `email:agreement:${team.ws}:k-one:kpi:2026-06-01T10:00:00.000Z:${team.members.assistant.userId}`;
    expect(mail.messageId).toBe(messageIdFor(key, 'http://localhost:3000'));
    expect(mail.messageId).toMatch(/^<[0-9a-f]{40}@localhost>$/);
    expect(mail.header('X-Tandem-Idempotency-Key')).toBe(key);
    expect(mail.header('From')).toContain('notify@tandem.test');
    expect(mail.header('Subject')).toBe('Tandem: KPI to agree: on_time_rate (a1)');
    // The body is quoted-printable: soft line breaks joined, the link reads whole.
    expect(mail.raw.replace(/=\r?\n/g, '')).toContain(
      `Open in Tandem: http://localhost:3000/w/${team.ws}/kpis/k-one`,
    );

    // The assistant agrees: nobody is asked again; the assistant proposes: the manager's side is.
    await api('POST', '/kpis/k-one/agree', 'assistant');
    await api('POST', '/kpis', 'assistant', {
      id: 'k-two',
      assistant: 'a1',
      metric: 'csat',
      direction: 'higher',
    });
    await worker.drain();
    expect(await kindsOf('assistant', 'agreement_requested')).toHaveLength(1);
    for (const role of ['owner', 'manager'] as const) {
      const got = await kindsOf(role, 'agreement_requested');
      expect(got.map((n) => n.kpi)).toEqual(['k-two']);
    }
    expect(await kindsOf('coach', 'agreement_requested')).toEqual([]);
  });

  it('counts unread for the bell, marks one or all read, and never another person’s', async () => {
    const before = await mine('owner');
    expect(before.unread).toBe(1);
    const id = before.items[0]?.id as string;
    expect((await api('POST', `/notifications/${id}/read`, 'manager')).status).toBe(404);
    const read = await api<{ readAt: string | null }>('POST', `/notifications/${id}/read`, 'owner');
    expect(read.status).toBe(200);
    expect(read.body.readAt).toBe('2026-06-01T10:00:00.000Z');
    expect((await mine('owner')).unread).toBe(0);
    expect((await mine('manager')).unread).toBe(1);
    const all = await api<{ marked: number }>('POST', '/notifications/read-all', 'manager');
    expect(all.body).toEqual({ marked: 1 });
    expect((await mine('manager')).unread).toBe(0);
    expect((await api('GET', '/notifications?unread=maybe', 'owner')).status).toBe(400);
  });

  it('respects each person’s preferences per kind × channel and audits the change', async () => {
    const prefs = await api<NotificationPreferences>('GET', '/notification-preferences', 'assistant');
    expect(prefs.body.preferences.agreement_requested).toEqual({ in_app: true, email: true, slack: false });
    expect(prefs.body.offered.weekly_digest).toEqual(['in_app', 'email']);
    expect(prefs.body.offered.monthly_report).toEqual(['in_app', 'email']);
    const put = await api<NotificationPreferences>('PUT', '/notification-preferences', 'assistant', {
      changes: [
        { kind: 'agreement_requested', channel: 'in_app', enabled: false },
        { kind: 'agreement_requested', channel: 'email', enabled: false },
      ],
    });
    expect(put.status).toBe(200);
    expect(put.body.preferences.agreement_requested).toEqual({ in_app: false, email: false, slack: false });
    // Someone else's preferences are untouched.
    const managerPrefs = await api<NotificationPreferences>('GET', '/notification-preferences', 'manager');
    expect(managerPrefs.body.preferences.agreement_requested.in_app).toBe(true);

    const mailsBefore = smtp.mails.length;
    await api('POST', '/kpis', 'manager', {
      id: 'k-three',
      assistant: 'a1',
      metric: 'proactivity',
      direction: 'higher',
    });
    await worker.drain();
    expect((await kindsOf('assistant', 'agreement_requested')).map((n) => n.kpi)).toEqual(['k-one']);
    expect(smtp.mails.length).toBe(mailsBefore);

    const audit = await api<{ entries: { action: string; after: unknown }[] }>('GET', '/audit', 'owner');
    expect(audit.body.entries.find((e) => e.action === 'notification.preferences')?.after).toEqual([
      { kind: 'agreement_requested', channel: 'in_app', enabled: false },
      { kind: 'agreement_requested', channel: 'email', enabled: false },
    ]);
  });

  it('refuses bad and hostile preference and Slack input, storing nothing', async () => {
    const bad = [
      { changes: [] },
      { changes: [{ kind: 'weekly_digest', channel: 'slack', enabled: true }] },
      { changes: [{ kind: 'nope', channel: 'email', enabled: true }] },
      { changes: [{ kind: 'signal', channel: 'email', enabled: 'yes' }] },
      JSON.parse('{"changes":[{"kind":"signal","channel":"email","enabled":true,"__proto__":{"x":1}}]}'),
      { changes: [{ kind: 'signal', channel: 'email', enabled: true }], extra: 1 },
    ];
    for (const body of bad) {
      const res = await api<{ error: { code: string } }>('PUT', '/notification-preferences', 'coach', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const prefs = await api<NotificationPreferences>('GET', '/notification-preferences', 'coach');
    expect(prefs.body.preferences.signal.email).toBe(false);
    for (const url of ['javascript:alert(1)', 'ftp://example.com/x', 'not a url'])
      expect((await api('PUT', '/slack', 'owner', { url })).status, url).toBe(400);
    const huge = await call(t, 'PUT', `${base}/notification-preferences`, {
      token: team.members.coach.token,
      body: JSON.stringify({ changes: [], pad: 'x'.repeat(2 * 1024 * 1024) }),
      type: 'application/json',
    });
    expect(huge.status).toBe(413);
    expect((await api('GET', '/slack', 'owner')).body).toEqual({ configured: false, masked: null });
    expect((await api('GET', '/slack', 'manager')).status).toBe(403);
    expect((await api('GET', '/outbox', 'assistant')).status).toBe(403);
  });

  it('notifies a check-in due from the schedule, posts it to Slack once with its key, retrying a failed post', async () => {
    const set = await api<{ configured: boolean; masked: string }>('PUT', '/slack', 'owner', {
      url: slack.url,
    });
    expect(set.body).toEqual({
      configured: true,
      masked: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/…\/part$/),
    });
    const audit = await api<{ entries: { action: string; after: unknown }[] }>('GET', '/audit', 'owner');
    const entry = audit.body.entries.find((e) => e.action === 'notification.slack');
    expect(JSON.stringify(entry)).not.toContain('secretpart');

    t.clock.now = Date.parse('2026-06-15T08:00:00Z');
    const ci = await api<{ id: string; date: string }>('POST', '/checkins', 'manager', {
      assistant: 'a1',
      date: '2026-06-15',
    });
    expect(ci.status).toBe(201);
    const key = `review_due:${team.ws}:checkin:${ci.body.id}:2026-06-15`;
    slack.failFor.set(`slack:${key}`, [500]);
    const ours = () => slack.posts.filter((p) => p.headers['idempotency-key'] === `slack:${key}`);
    await enqueueJob(t.deps.db, { kind: 'schedule', key: 'schedule:test-1' }, t.clock.now);
    await worker.drain();
    for (const role of ['owner', 'manager', 'coach', 'assistant'] as const) {
      const due = (await kindsOf(role, 'review_due')).filter((n) => n.title.startsWith('Check-in'));
      expect(
        due.map((n) => n.title),
        role,
      ).toEqual(['Check-in with a1 today']);
    }
    expect(await kindsOf('viewer', 'review_due')).toEqual([]);
    // The first post failed (500): retried after the 1 s backoff, not before.
    expect(ours()).toHaveLength(0);
    const [failed] = await t.deps.db
      .select()
      .from(jobs)
      .where(eq(jobs.key, `slack:${key}`));
    expect(failed).toMatchObject({ status: 'queued', attempts: 1, lastError: 'Slack answered 500' });
    expect(failed?.runAt.getTime()).toBe(t.clock.now + 1000);
    t.clock.now += 1000;
    await worker.drain();
    expect(ours()).toHaveLength(1);
    const post = ours()[0];
    expect(post?.headers['idempotency-key']).toBe(`slack:${key}`);
    expect(post?.body.metadata?.event_payload?.key).toBe(`slack:${key}`);
    expect(post?.body.text).toContain('Check-in with a1 today');
    // A check-in ahead is queued for 00:00 of its day in a1's zone (Berlin, CEST: 22:00Z the day
    // before); moving it withdraws that job and queues the new day's.
    const later = await api<{ id: string }>('POST', '/checkins', 'manager', {
      assistant: 'a1',
      date: '2026-06-29',
    });
    const jobOf = async (date: string) =>
      (
        await t.deps.db
          .select()
          .from(jobs)
          .where(eq(jobs.key, `notify:review_due:${team.ws}:checkin:${later.body.id}:${date}`))
      )[0];
    expect((await jobOf('2026-06-29'))?.runAt.toISOString()).toBe('2026-06-28T22:00:00.000Z');
    await api('PATCH', `/checkins/${later.body.id}`, 'manager', { date: '2026-06-30' });
    expect(await jobOf('2026-06-29')).toBeUndefined();
    expect((await jobOf('2026-06-30'))?.runAt.toISOString()).toBe('2026-06-29T22:00:00.000Z');
    // Running the schedule again notifies nobody twice.
    await enqueueJob(t.deps.db, { kind: 'schedule', key: 'schedule:test-2' }, t.clock.now);
    await worker.drain();
    expect(ours()).toHaveLength(1);
    expect((await kindsOf('owner', 'review_due')).filter((n) => n.title.startsWith('Check-in'))).toHaveLength(
      1,
    );
  });

  it('turns the SPEC §7 insights into notifications and a weekly digest without any pulse answer', async () => {
    const owner = team.owner.token;
    await call(t, 'PATCH', `${base}/assistants/a1`, { token: owner, json: { role: 'executive_assistant' } });
    const pulses = `${REVIEW_PULSES.map((p) => JSON.stringify(p)).join('\n')}\n`;
    const ingest = await call(t, 'POST', `${base}/events`, { token: owner, body: insightEvents() });
    expect(ingest.status, await ingest.clone().text()).toBe(200);
    // SPEC §11: only the assistant writes their pulse; one private, one shared.
    const pulse = await call(t, 'POST', `${base}/events`, {
      token: team.members.assistant.token,
      body: pulses,
    });
    expect(pulse.status, await pulse.clone().text()).toBe(200);
    const agreeOn = async (at: string, id: string, metric: string) => {
      t.clock.now = Date.parse(at);
      await api('POST', '/kpis', 'manager', { id, assistant: 'a1', metric, direction: 'higher' });
      await api('POST', `/kpis/${id}/agree`, 'assistant');
    };
    // k-one (agreed 2026-06-01 above) starts the cadence on the same day as kpi-insights' quality.
    await agreeOn('2026-06-01T10:00:00Z', 'quality', 'quality_score');
    t.clock.now = Date.parse('2026-06-15T10:00:00Z');
    await api('POST', '/kpis/quality/targets', 'manager', { value: 4 });
    await api('POST', '/kpis/quality/targets/agree', 'assistant');
    await agreeOn('2026-09-07T10:00:00Z', 'proactive', 'proactivity');
    t.clock.now = Date.parse(ASOF);
    await api('POST', '/kpis/k-one/retire', 'manager');
    await worker.drain();
    await enqueueJob(t.deps.db, { kind: 'schedule', key: 'schedule:test-3' }, t.clock.now);
    await worker.drain();

    const keysOf = async (role: Role) =>
      (
        await t.deps.db
          .select()
          .from(notifications)
          .where(eq(notifications.userId, who(role).userId))
      )
        // What the schedule at asOf produced; agreements and check-ins are the tests' above.
        .filter(
          (n) =>
            n.createdAt.getTime() === Date.parse(ASOF) &&
            !n.key.startsWith('agreement:') &&
            !n.key.includes(':checkin:'),
        )
        .map((n) => n.key)
        .sort();
    const expected = [
      `baseline_ready:${team.ws}:proactive:2026-09-20`,
      `raise_bar:${team.ws}:quality:2026-09`,
      `review_due:${team.ws}:a1:monthly_review:2026-10-01`,
      `review_due:${team.ws}:a1:quarterly_review:2026-09-01`,
      `signal:${team.ws}:quality:2026-W41:outside:below`,
      `weekly_digest:${team.ws}:${who('assistant').userId}:2026-W41`,
      // SPEC §8 reports: last month's (September, asOf being 14 October) report, once per reader.
      `monthly_report:${team.ws}:${who('assistant').userId}:2026-09`,
    ].sort();
    expect(await keysOf('assistant')).toEqual(expected);
    expect(await keysOf('coach')).toEqual(
      expected.map((k) => k.replace(who('assistant').userId, who('coach').userId)).sort(),
    );
    // The viewer reads dashboards: the digest only.
    expect(await keysOf('viewer')).toEqual([
      `monthly_report:${team.ws}:${who('viewer').userId}:2026-09`,
      `weekly_digest:${team.ws}:${who('viewer').userId}:2026-W41`,
    ]);
    const monthly = (await kindsOf('manager', 'monthly_report'))[0];
    expect(monthly?.title).toBe('Monthly report 2026-09');
    expect(monthly?.body).toContain('KPIs:');
    expect(monthly?.body).toContain('2026-09-01');

    const digest = (await kindsOf('manager', 'weekly_digest'))[0];
    expect(digest?.title).toBe('Weekly digest 2026-W41');
    expect(digest?.body).toContain('a1 — quality');
    expect(digest?.body).toContain('what support do you need?');

    // SPEC §11: no notification, e-mail or Slack post carries a private pulse (nor, here, any pulse).
    const everything = JSON.stringify([
      await t.deps.db.select().from(notifications),
      (await api<Outbox>('GET', '/outbox', 'owner')).body,
      smtp.mails.map((m) => m.raw),
      slack.posts.map((p) => p.body),
    ]);
    expect(everything).not.toContain('exhausted');
    expect(everything).not.toContain('busy but fine');
  }, 60_000);

  it('shows every e-mail in the Outbox with its Message-ID and when the server took it', async () => {
    const outbox = await api<Outbox>('GET', '/outbox', 'owner');
    expect(outbox.status).toBe(200);
    expect(outbox.body.smtpConfigured).toBe(false);
    const sent = new Set(smtp.mails.map((m) => m.messageId));
    expect(outbox.body.entries.length).toBe(smtp.mails.length);
    for (const e of outbox.body.entries) {
      expect(sent.has(e.messageId)).toBe(true);
      expect(e.sentAt).not.toBeNull();
    }
    expect(new Set(outbox.body.entries.map((e) => e.messageId)).size).toBe(outbox.body.entries.length);
  });

  it('keeps e-mails in the Outbox, unsent, when no SMTP is configured', async () => {
    const outboxOnly = new JobWorker({
      db: t.deps.db,
      now: () => t.clock.now,
      logger: silent,
      handlers: notificationHandlers(t.deps, { send: undefined, from: FROM }),
      scheduleEveryMs: 0,
    });
    const before = smtp.mails.length;
    await api('POST', '/kpis', 'assistant', {
      id: 'k-four',
      assistant: 'a1',
      metric: 'csat',
      direction: 'higher',
    });
    await outboxOnly.drain();
    expect(smtp.mails.length).toBe(before);
    const entries = (await api<Outbox>('GET', '/outbox', 'owner')).body.entries.filter((e) =>
      e.subject.includes('csat'),
    );
    expect(
      entries
        .filter((e) => e.sentAt === null)
        .map((e) => e.to)
        .sort(),
    ).toEqual([`manager-${team.name}@example.com`, `owner-${team.name}@example.com`].sort());
  });

  it('retries a failing job with exponential backoff and gives up after its max attempts', async () => {
    const start = t.clock.now;
    await enqueueJob(t.deps.db, { kind: 'no-such-kind', key: 'backoff-test', maxAttempts: 3 }, start);
    const row = async () => (await t.deps.db.select().from(jobs).where(eq(jobs.key, 'backoff-test')))[0];
    // Base 1 s: the retries wait 1 s, then 2 s; the third failure is the last.
    await worker.drain();
    expect(await row()).toMatchObject({ status: 'queued', attempts: 1 });
    expect((await row())?.runAt.getTime()).toBe(start + 1000);
    t.clock.now = start + 1000;
    await worker.drain();
    expect(await row()).toMatchObject({ status: 'queued', attempts: 2 });
    expect((await row())?.runAt.getTime()).toBe(start + 1000 + 2000);
    t.clock.now = start + 2999;
    expect(await worker.drain()).toBe(0);
    t.clock.now = start + 3000;
    await worker.drain();
    expect(await row()).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'No handler for job kind no-such-kind',
    });
    t.clock.now = start;
  });

  it('gives a job whose worker died to another worker once its lease has passed, never before', async () => {
    await enqueueJob(t.deps.db, { kind: 'notify-test', key: 'lease-test' }, t.clock.now);
    const [held] = await claimJobs(t.deps.db, 'dead-worker', t.clock.now, 30_000);
    expect(held?.key).toBe('lease-test');
    expect(await claimJobs(t.deps.db, 'other', t.clock.now + 29_999, 30_000)).toEqual([]);
    const [again] = await claimJobs(t.deps.db, 'other', t.clock.now + 30_000, 30_000);
    expect(again).toMatchObject({ key: 'lease-test', attempts: 2 });
    // The dead worker's late completion is refused; the holder's counts.
    expect(await completeJob(t.deps.db, held?.id as number, 'dead-worker', t.clock.now)).toBe(false);
    expect(await completeJob(t.deps.db, again?.id as number, 'other', t.clock.now)).toBe(true);
    expect(await enqueueJob(t.deps.db, { kind: 'notify-test', key: 'lease-test' }, t.clock.now)).toBe(false);
  });
  it('exports notifications, preferences and the Outbox with the workspace, and restores them; not the queue', async () => {
    const archive = await exportWorkspace(t.deps, team.ws);
    const [ns, ps, os] = await Promise.all([
      t.deps.db.select().from(notifications).where(eq(notifications.workspaceId, team.ws)),
      api<NotificationPreferences>('GET', '/notification-preferences', 'assistant'),
      api<Outbox>('GET', '/outbox', 'owner'),
    ]);
    expect(ns.length).toBeGreaterThan(20);
    const other = await openTestStore(kind);
    try {
      const deps = { ...t.deps, db: other.db };
      await restoreWorkspace(deps, archive);
      const restored = await other.db
        .select()
        .from(notifications)
        .where(eq(notifications.workspaceId, team.ws));
      const strip = (rows: typeof ns) =>
        rows.map((n) => [n.id, n.key, n.title, n.readAt?.toISOString() ?? null]).sort();
      expect(strip(restored)).toEqual(strip(ns));
      expect(await preferencesOf(other.db, team.ws, who('assistant').userId)).toEqual(ps.body.preferences);
      const outbox = await listOutbox(deps, team.ws);
      expect(outbox.map((e) => e.messageId).sort()).toEqual(os.body.entries.map((e) => e.messageId).sort());
      expect(await other.db.select().from(jobs)).toEqual([]);
    } finally {
      await other.close();
    }
  });
  it('erases the notifications about an erased assistant and of the person who was them (SPEC §11)', async () => {
    const aboutA1 = () => t.deps.db.select().from(notifications).where(eq(notifications.assistantId, 'a1'));
    expect((await aboutA1()).length).toBeGreaterThan(0);
    const erased = await call(t, 'DELETE', `${base}/assistants/a1`, {
      token: team.owner.token,
      json: { confirm: 'a1' },
    });
    expect(erased.status, await erased.clone().text()).toBeLessThan(300);
    expect(await aboutA1()).toEqual([]);
    const theirs = await t.deps.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, who('assistant').userId));
    expect(theirs).toEqual([]);
    const outbox = await listOutbox(t.deps, team.ws, 1000);
    expect(outbox.filter((e) => e.to === `assistant-${team.name}@example.com`)).toEqual([]);
  });
});
