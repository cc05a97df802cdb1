/**
 * The in-app side of notifications (issue 8 item 8): a person's own list, newest first, with the
 * unread count the bell shows, and marking read. Nobody reads another person's notifications —
 * every query is scoped by workspace and the caller's user id.
 */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { mailOutbox, notifications } from '#db/schema/notifications';
import { AppError } from '#src/errors';
import type { Actor, ServiceDeps } from '../service-context.ts';

export interface NotificationView {
  id: string;
  kind: string;
  assistant: string | null;
  kpi: string | null;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  unread: number;
  items: NotificationView[];
}

type Row = typeof notifications.$inferSelect;

function viewOf(r: Row): NotificationView {
  return {
    id: r.id,
    kind: r.kind,
    assistant: r.assistantId,
    kpi: r.kpiId,
    title: r.title,
    body: r.body,
    link: r.link,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt ? r.readAt.toISOString() : null,
  };
}

const mine = (actor: Actor) =>
  and(eq(notifications.workspaceId, actor.workspaceId), eq(notifications.userId, actor.userId));

export async function unreadCount(deps: ServiceDeps, actor: Actor): Promise<number> {
  const rows = await deps.db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(actor), isNull(notifications.readAt)));
  return Number(rows[0]?.n ?? 0);
}

/** The caller's notifications, newest first (`unreadOnly`: only those not read). */
export async function listNotifications(
  deps: ServiceDeps,
  actor: Actor,
  opts: { unreadOnly?: boolean; limit?: number } = {},
): Promise<NotificationList> {
  const rows = await deps.db
    .select()
    .from(notifications)
    .where(opts.unreadOnly ? and(mine(actor), isNull(notifications.readAt)) : mine(actor))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(opts.limit ?? 50);
  return { unread: await unreadCount(deps, actor), items: rows.map(viewOf) };
}

/** Marks one of the caller's notifications read (again: no change); 404 for anyone else's. */
export async function markRead(deps: ServiceDeps, actor: Actor, id: string): Promise<NotificationView> {
  const rows = await deps.db
    .select()
    .from(notifications)
    .where(and(mine(actor), eq(notifications.id, id)));
  const row = rows[0];
  if (!row) throw new AppError('not_found', `No notification ${id}`);
  if (row.readAt) return viewOf(row);
  const updated = await deps.db
    .update(notifications)
    .set({ readAt: new Date(deps.now()) })
    .where(and(mine(actor), eq(notifications.id, id)))
    .returning();
  return viewOf(updated[0] ?? row);
}

/** Marks all of the caller's notifications read; answers how many were unread. */
export async function markAllRead(deps: ServiceDeps, actor: Actor): Promise<{ marked: number }> {
  const rows = await deps.db
    .update(notifications)
    .set({ readAt: new Date(deps.now()) })
    .where(and(mine(actor), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: rows.length };
}

export interface OutboxEntry {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  kind: string;
  createdAt: string;
  sentAt: string | null;
}

/** The workspace's e-mails, newest first: what was sent, or with no SMTP what would have been. */
export async function listOutbox(deps: ServiceDeps, ws: string, limit = 100): Promise<OutboxEntry[]> {
  const rows = await deps.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.workspaceId, ws))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.key))
    .limit(limit);
  return rows.map((r) => ({
    messageId: r.messageId,
    to: r.to,
    subject: r.subject,
    text: r.text,
    kind: r.kind,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt ? r.sentAt.toISOString() : null,
  }));
}
