/**
 * Notifications in the workspace archive (issue 8 item 8; SPEC §11, §13): each person's in-app
 * notifications with their read state, their preferences, and the e-mail Outbox. The queue's jobs
 * are transient work, not workspace data, and stay behind: a restored workspace starts with an
 * empty queue (a notification that was still queued is not sent from the copy).
 */
import { asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '#db/client';
import { mailOutbox, notificationPreferences, notifications } from '#db/schema/notifications';

type J = Record<string, unknown>;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const date = (v: unknown): Date | null => (typeof v === 'string' ? new Date(v) : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const optStr = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The archive's files for notifications. */
export async function notificationArchiveFiles(
  db: Db | Tx,
  ws: string,
): Promise<{ name: string; data: string }[]> {
  const [ns, ps, os] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(eq(notifications.workspaceId, ws))
      .orderBy(asc(notifications.createdAt), asc(notifications.id)),
    db.select().from(notificationPreferences).where(eq(notificationPreferences.workspaceId, ws)),
    db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.workspaceId, ws))
      .orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.key)),
  ]);
  return [
    {
      name: 'notifications.json',
      data: JSON.stringify(
        ns.map(({ workspaceId: _w, createdAt, readAt, ...r }) => ({
          ...r,
          createdAt: createdAt.toISOString(),
          readAt: iso(readAt),
        })),
      ),
    },
    {
      name: 'notification-preferences.json',
      data: JSON.stringify(
        ps.map(({ workspaceId: _w, updatedAt, ...r }) => ({ ...r, updatedAt: updatedAt.toISOString() })),
      ),
    },
    {
      name: 'mail-outbox.json',
      data: JSON.stringify(
        os.map(({ workspaceId: _w, createdAt, sentAt, ...r }) => ({
          ...r,
          createdAt: createdAt.toISOString(),
          sentAt: iso(sentAt),
        })),
      ),
    },
  ];
}

/** Restores them; `uid` maps an archived user id to the restored one, `list` reads an optional file. */
export async function restoreNotificationFiles(
  tx: Tx,
  ws: string,
  list: (name: string) => J[],
  uid: (v: unknown) => string,
  now: number,
): Promise<void> {
  for (const n of list('notifications.json'))
    await tx.insert(notifications).values({
      workspaceId: ws,
      id: str(n.id),
      userId: uid(n.userId),
      kind: str(n.kind),
      key: str(n.key),
      assistantId: optStr(n.assistantId),
      kpiId: optStr(n.kpiId),
      title: str(n.title),
      body: str(n.body),
      link: optStr(n.link),
      createdAt: date(n.createdAt) ?? new Date(now),
      readAt: date(n.readAt),
    });
  for (const p of list('notification-preferences.json'))
    await tx.insert(notificationPreferences).values({
      workspaceId: ws,
      userId: uid(p.userId),
      kind: str(p.kind),
      channel: str(p.channel),
      enabled: p.enabled === true,
      updatedAt: date(p.updatedAt) ?? new Date(now),
    });
  for (const o of list('mail-outbox.json'))
    await tx.insert(mailOutbox).values({
      workspaceId: ws,
      key: str(o.key),
      messageId: str(o.messageId),
      userId: uid(o.userId),
      to: str(o.to),
      subject: str(o.subject),
      text: str(o.text),
      kind: str(o.kind),
      createdAt: date(o.createdAt) ?? new Date(now),
      sentAt: date(o.sentAt),
    });
}
