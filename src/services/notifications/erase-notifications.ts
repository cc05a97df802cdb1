/**
 * An assistant's erasure (SPEC §11) reaches their notifications: every notification about them,
 * and the notifications, preferences and e-mails of the people who were them (their memberships
 * end with the erasure).
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Tx } from '#db/client';
import { mailOutbox, notificationPreferences, notifications } from '#db/schema/notifications';

export async function eraseAssistantNotifications(
  tx: Tx,
  ws: string,
  assistant: string,
  users: readonly string[],
): Promise<void> {
  const about = eq(notifications.assistantId, assistant);
  await tx
    .delete(notifications)
    .where(
      and(
        eq(notifications.workspaceId, ws),
        users.length > 0 ? or(about, inArray(notifications.userId, [...users])) : about,
      ),
    );
  if (users.length === 0) return;
  await tx
    .delete(notificationPreferences)
    .where(
      and(eq(notificationPreferences.workspaceId, ws), inArray(notificationPreferences.userId, [...users])),
    );
  await tx
    .delete(mailOutbox)
    .where(and(eq(mailOutbox.workspaceId, ws), inArray(mailOutbox.userId, [...users])));
}
