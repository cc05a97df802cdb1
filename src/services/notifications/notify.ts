/**
 * From "something happened" to notifications (issue 8 item 8). A producer calls `queueNotification`
 * inside its own transaction: that enqueues one `notify` job keyed by the event, so the event is
 * queued exactly when the change commits and a repeat of the same event is a no-op. The worker
 * then runs `fanOutNotification`, in one transaction: who may hear of it (recipients.ts), each
 * person's preferences, one in-app notification per person, one `email` job per person who wants
 * mail and one `slack` job for the workspace's channel. Every row is keyed, so a fan-out repeated
 * after a crash adds nothing. No notification ever carries a pulse answer (SPEC §11): producers
 * pass only KPI, review and agreement facts.
 */
import { randomBytes } from 'node:crypto';
import type { Db, Tx } from '#db/client';
import { enqueueJob } from '#db/queries/job-queue';
import { notifications } from '#db/schema/notifications';
import type { NotificationKind } from './notification-kinds.ts';
import { preferencesOf } from './preferences.ts';
import { type Audience, type Recipient, recipientsFor } from './recipients.ts';
import { slackWebhookOf } from './slack-setting.ts';

export interface NotificationEvent {
  workspaceId: string;
  kind: NotificationKind;
  /** Idempotency key of the event, e.g. `signal:<ws>:<kpi>:<period>:<rule>:<side>`. */
  key: string;
  assistantId: string;
  kpiId?: string | null;
  audience: Audience;
  title: string;
  body: string;
  /** A path of the web app. */
  link?: string | null;
  /** Members not to notify (the person who caused it). */
  except?: string[];
}

/** Queues the event for fan-out inside the caller's transaction; false when it was queued before. */
export function queueNotification(db: Db | Tx, event: NotificationEvent, now: number): Promise<boolean> {
  return enqueueJob(
    db,
    {
      kind: 'notify',
      key: `notify:${event.key}`,
      workspaceId: event.workspaceId,
      payload: event as unknown as Record<string, unknown>,
    },
    now,
  );
}

export const newNotificationId = (): string => `n-${randomBytes(8).toString('hex')}`;

/** One person's notification, the e-mail job if they want mail; the caller then queues Slack once. */
export async function notifyPerson(
  tx: Tx,
  r: Recipient,
  n: Omit<NotificationEvent, 'audience' | 'except' | 'assistantId'> & { assistantId: string | null },
  now: number,
): Promise<{ slack: boolean }> {
  const prefs = await preferencesOf(tx, n.workspaceId, r.userId);
  const want = prefs[n.kind];
  if (want.in_app)
    await tx
      .insert(notifications)
      .values({
        workspaceId: n.workspaceId,
        id: newNotificationId(),
        userId: r.userId,
        kind: n.kind,
        key: n.key,
        assistantId: n.assistantId,
        kpiId: n.kpiId ?? null,
        title: n.title,
        body: n.body,
        link: n.link ?? null,
        createdAt: new Date(now),
      })
      .onConflictDoNothing();
  if (want.email)
    await enqueueJob(
      tx,
      {
        kind: 'email',
        key: `email:${n.key}:${r.userId}`,
        workspaceId: n.workspaceId,
        payload: {
          userId: r.userId,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link ?? null,
        },
      },
      now,
    );
  return { slack: want.slack };
}

/** The `notify` job: fans one event out to the people allowed to see its subject. */
export async function fanOutNotification(db: Db, event: NotificationEvent, now: number): Promise<number> {
  return db.transaction(async (tx) => {
    const except = new Set(event.except ?? []);
    const people = (await recipientsFor(tx, event.workspaceId, event.assistantId, event.audience)).filter(
      (r) => !except.has(r.userId),
    );
    let slack = false;
    for (const r of people) if ((await notifyPerson(tx, r, event, now)).slack) slack = true;
    if (slack && (await slackWebhookOf(tx, event.workspaceId)))
      await enqueueJob(
        tx,
        {
          kind: 'slack',
          key: `slack:${event.key}`,
          workspaceId: event.workspaceId,
          payload: { kind: event.kind, title: event.title, body: event.body, link: event.link ?? null },
        },
        now,
      );
    return people.length;
  });
}
