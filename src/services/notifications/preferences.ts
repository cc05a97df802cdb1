/**
 * Each person's notification preferences, per kind × channel (issue 8 item 8). Only choices that
 * differ from nothing are stored: a row holds what the person chose, and a kind × channel without
 * a row follows the default (notification-kinds.ts), so a new kind starts at its default for all.
 */
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '#db/client';
import { notificationPreferences } from '#db/schema/notifications';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import type { Actor, ServiceDeps } from '../service-context.ts';
import {
  CHANNELS,
  type Channel,
  channelOffered,
  defaultPreference,
  isNotificationKind,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from './notification-kinds.ts';

export type Preferences = Record<NotificationKind, Record<Channel, boolean>>;

export interface PreferenceChange {
  kind: NotificationKind;
  channel: Channel;
  enabled: boolean;
}

/** The preferences in force for one person: stored choices over the defaults. */
export async function preferencesOf(db: Db | Tx, ws: string, userId: string): Promise<Preferences> {
  const out = Object.fromEntries(
    NOTIFICATION_KINDS.map((k) => [k, Object.fromEntries(CHANNELS.map((c) => [c, defaultPreference(k, c)]))]),
  ) as Preferences;
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.workspaceId, ws), eq(notificationPreferences.userId, userId)));
  for (const r of rows) {
    if (!isNotificationKind(r.kind) || !(CHANNELS as readonly string[]).includes(r.channel)) continue;
    const channel = r.channel as Channel;
    if (channelOffered(r.kind, channel)) out[r.kind][channel] = r.enabled;
  }
  return out;
}

/** Sets the caller's own choices; a channel not offered for a kind (Slack digest) is refused. */
export async function setPreferences(
  deps: ServiceDeps,
  actor: Actor,
  changes: readonly PreferenceChange[],
): Promise<Preferences> {
  for (const c of changes)
    if (!channelOffered(c.kind, c.channel))
      throw new AppError('validation_failed', `${c.kind} is not sent by ${c.channel}`, {
        issues: [{ path: 'body.changes', message: `${c.kind} is not sent by ${c.channel}` }],
      });
  const ws = actor.workspaceId;
  await deps.db.transaction(async (tx) => {
    const before = await preferencesOf(tx, ws, actor.userId);
    const now = new Date(deps.now());
    for (const c of changes)
      await tx
        .insert(notificationPreferences)
        .values({ workspaceId: ws, userId: actor.userId, ...c, updatedAt: now })
        .onConflictDoUpdate({
          target: [
            notificationPreferences.workspaceId,
            notificationPreferences.userId,
            notificationPreferences.kind,
            notificationPreferences.channel,
          ],
          set: { enabled: c.enabled, updatedAt: now },
        });
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'notification.preferences',
      target: `user:${actor.userId}`,
      before: changes.map((c) => ({ kind: c.kind, channel: c.channel, enabled: before[c.kind][c.channel] })),
      after: changes,
    });
  });
  return preferencesOf(deps.db, ws, actor.userId);
}
